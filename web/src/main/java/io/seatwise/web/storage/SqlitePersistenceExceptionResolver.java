package io.seatwise.web.storage;

import java.sql.SQLException;
import java.util.Set;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon which failures are duplicate keys, so that two appends of the same aggregate sequence number become a
 * concurrency error. Axon's own resolver looks the database product up in a table that lacks SQLite; this one reads
 * the SQL state (23505 on PostgreSQL, so that one resolver serves both databases) and SQLite's extended result codes for unique and primary key violations.
 */
class SqlitePersistenceExceptionResolver implements PersistenceExceptionResolver {

    private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;
    private static final Set<Integer> DUPLICATE_KEY_CODES =
            Set.of(SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE);
    private static final String SQL_STATE_UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.sqlite.SQLiteException sqlite
                    && DUPLICATE_KEY_CODES.contains(sqlite.getResultCode().code)) {
                return true;
            }
            if (cause instanceof SQLException sql && SQL_STATE_UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
