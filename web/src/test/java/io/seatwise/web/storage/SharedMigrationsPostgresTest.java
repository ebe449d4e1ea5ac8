package io.seatwise.web.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The shared migrations on PostgreSQL: a database of the release before them, restored from its dump, starts and
 * keeps its data, its history is realigned once and then validates, and a new database gets exactly the schema that
 * release gave one.
 */
@NeedsPostgreSql
class SharedMigrationsPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseOfTheReleaseBeforeStartsWithItsEventsAccountsAndBookings() throws SQLException {
        try (var released = restored("released_app")) {
            try (var application = StandaloneApplication.start(dataDir, released.settings())) {
                ReleasedDatabase.assertCarriedOverAndBookable(application.api());
            }
            assertThat(ReleasedDatabase.flyway(dataSource(released), "postgresql")
                            .validateWithResult()
                            .validationSuccessful)
                    .isTrue();
        }
    }

    @Test
    void theReleasedHistoryIsRealignedOnceAndThenValidates() throws SQLException {
        try (var released = restored("released_history")) {
            var jdbc = new JdbcTemplate(dataSource(released));
            var flyway = ReleasedDatabase.flyway(dataSource(released), "postgresql");
            assertThat(flyway.validateWithResult().validationSuccessful)
                    .as("before")
                    .isFalse();

            SharedMigrationsUpgrade.POSTGRESQL.upgradeHistory(flyway);
            var upgraded = ReleasedDatabase.history(jdbc);
            SharedMigrationsUpgrade.POSTGRESQL.upgradeHistory(flyway);

            assertThat(ReleasedDatabase.history(jdbc)).isEqualTo(upgraded);
            assertThat(upgraded)
                    .extracting(row -> row.split(" ")[0])
                    .containsExactly("1", "2", "3", "4", "5", "5.1", "6", "3.1", "4.1");
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.info().pending()).isEmpty();
        }
    }

    @Test
    void aNewDatabaseGetsTheSchemaOfTheReleaseBefore() throws SQLException {
        try (var released = restored("released_schema");
                var fresh = PostgresDatabase.create("fresh_schema")) {
            ReleasedDatabase.flyway(dataSource(fresh), "postgresql").migrate();

            assertThat(schema(new JdbcTemplate(dataSource(fresh))))
                    .isEqualTo(schema(new JdbcTemplate(dataSource(released))));
        }
    }

    private static PostgresDatabase restored(String purpose) throws SQLException {
        var database = PostgresDatabase.create(purpose);
        try (var connection = database.connect()) {
            ReleasedDatabase.restorePostgres(connection);
        }
        return database;
    }

    private static DriverManagerDataSource dataSource(PostgresDatabase database) {
        return new DriverManagerDataSource(database.url(), database.user(), database.password());
    }

    /** Every column, index and constraint outside Flyway's own table, as PostgreSQL describes it. */
    private static List<String> schema(JdbcTemplate jdbc) {
        var schema = new ArrayList<String>();
        schema.addAll(jdbc.queryForList("""
                SELECT table_name || '.' || column_name || ' ' || data_type || ' '
                       || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' '
                       || coalesce(column_default, '') || ' ' || is_identity
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
                ORDER BY table_name, ordinal_position""", String.class));
        schema.addAll(jdbc.queryForList("""
                SELECT indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
                ORDER BY indexname""", String.class));
        schema.addAll(jdbc.queryForList("""
                SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'flyway_schema_history'
                ORDER BY 1""", String.class));
        return schema;
    }
}
