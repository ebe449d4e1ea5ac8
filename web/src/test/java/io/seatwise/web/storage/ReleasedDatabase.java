package io.seatwise.web.storage;

import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Databases created by the release before the shared migrations (commit 7b678e0), kept under
 * {@code fixtures/release-7b678e0}: that release's jar started once with demo data, an admin
 * {@value #ADMIN_EMAIL}, an event far ahead ({@value #GALA}) scheduled by the admin and seats 5 and 6 of it booked by
 * the demo guest over the API, then stopped. SQLite's two files are zipped; PostgreSQL's database is pg_dump's plain
 * SQL ({@code --inserts --no-owner --no-privileges}, psql's {@code \restrict} lines taken out).
 */
final class ReleasedDatabase {

    static final String ADMIN_EMAIL = "admin@fixture.local";
    static final String ADMIN_PASSWORD = "fixture-admin-pw";
    static final String DEMO_EMAIL = "demo@seatwise.local";
    static final String DEMO_PASSWORD = "seatwise-demo";
    static final String GALA = "Fixture Gala 2099";
    static final List<String> DEMO_EVENTS = List.of(
            "Aurora String Quartet", "The Late Show: Stand-up Night", "Poetry & Jazz", "Winter Film Club: Casablanca");

    private static final String FIXTURES = "fixtures/release-7b678e0/";

    private ReleasedDatabase() {}

    /** Unpacks the released SQLite files into the data folder. */
    static void unpackSqlite(Path dataDir) {
        unpackSqlite(FIXTURES, dataDir);
    }

    /** Unpacks the SQLite files of a release's fixture folder ({@code fixtures/release-…/}) into the data folder. */
    static void unpackSqlite(String fixtures, Path dataDir) {
        try (var zip = new ZipInputStream(new ClassPathResource(fixtures + "sqlite.zip").getInputStream())) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Files.copy(zip, dataDir.resolve(Path.of(entry.getName()).getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores the released PostgreSQL database into an empty one. */
    static void restorePostgres(Connection connection) {
        ScriptUtils.executeSqlScript(connection, new ClassPathResource(FIXTURES + "postgresql.sql"));
    }

    /**
     * Flyway as the application configures it, for a database of the given vendor's folder, up to the last version of
     * the shared-migrations work (V7 on SQLite, V6 on PostgreSQL): later versions change the schema on purpose, and these tests compare the schema
     * and history of that work with the release before it. A database that later versions migrated still validates
     * (Flyway passes over applied versions beyond the target).
     */
    static Flyway flyway(DataSource dataSource, String vendor) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target(vendor.equals("sqlite") ? "7" : "6")
                .load();
    }

    /** The versions in the history with their checksums, in version order, e.g. "3.1 1234". */
    static List<String> history(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT version || ' ' || checksum FROM flyway_schema_history ORDER BY installed_rank", String.class);
    }

    /**
     * What the released database held is still there after the upgrade, and the application takes new bookings on
     * it: the demo events, the admin's event and both of the demo guest's bookings, the accounts' passwords.
     */
    static void assertCarriedOverAndBookable(ApiClient api) {
        var titles = new ArrayList<String>();
        api.get("/api/events")
                .json()
                .forEach(event -> titles.add(event.get("title").asText()));
        assertThat(titles).containsAll(DEMO_EVENTS).contains(GALA);

        var demo = api.token(DEMO_EMAIL, DEMO_PASSWORD);
        var bookings = api.get("/api/me/bookings", demo).json();
        var booked = new ArrayList<String>();
        bookings.forEach(
                booking -> booked.add(booking.get("eventTitle").asText() + " " + ApiClient.ints(booking.get("seats"))));
        assertThat(booked).containsExactlyInAnyOrder("Aurora String Quartet [49, 50]", GALA + " [5, 6]");

        var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(api.get("/api/admin/export/users.csv", admin).body()).contains(DEMO_EMAIL, ADMIN_EMAIL);

        var gala = bookings.findValues("eventId").stream()
                .map(id -> id.asText())
                .filter(id -> api.event(id)
                        .map(e -> e.get("title").asText().equals(GALA))
                        .orElse(false))
                .findFirst()
                .orElseThrow();
        assertThat(api.book(demo, gala, List.of(6, 7)).status())
                .as("a seat booked before the upgrade stays taken")
                .isEqualTo(409);
        var guest = api.newUserToken("After Upgrade");
        assertThat(api.book(guest, gala, List.of(7, 8)).status()).isEqualTo(201);
        eventually(() -> api.seatMapShows(gala, List.of(5, 6, 7, 8)));
    }
}
