package io.seatwise.web.storage;

import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.web.ApiClient;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by the release before halls had layouts (commit a3664d8, the main branch before issue 14) upgrades
 * in place: its events are stored as revision 1 (grids of rows × seatsPerRow, one price, bookings without prices) and
 * are read through the upcasters, its read models gain the V8 columns, and its seat maps' snapshots of revision 1 are
 * passed over.
 *
 * <p>The fixture ({@code fixtures/release-a3664d8/sqlite.zip}) is that release's jar started with demo data and the
 * admin {@value #ADMIN}, then over the API: a venue "Fixture Hall" of 5 × 8 seats, an event {@value #GALA} at 30.00,
 * seats 5 and 6 booked by the demo guest, who reviewed the event; Carla booked 20-22 and cancelled, booked 30 and
 * reviewed the venue. Restarted with a snapshot threshold of 3, Carla then booked 12 and 13, which left a snapshot of
 * the seat map in the store. Mail was not configured, so every mail was kept in the database.
 */
class LayoutsUpgradeTest {

    static final String ADMIN = "admin@fixture.local";
    static final String ADMIN_PASSWORD = "fixture-admin-pw";
    static final String DEMO = "demo@seatwise.local";
    static final String DEMO_PASSWORD = "seatwise-demo";
    static final String CARLA = "carla@fixture.local";
    static final String CARLA_PASSWORD = "carla-fixture-pw";
    static final String GALA = "Fixture Gala 2099";
    static final String GALA_ID = "2fc31e22-1914-4b75-9334-af9eacfaefc0";
    static final String HALL_ID = "52602ef4-861e-4f8d-9c85-9140d3aa7d66";

    @TempDir
    Path dataDir;

    @Test
    void bookingsReviewsMailStatisticsAndSeatMapsSurviveAndTheEventsStayBookable() throws SQLException {
        ReleasedDatabase.unpackSqlite("fixtures/release-a3664d8/", dataDir);
        assertThat(snapshotRevisions())
                .as("the fixture holds a snapshot of revision 1")
                .containsExactly("none");
        var mailBefore = mailByKind();

        try (var application = StandaloneApplication.start(dataDir)) {
            var api = application.api();
            eventually(() -> api.event(GALA_ID).isPresent());

            var hall = api.get("/api/venues/" + HALL_ID).json();
            assertThat(hall.path("capacity").asInt()).isEqualTo(40);
            assertThat(hall.path("layout").path("sections").path(0).path("name").asText())
                    .isEqualTo("Main");
            assertThat(hall.path("layout")
                            .path("sections")
                            .path(0)
                            .path("rows")
                            .path(4)
                            .path("seats")
                            .asText())
                    .isEqualTo("SSSSSSSS");

            var gala = api.event(GALA_ID).orElseThrow();
            assertThat(gala.path("title").asText()).isEqualTo(GALA);
            assertThat(gala.path("prices")).hasSize(1);
            assertThat(gala.path("prices").path("S").asLong()).isEqualTo(3000);
            assertThat(gala.path("priceCents").asLong()).isEqualTo(3000);
            assertThat(gala.path("singleSeatRule").asText()).isEqualTo("allow");
            assertThat(gala.path("booked").asInt()).isEqualTo(5);
            var seats = api.get("/api/events/" + GALA_ID + "/seats").json();
            assertThat(ApiClient.ints(seats.path("booked"))).containsExactly(5, 6, 12, 13, 30);
            assertThat(seats.path("layout")
                            .path("categories")
                            .path(0)
                            .path("code")
                            .asText())
                    .isEqualTo("S");

            var demo = api.token(DEMO, DEMO_PASSWORD);
            var carla = api.token(CARLA, CARLA_PASSWORD);
            assertThat(bookings(api, demo)).contains(GALA + " [5, 6] CONFIRMED");
            assertThat(bookings(api, carla))
                    .containsExactlyInAnyOrder(
                            GALA + " [20, 21, 22] CANCELLED",
                            GALA + " [30] CONFIRMED",
                            GALA + " [12] CONFIRMED",
                            GALA + " [13] CONFIRMED");
            assertThat(api.get("/api/events/" + GALA_ID + "/reviews").body()).contains("Wonderful evening");
            assertThat(api.get("/api/venues/" + HALL_ID + "/reviews").body()).contains("Comfortable hall.");

            var admin = api.token(ADMIN, ADMIN_PASSWORD);
            // the statistics are rebuilt from the events after the upgrade (migration V8): five seats at 30.00
            eventually(() -> galaRevenue(api, admin) == 15_000);

            // bookable: a taken seat stays taken, a free one is booked, best available works on the old grid
            assertThat(api.book(demo, GALA_ID, List.of(6, 7)).status()).isEqualTo(409);
            var guest = api.newUserToken("After Upgrade");
            var booked = api.book(guest, GALA_ID, List.of(7));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            var best = api.bookBestAvailable(guest, GALA_ID, 2, null);
            assertThat(ApiClient.ints(best.json().path("seats"))).containsExactly(3, 4);
            // bookings made before references were kept get theirs when the application starts
            var demoGala = bookingId(api, demo, GALA);
            var reference = BookingReference.of(BookingId.of(demoGala)).toString();
            var found = api.get("/api/admin/bookings/" + reference, admin);
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json().path("bookingId").asText()).isEqualTo(demoGala);
            // a booking of revision 1 is cancelled as it was made
            assertThat(api.delete("/api/bookings/" + demoGala, demo).status()).isEqualTo(204);
            eventually(() -> api.seatMapShows(GALA_ID, List.of(3, 4, 7, 12, 13, 30)));
            eventually(() -> galaRevenue(api, admin) == 15_000 - 6_000 + 3 * 3_000);
        }

        var mailAfter = mailByKind();
        assertThat(mailAfter.get("BOOKING_CONFIRMATION"))
                .as("confirmations: those of the release before, and one per booking since")
                .isEqualTo(mailBefore.get("BOOKING_CONFIRMATION") + 2);
        assertThat(mailAfter.get("CANCELLATION")).isEqualTo(mailBefore.get("CANCELLATION") + 1);
        assertThat(snapshotRevisions())
                .as("snapshots of revision 1 are only passed over")
                .contains("none");
    }

    private List<String> snapshotRevisions() throws SQLException {
        var revisions = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatwise.db"));
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT coalesce(payloadRevision, 'none') FROM SnapshotEventEntry")) {
            while (rows.next()) {
                revisions.add(rows.getString(1));
            }
        }
        return revisions;
    }

    private Map<String, Integer> mailByKind() throws SQLException {
        var counts = new TreeMap<String, Integer>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatwise-read-models.db"));
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT kind, count(*) FROM mail_outbox GROUP BY kind")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private static List<String> bookings(ApiClient api, String token) {
        var described = new ArrayList<String>();
        api.get("/api/me/bookings", token)
                .json()
                .forEach(booking ->
                        described.add(booking.path("eventTitle").asText() + " " + ApiClient.ints(booking.path("seats"))
                                + " " + booking.path("status").asText()));
        return described;
    }

    private static String bookingId(ApiClient api, String token, String title) {
        for (JsonNode booking : api.get("/api/me/bookings", token).json()) {
            if (booking.path("eventTitle").asText().equals(title)) {
                return booking.path("bookingId").asText();
            }
        }
        throw new AssertionError("no booking for " + title);
    }

    private static long galaRevenue(ApiClient api, String admin) {
        for (JsonNode event : api.get("/api/admin/stats", admin).json().path("events")) {
            if (event.path("eventId").asText().equals(GALA_ID)) {
                return event.path("revenueCents").asLong();
            }
        }
        return -1;
    }
}
