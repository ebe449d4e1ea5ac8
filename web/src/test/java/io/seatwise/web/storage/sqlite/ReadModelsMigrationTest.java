package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.SqliteFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of a release before the read models had a file of their own keeps its rows when it is migrated: the
 * read models, the tokens and the outbox move to the read models' file, the event store stays where it was.
 */
class ReadModelsMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void theReadModelsOfAnOlderDatabaseMoveToTheirOwnFileWithTheirRows() throws SQLException {
        var dataSource = new SingleConnectionDataSource(SqliteFiles.open(dataDir), true);
        var jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "6");
        jdbc.update("INSERT INTO venues (id, name, city, seat_rows, seats_per_row, capacity)"
                + " VALUES ('v1', 'Old Hall', 'Bern', 2, 3, 6)");
        jdbc.update("INSERT INTO TokenEntry (processorName, segment, owner) VALUES ('catalog', 0, 'node')");
        jdbc.update("INSERT INTO ledger_events (event_id, venue_id) VALUES ('e1', 'v1')");
        var installed = jdbc.queryForObject("SELECT installed_at FROM mail_installed", Long.class);

        migrate(dataSource, "latest");

        assertThat(tables(jdbc, "main")).contains("ledger_events").doesNotContain("venues", "TokenEntry");
        assertThat(tables(jdbc, "read_models")).contains("venues", "TokenEntry", "mail_installed", "mail_outbox");
        assertThat(jdbc.queryForList("SELECT name FROM read_models.venues", String.class))
                .containsExactly("Old Hall");
        assertThat(jdbc.queryForList("SELECT owner FROM read_models.TokenEntry", String.class))
                .containsExactly("node");
        assertThat(jdbc.queryForObject("SELECT installed_at FROM read_models.mail_installed", Long.class))
                .isEqualTo(installed);
        assertThat(jdbc.queryForList("SELECT venue_id FROM main.ledger_events", String.class))
                .containsExactly("v1");
        dataSource.destroy();
    }

    private static void migrate(SingleConnectionDataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target(target)
                .load()
                .migrate();
    }

    private static List<String> tables(JdbcTemplate jdbc, String schema) {
        return jdbc.queryForList("SELECT name FROM " + schema + ".sqlite_master WHERE type = 'table'", String.class);
    }
}
