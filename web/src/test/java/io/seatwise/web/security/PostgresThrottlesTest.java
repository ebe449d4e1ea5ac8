package io.seatwise.web.security;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The throttles on two nodes that share one PostgreSQL database, as a load balancer would spread one client's
 * requests over them: its wrong passwords and its registrations count once, wherever they arrive, with the defaults
 * for wrong passwords (5 in 15 minutes) and 3 registrations an hour per client. The load balancer is loopback, which
 * both nodes trust, and names each client with X-Forwarded-For.
 */
@NeedsPostgreSql
class PostgresThrottlesTest {

    private static final int WRONG_PASSWORDS = 5;
    private static final int REGISTRATIONS = 3;
    private static final String PASSWORD = ApiClient.USER_PASSWORD;

    private static PostgresDatabase database;
    private static StandaloneApplication nodeA;
    private static StandaloneApplication nodeB;

    @BeforeAll
    static void twoNodes() throws Exception {
        database = PostgresDatabase.create("throttles");
        var settings = new ArrayList<>(List.of(database.settings()));
        settings.add("--seatwise.throttle.registrations=" + REGISTRATIONS + "/1h");
        var nodes = StandaloneApplication.startTwoNodes(settings.toArray(String[]::new));
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void wrongPasswordsFromOneClientCountOnceOnEitherNodeWhileTheOwnerSignsInOnBoth() {
        var email = "owner-" + UUID.randomUUID() + "@example.com";
        nodeA.api().register(email, PASSWORD, "Olga");
        var attacker = "203.0.113.50";
        for (int attempt = 0; attempt < WRONG_PASSWORDS; attempt++) {
            var node = attempt % 2 == 0 ? nodeA : nodeB;
            assertProblem(token(node.api().from(attacker), email, "wrong-" + attempt), 401, "wrong email or password");
        }

        for (var node : List.of(nodeA, nodeB)) {
            var refused = token(node.api().from(attacker), email, PASSWORD);
            assertProblem(refused, 429, "try again");
            assertThat(Long.parseLong(
                            refused.raw().headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 15 * 60L);
        }
        for (var node : List.of(nodeA, nodeB)) {
            assertThat(token(node.api().from("198.51.100.50"), email, PASSWORD).status())
                    .as("the owner from another client")
                    .isEqualTo(200);
        }
        assertThat(storedBuckets()).as("buckets kept in the database").isPositive();
    }

    @Test
    void registrationsFromOneClientCountOnceOnEitherNode() {
        var client = "203.0.113.60";
        for (int account = 0; account < REGISTRATIONS; account++) {
            var node = account % 2 == 0 ? nodeA : nodeB;
            assertThat(register(node.api().from(client)).status()).isEqualTo(201);
        }

        assertProblem(register(nodeA.api().from(client)), 429, "try again");
        assertProblem(register(nodeB.api().from(client)), 429, "try again");
        assertThat(register(nodeB.api().from("198.51.100.60")).status())
                .as("another client")
                .isEqualTo(201);
    }

    private static ApiClient.Response token(ApiClient client, String email, String password) {
        return client.post("/api/auth/token", Map.of("email", email, "password", password));
    }

    private static ApiClient.Response register(ApiClient client) {
        return client.post(
                "/api/users",
                Map.of(
                        "email",
                        "node-" + UUID.randomUUID() + "@example.com",
                        "password",
                        PASSWORD,
                        "displayName",
                        "Nod"));
    }

    private static int storedBuckets() {
        var connection = new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
        try {
            Integer rows =
                    new JdbcTemplate(connection).queryForObject("SELECT count(*) FROM throttle_buckets", Integer.class);
            return rows == null ? 0 : rows;
        } finally {
            connection.destroy();
        }
    }
}
