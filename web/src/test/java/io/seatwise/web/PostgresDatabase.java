package io.seatwise.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class, on the server that {@code SEATWISE_TEST_POSTGRES_URL} (with
 * {@code SEATWISE_TEST_POSTGRES_USER} and {@code SEATWISE_TEST_POSTGRES_PASSWORD}) points to; {@code .ci/run} starts
 * one and sets them. Without the variable the test is skipped with a message that says so, or fails on CI
 * ({@link Prerequisites}); with it, a server that cannot be reached fails the test, so that CI never passes by skipping.
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "SEATWISE_TEST_POSTGRES_URL";

    static final String MISSING = "no PostgreSQL server to test against; set " + URL_VARIABLE
            + " (and SEATWISE_TEST_POSTGRES_USER, SEATWISE_TEST_POSTGRES_PASSWORD), as .ci/run does";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates the database; without a PostgreSQL server configured, skips the calling test (fails it on CI). */
    public static PostgresDatabase create(String purpose) throws SQLException {
        var serverUrl = System.getenv(URL_VARIABLE);
        Prerequisites.require(serverUrl != null && !serverUrl.isBlank(), MISSING);
        var user = System.getenv().getOrDefault("SEATWISE_TEST_POSTGRES_USER", "");
        var password = System.getenv().getOrDefault("SEATWISE_TEST_POSTGRES_PASSWORD", "");
        var name = ("seatwise_" + purpose + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toLowerCase(Locale.ROOT);
        var database = new PostgresDatabase(serverUrl, user, password, name);
        try (var connection = database.server();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new SQLException(
                    URL_VARIABLE + " is set to " + serverUrl + ", but no database could be created there"
                            + " (is the server running, and may " + user + " create databases?)",
                    e);
        }
        return database;
    }

    /** The JDBC URL of the fresh database: the server's URL with the database name exchanged. */
    public String url() {
        var start = serverUrl.indexOf("//");
        var slash = serverUrl.indexOf('/', start + 2);
        var query = serverUrl.indexOf('?');
        var base = slash < 0 ? (query < 0 ? serverUrl : serverUrl.substring(0, query)) : serverUrl.substring(0, slash);
        return base + "/" + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The settings that point the application at this database, as command-line arguments. */
    public String[] settings() {
        return new String[] {
            "--spring.datasource.url=" + url(),
            "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password
        };
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private Connection server() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    /**
     * Drops the database once the applications on it have let go of it, waiting up to the time given: for a JVM
     * shutdown hook, which runs beside the hooks that stop the applications.
     */
    public void dropWhenUnused(Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try (var connection = server();
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
                return;
            } catch (SQLException stillInUse) {
                if (System.nanoTime() > deadline) {
                    return; // a throwaway database on a test server; the next run does not need it gone
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Drops the database, ending any connection a stopped application may have left; autovacuum's cannot be ended, so
     * it waits a little for that to finish.
     */
    @Override
    public void close() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (var connection = server();
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (SQLException inUse) {
                if (attempt == 100) {
                    throw inUse;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
