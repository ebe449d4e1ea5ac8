package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.SqliteFiles;
import io.seatwise.web.storage.ReadModels;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * On SQLite the read models are a file of their own with a writer of its own, and the event store's file alone
 * syncs every commit: a read-model transaction holds that
 * file's write lock and leaves the event store's to the commands, so bookings are stored while the processors write.
 */
class ReadModelsFileTest extends ApplicationTest {

    @Autowired
    @Qualifier(ReadModels.QUALIFIER)
    private PlatformTransactionManager readModels;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void commandsWriteTheEventStoresFileAndProcessorsTheReadModelsFile() {
        assertThat(tables("main"))
                .contains("DomainEventEntry", "SnapshotEventEntry", "account_credentials", "ledger_bookings")
                .doesNotContain(
                        "TokenEntry",
                        "bookings",
                        "seat_maps",
                        "mail_outbox",
                        "stats_bookings",
                        "stats_event_categories");
        assertThat(tables(SqliteDatabase.READ_MODELS_SCHEMA))
                .contains(
                        "TokenEntry",
                        "bookings",
                        "seat_maps",
                        "mail_outbox",
                        "stats_bookings",
                        "stats_event_categories")
                .doesNotContain("DomainEventEntry", "account_credentials", "ledger_bookings");
        assertThat(dataDir.resolve("seatwise-read-models.db")).isNotEmptyFile();
    }

    /**
     * A 201 means stored (SPEC §3), through a power cut too: the event store's file syncs every commit (one sync per
     * group commit, not per booking); the read models' file need not, since a replay rebuilds it.
     */
    @Test
    void theEventStoreSyncsEveryCommitAndTheReadModelsFileLeavesItToCheckpoints() {
        int full = 2;
        int normal = 1;
        for (int connection = 0; connection < 3; connection++) {
            jdbc.execute((Connection c) -> {
                try (var statement = c.createStatement()) {
                    assertThat(pragma(statement, "main.synchronous")).isEqualTo(full);
                    assertThat(pragma(statement, SqliteDatabase.READ_MODELS_SCHEMA + ".synchronous"))
                            .isEqualTo(normal);
                    assertThat(pragma(statement, "main.journal_mode")).isEqualTo("wal");
                }
                return null;
            });
        }
    }

    private static Object pragma(Statement statement, String name) throws SQLException {
        try (var result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getObject(1);
        }
    }

    @Test
    void aBookingIsStoredWhileTheReadModelsWriterIsHeldAndShownOnceItIsFree() throws Exception {
        var event = eventOnSale("Two Files Hall", 2, 10, "Side by Side", 3);
        var token = api.newUserToken("Side Guest");
        eventually(() -> api.event(event).isPresent());
        try (var held = HeldWriter.take(readModels)) {
            try (var outside = SqliteFiles.open(dataDir)) {
                assertThatThrownBy(() -> takeWriteLock(outside, SqliteDatabase.READ_MODELS_SCHEMA + ".TokenEntry"))
                        .as("the read models' file is locked")
                        .hasMessageContaining("SQLITE_BUSY");
            }

            var booking = CompletableFuture.supplyAsync(() -> api.book(token, event, List.of(7)));

            assertThat(booking.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
            assertThat(api.event(event).orElseThrow().get("booked").asInt())
                    .as("no read model can be written meanwhile")
                    .isZero();
        }
        eventually(() -> api.seatMapShows(event, List.of(7)));
    }

    private List<String> tables(String schema) {
        return jdbc.queryForList("SELECT name FROM " + schema + ".sqlite_master WHERE type = 'table'", String.class);
    }

    /** Begins a transaction on a connection of its own that asks for a file's write lock, waiting a second at most. */
    private static void takeWriteLock(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 1000");
            statement.execute("BEGIN");
            try {
                statement.execute("DELETE FROM " + table + " WHERE 0");
            } finally {
                statement.execute("ROLLBACK");
            }
        }
    }
}
