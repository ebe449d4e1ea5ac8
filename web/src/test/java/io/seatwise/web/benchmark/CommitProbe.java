package io.seatwise.web.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * SQLite's own speed on this disk: single-row transactions, each committed on its own, with the settings the
 * application's event store uses (WAL, synchronous=FULL). A booking is at least one such commit, so this is the ceiling that the
 * booking rate is measured against.
 */
final class CommitProbe {

    private CommitProbe() {}

    static double commitsPerSecond(Path directory, int commits) throws SQLException, IOException {
        var file = directory.resolve("commit-probe.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
            }
            var payload = new byte[300];
            try (var insert = connection.prepareStatement("INSERT INTO probe (payload) VALUES (?)")) {
                long started = System.nanoTime();
                for (int i = 0; i < commits; i++) {
                    insert.setBytes(1, payload);
                    insert.executeUpdate();
                }
                return commits / ((System.nanoTime() - started) / 1e9);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        }
    }
}
