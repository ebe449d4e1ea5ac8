package io.seatwise.web.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Generated secrets on PostgreSQL, where nodes that start together each generate one: every node ends with the one
 * that was stored first, and none is ever replaced. Each "node" here has a connection of its own to a database that
 * the application's migrations made.
 */
@NeedsPostgreSql
class SecretRowsTest {

    private static PostgresDatabase database;

    @BeforeAll
    static void migrated() throws SQLException {
        database = PostgresDatabase.create("secret_rows");
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load()
                .migrate();
    }

    @AfterAll
    static void drop() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void nodesGeneratingTogetherAllKeepTheSecretStoredFirst() throws Exception {
        int nodes = 8;
        for (int round = 0; round < 5; round++) {
            var name = "token-secret-" + round;
            var start = new CyclicBarrier(nodes);
            var pool = Executors.newFixedThreadPool(nodes);
            var connections = new ArrayList<SingleConnectionDataSource>();
            try {
                var kept = new ArrayList<Future<String>>();
                for (int node = 0; node < nodes; node++) {
                    var connection =
                            new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
                    connections.add(connection);
                    var secrets = new SecretRows(new JdbcTemplate(connection));
                    var generated = "secret-of-node-" + node;
                    kept.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return secrets.keptOr(name, generated);
                    }));
                }
                var secrets = new HashSet<String>();
                for (var secret : kept) {
                    secrets.add(secret.get(30, TimeUnit.SECONDS));
                }

                assertThat(secrets).as("secrets kept in round " + round).hasSize(1);
                var stored = new JdbcTemplate(connections.get(0))
                        .queryForList("SELECT value FROM shared_settings WHERE name = ?", String.class, name);
                assertThat(stored).containsExactlyElementsOf(secrets);
            } finally {
                pool.shutdownNow();
                connections.forEach(SingleConnectionDataSource::destroy);
            }
        }
    }

    @Test
    void aStoredSecretIsNeverReplaced() {
        var connection = new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
        try {
            var secrets = new SecretRows(new JdbcTemplate(connection));
            assertThat(secrets.keptOr("ticket-key", "first")).isEqualTo("first");

            assertThat(secrets.keptOr("ticket-key", "second")).isEqualTo("first");
        } finally {
            connection.destroy();
        }
    }
}
