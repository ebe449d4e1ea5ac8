package io.seatwise.web.storage.sqlite;

import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JPA transaction manager, made to suit SQLite's single writer per database file.
 *
 * <p>The application's SQLite database is two files (see {@link SqliteDatabase}): the event store, written by
 * commands, and the read models, written by the event processors and the postman. Each file has a writer of its own,
 * and each instance of this class serves the transactions that write one of them: it takes that file's write lock
 * when a read-write transaction begins, and leaves the other file's free for the other writer.
 *
 * <p>The lock is taken by a write that changes nothing, right after the driver's deferred {@code BEGIN}. A
 * transaction that began by reading and then wants to write cannot wait for the lock: SQLite refuses it at once with
 * {@code SQLITE_BUSY} whenever another writer committed in between. {@code BEGIN IMMEDIATE} would take the write lock
 * of every attached file at once, and sqlite-jdbc's own {@code transaction_mode=IMMEDIATE} begins the next immediate
 * transaction inside {@code commit()}, so a connection would take the write lock again before Axon has released the
 * aggregate lock that the next command for the same seat map waits for, and the two would wait for each other.
 *
 * <p>Writers of this process also queue on a fair lock per file before they ask SQLite, so that they are served in
 * order and woken at once, instead of polling in SQLite's busy handler with growing sleeps. Read-only transactions,
 * and reads outside transactions, take neither lock: in WAL mode they read a snapshot beside the writers.
 */
class SqliteTransactionManager extends JpaTransactionManager {

    private static final long LOCK_TIMEOUT_SECONDS = 60;

    private final ReentrantLock writer = new ReentrantLock(true);

    /** A statement that writes nothing to the file of this manager's transactions but takes its write lock. */
    private final String takeWriteLock;

    /** Per thread, for each transaction begun and not yet cleaned up: whether it still holds the writer lock. */
    private final ThreadLocal<Deque<boolean[]>> holds = ThreadLocal.withInitial(ArrayDeque::new);

    /**
     * @param schema the name under which the connection knows the file that this manager's transactions write
     * @param table any table of that file
     */
    SqliteTransactionManager(EntityManagerFactory entityManagerFactory, String schema, String table) {
        super(entityManagerFactory);
        this.takeWriteLock = "DELETE FROM " + schema + "." + table + " WHERE 0";
    }

    /**
     * Opens the entity manager and the driver's deferred transaction first, which lock nothing, and only then queues
     * for the writer: the time a writer holds the lock is the time that every other booking of the process waits.
     */
    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        boolean writes = !definition.isReadOnly();
        var hold = new boolean[] {false};
        holds.get().push(hold);
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            holds.get().pop();
            throw e;
        }
        if (writes) {
            try {
                acquireWriter();
                hold[0] = true;
                takeWriteLock();
            } catch (RuntimeException | Error e) {
                doCleanupAfterCompletion(transaction);
                throw e;
            }
        }
    }

    /** Lets the next writer in as soon as SQLite has committed, before the entity manager is closed. */
    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        try {
            super.doCommit(status);
        } finally {
            releaseWriter();
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } finally {
            releaseWriter();
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            releaseWriter();
            holds.get().pop();
        }
    }

    private void acquireWriter() {
        try {
            if (!writer.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new CannotCreateTransactionException("The database stayed busy for too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("Interrupted while waiting for the database", e);
        }
    }

    /** Releases the writer lock if the innermost transaction of this thread still holds it. */
    private void releaseWriter() {
        var hold = holds.get().peek();
        if (hold != null && hold[0]) {
            hold[0] = false;
            writer.unlock();
        }
    }

    /** Makes the driver's deferred transaction one that holds the write lock of this manager's file from the start. */
    private void takeWriteLock() {
        var connection = DataSourceUtils.getConnection(getDataSource());
        try (var statement = connection.createStatement()) {
            statement.execute(takeWriteLock);
        } catch (SQLException e) {
            releaseWriter();
            throw new CannotCreateTransactionException("Could not take the database's write lock", e);
        }
    }
}
