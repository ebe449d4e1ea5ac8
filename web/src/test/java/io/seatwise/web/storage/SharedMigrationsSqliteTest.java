package io.seatwise.web.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.SqliteFiles;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The shared migrations on SQLite: a database of the release before them starts and keeps its data, its history is
 * realigned once and then validates, and a new database gets exactly the schema that release gave one.
 */
class SharedMigrationsSqliteTest {

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseOfTheReleaseBeforeStartsWithItsEventsAccountsAndBookings() throws SQLException {
        ReleasedDatabase.unpackSqlite(dataDir);

        try (var application = StandaloneApplication.start(dataDir)) {
            ReleasedDatabase.assertCarriedOverAndBookable(application.api());
        }

        var dataSource = new SingleConnectionDataSource(SqliteFiles.open(dataDir), true);
        assertThat(ReleasedDatabase.flyway(dataSource, "sqlite").validateWithResult().validationSuccessful)
                .isTrue();
        dataSource.destroy();
    }

    @Test
    void theReleasedHistoryIsRealignedOnceAndThenValidates() throws SQLException {
        ReleasedDatabase.unpackSqlite(dataDir);
        var dataSource = new SingleConnectionDataSource(SqliteFiles.open(dataDir), true);
        var jdbc = new JdbcTemplate(dataSource);
        var flyway = ReleasedDatabase.flyway(dataSource, "sqlite");
        assertThat(flyway.validateWithResult().validationSuccessful)
                .as("before")
                .isFalse();

        SharedMigrationsUpgrade.SQLITE.upgradeHistory(flyway);
        var upgraded = ReleasedDatabase.history(jdbc);
        SharedMigrationsUpgrade.SQLITE.upgradeHistory(flyway);

        assertThat(ReleasedDatabase.history(jdbc)).isEqualTo(upgraded);
        assertThat(upgraded)
                .extracting(row -> row.split(" ")[0])
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "3.1", "4.1");
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        dataSource.destroy();
    }

    @Test
    void aNewDatabaseGetsTheSchemaOfTheReleaseBefore(@TempDir Path released) throws SQLException {
        ReleasedDatabase.unpackSqlite(released);
        var releasedSource = new SingleConnectionDataSource(SqliteFiles.open(released), true);
        var freshSource = new SingleConnectionDataSource(SqliteFiles.open(dataDir), true);

        ReleasedDatabase.flyway(freshSource, "sqlite").migrate();

        assertThat(schema(new JdbcTemplate(freshSource))).isEqualTo(schema(new JdbcTemplate(releasedSource)));
        releasedSource.destroy();
        freshSource.destroy();
    }

    /** Every table and index of both files as SQLite keeps it, with the statement that made it. */
    private static List<String> schema(JdbcTemplate jdbc) {
        var schema = new ArrayList<String>();
        for (var file : List.of("main", "read_models")) {
            schema.addAll(jdbc.queryForList(
                    "SELECT '" + file + " ' || type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '')"
                            + " FROM " + file + ".sqlite_master"
                            + " WHERE name NOT LIKE 'flyway%' AND name NOT LIKE 'sqlite_sequence' ORDER BY name",
                    String.class));
        }
        return schema;
    }
}
