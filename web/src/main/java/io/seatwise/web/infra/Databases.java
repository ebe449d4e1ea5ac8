package io.seatwise.web.infra;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Which database the application runs on, for the few places outside this package that differ between them. */
public final class Databases {

    private Databases() {}

    /** SQLite: one node, its file in the data directory. Otherwise PostgreSQL, which several nodes may share. */
    public static boolean isSqlite(DataSource dataSource) {
        try {
            return EventStoreConfiguration.isSqlite(dataSource);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot reach the database", e);
        }
    }
}
