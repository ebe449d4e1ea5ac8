package io.seatwise.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bookings export on PostgreSQL, whose driver reads a whole result into memory unless it runs inside a
 * transaction with a fetch size: more CSV than this module's 96 MB test heap, on the server that
 * SEATWISE_TEST_POSTGRES_URL names, in a database of its own (skipped, saying why, without it; failed on CI, as web's
 * Prerequisites decides).
 */
class PostgresCsvExportsTest {

    private static final String MISSING = "no PostgreSQL server to test against; set SEATWISE_TEST_POSTGRES_URL"
            + " (and SEATWISE_TEST_POSTGRES_USER, SEATWISE_TEST_POSTGRES_PASSWORD), as .ci/run does";

    private static final int ROWS = 300_000;
    private static final int SEATS_CHARS = 400;

    private final String database =
            "seatwise_csv_" + UUID.randomUUID().toString().replace("-", "");
    private PGSimpleDataSource server;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void databaseWithTheApplicationsTables() {
        var url = System.getenv("SEATWISE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            // on CI (CI=true) a skipped test would let the build pass without ever testing this
            if ("true".equalsIgnoreCase(System.getenv().getOrDefault("CI", "").strip())) {
                throw new IllegalStateException("CI=true, so this test fails rather than being skipped: " + MISSING);
            }
            Assumptions.abort("Skipped: " + MISSING);
        }
        server = dataSource(null);
        new JdbcTemplate(server).execute("CREATE DATABASE " + database);
        dataSource = dataSource(database);
        StatsDatabase.migrate(dataSource, "postgresql");
    }

    /** Autovacuum may still be analysing the new rows, and its connection cannot be forced out: wait for it. */
    @AfterEach
    void dropDatabase() throws InterruptedException {
        if (server == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                new JdbcTemplate(server).execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                return;
            } catch (DataAccessException inUse) {
                if (attempt == 100) {
                    throw inUse;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The server's database, or the one named. */
    private static PGSimpleDataSource dataSource(String name) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getenv("SEATWISE_TEST_POSTGRES_URL"));
        dataSource.setUser(System.getenv("SEATWISE_TEST_POSTGRES_USER"));
        dataSource.setPassword(System.getenv("SEATWISE_TEST_POSTGRES_PASSWORD"));
        if (name != null) {
            dataSource.setDatabaseName(name);
        }
        return dataSource;
    }

    @Test
    void largeExportStreamsInBoundedMemory() {
        new JdbcTemplate(dataSource).update("""
                INSERT INTO stats_bookings (booking_id, event_id, account_id, seats, seat_count, amount_cents,
                                            booked_at, booked_on, status)
                SELECT 'booking-' || i, 'event', 'account', repeat('7 ', ?), 1, 100, 1700000000000 + i, '2023-11-14',
                       'CONFIRMED'
                FROM generate_series(1, ?) AS i
                """, SEATS_CHARS / 2, ROWS);
        var bytes = new long[1];
        var lines = new long[1];
        var out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
                lines[0] += b == '\n' ? 1 : 0;
            }
        };

        new CsvExports(dataSource, java.time.Clock.systemUTC()).bookings(out);

        assertThat(lines[0]).isEqualTo(ROWS + 1);
        assertThat(bytes[0]).isGreaterThan((long) ROWS * SEATS_CHARS);
    }
}
