package io.seatwise.web;

import io.seatwise.web.storage.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * The application's SQLite database in a data directory, opened by another connection than the application's, with
 * both its files: the event store's, and the read models' attached as the application attaches it.
 */
public final class SqliteFiles {

    private static final String EVENT_STORE_FILE = "seatwise.db";

    private SqliteFiles() {}

    public static Path eventStore(Path dataDir) {
        return dataDir.resolve(EVENT_STORE_FILE);
    }

    public static Connection open(Path dataDir) throws SQLException {
        return attached(DriverManager.getConnection("jdbc:sqlite:" + eventStore(dataDir)), dataDir);
    }

    /**
     * A connection that only reads: when the application has been killed, closing the last connection of a read-write
     * opener would checkpoint the write-ahead log that the kill left behind, and the restart would no longer have to
     * recover from it.
     */
    public static Connection openReadOnly(Path dataDir) throws SQLException {
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        return attached(
                DriverManager.getConnection("jdbc:sqlite:" + eventStore(dataDir), config.toProperties()), dataDir);
    }

    private static Connection attached(Connection connection, Path dataDir) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(SqliteDatabase.attachReadModels(eventStore(dataDir)));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
