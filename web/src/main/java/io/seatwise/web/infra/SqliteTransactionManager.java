package io.seatwise.web.infra;

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
 * Spring's JPA transaction manager, made to suit SQLite's single writer.
 *
 * <p>Every read-write transaction takes SQLite's write lock when it begins ({@code BEGIN IMMEDIATE}). A transaction
 * that began by reading and then wants to write cannot wait for the lock: SQLite refuses it at once with
 * {@code SQLITE_BUSY} whenever another writer committed in between. sqlite-jdbc's own {@code transaction_mode=IMMEDIATE}
 * is no substitute: it begins the next immediate transaction inside {@code commit()}, so a connection takes the write
 * lock again before Axon has released the aggregate lock that the next command for the same seat map waits for, and
 * the two wait for each other.
 *
 * <p>Writers of this process also queue on a fair lock before they ask SQLite, so that they are served in order and
 * woken at once, instead of polling in SQLite's busy handler with growing sleeps. Only one background writer (a
 * read-model batch, a mail round, a snapshot) is in that queue at a time, the others wait for their turn to join it:
 * a batch of the group commit, which stores the bookings that waited, then waits for at most one of them. Read-only transactions, and reads
 * outside transactions, take neither lock: in WAL mode they read a snapshot beside the writer.
 */
class SqliteTransactionManager extends JpaTransactionManager {

    private static final long LOCK_TIMEOUT_SECONDS = 60;

    private final ReentrantLock writer = new ReentrantLock(true);

    /**
     * Writers other than the group commit's leaders wait here, one at a time, before they queue for the writer lock:
     * so a batch of bookings waits for at most one read-model batch or mail round, not for one of each.
     */
    private final ReentrantLock background = new ReentrantLock(true);

    /** Whether this thread stores commands for the group commit ({@link #inForeground}). */
    private static final ThreadLocal<Boolean> FOREGROUND = ThreadLocal.withInitial(() -> false);

    /**
     * Per thread, for each transaction begun and not yet cleaned up: whether it still holds the writer lock, and
     * whether it holds the background writers' turn.
     */
    private final ThreadLocal<Deque<boolean[]>> holds = ThreadLocal.withInitial(ArrayDeque::new);

    /** Whether the thread waits for the writer lock itself. */
    boolean waitsForWriter(Thread thread) {
        return writer.hasQueuedThread(thread);
    }

    /** Whether the thread is a background writer waiting for its turn to queue for the writer. */
    boolean waitsInBackground(Thread thread) {
        return background.hasQueuedThread(thread);
    }

    /** Runs the work, whose transactions queue for the writer ahead of the background's (see {@link GroupCommit}). */
    static void inForeground(Runnable work) {
        boolean before = FOREGROUND.get();
        FOREGROUND.set(true);
        try {
            work.run();
        } finally {
            FOREGROUND.set(before);
        }
    }

    SqliteTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    /**
     * Opens the entity manager and the driver's deferred transaction first, which lock nothing, and only then queues
     * for the writer: the time a writer holds the lock is the time that every other booking of the process waits.
     */
    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        boolean writes = !definition.isReadOnly();
        var hold = new boolean[] {false, false};
        holds.get().push(hold);
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            holds.get().pop();
            throw e;
        }
        if (writes) {
            try {
                if (!FOREGROUND.get()) {
                    acquire(background);
                    hold[1] = true;
                }
                acquire(writer);
                hold[0] = true;
                beginImmediate();
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

    private void acquire(ReentrantLock lock) {
        try {
            if (!lock.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new CannotCreateTransactionException("The database stayed busy for too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("Interrupted while waiting for the database", e);
        }
    }

    /** Releases the writer lock, and the background's turn, if the innermost transaction of this thread holds them. */
    private void releaseWriter() {
        var hold = holds.get().peek();
        if (hold != null && hold[0]) {
            hold[0] = false;
            writer.unlock();
        }
        if (hold != null && hold[1]) {
            hold[1] = false;
            background.unlock();
        }
    }

    /** Trades the deferred transaction that the driver opened for one that holds the write lock from the start. */
    private void beginImmediate() {
        var connection = DataSourceUtils.getConnection(getDataSource());
        try (var statement = connection.createStatement()) {
            statement.execute("COMMIT");
            statement.execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            releaseWriter();
            throw new CannotCreateTransactionException("Could not take the database's write lock", e);
        }
    }
}
