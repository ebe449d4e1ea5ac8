package io.seatwise.web.storage;

import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the release before limits per account (commit 3db4813, the main branch before issue 16) upgrades in
 * place: its events were sold without a limit (their {@code EventScheduled} of revision 2 reads as "no limit"), so
 * they keep selling to those who hold many seats; a limit set afterwards counts what was booked before; the seat map's
 * snapshot of revision 3 is passed over; and reviews fall with their authors' last bookings from then on: a review whose
 * author had cancelled before stays, until that author cancels a booking again.
 *
 * <p>The fixture ({@code fixtures/release-3db4813-limits/sqlite.zip}, made by {@code make.py} beside it) is that
 * release's jar started with demo data and the admin {@value #ADMIN}, then over the API: a venue "Fixture Hall" of
 * 4 × 10 seats, an event {@value #GALA} at 25.00, 2099-06-01; Carla booked seats 1-10, 11-20 and 21-24 and reviewed the
 * event; Dora booked 31, reviewed the event and the venue with one star and cancelled; the admin edited the event's
 * description. Restarted with a snapshot threshold of 3, Carla then booked 25 and 26, which left a snapshot of the
 * seat map (revision 3) in the store. Mail was not configured.
 */
class AccountLimitsUpgradeTest {

    static final String ADMIN = "admin@fixture.local";
    static final String ADMIN_PASSWORD = "fixture-admin-pw";
    static final String CARLA = "carla@fixture.local";
    static final String CARLA_PASSWORD = "carla-fixture-pw";
    static final String DORA = "dora@fixture.local";
    static final String DORA_PASSWORD = "dora-fixture-pw";
    static final String GALA = "Fixture Gala 2099";
    static final String GALA_ID = "2cd8ff4f-8227-4dec-b123-6230fc089687";
    static final String HALL_ID = "709942a9-c929-4de4-b631-b70a670ee0b7";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void eventsSoldWithoutALimitKeepSellingALimitSetLaterCountsWhatWasBookedAndReviewsFallFromNowOn()
            throws SQLException {
        ReleasedDatabase.unpackSqlite("fixtures/release-3db4813-limits/", dataDir);
        assertThat(revisions("SELECT payloadRevision FROM SnapshotEventEntry"))
                .as("the fixture's seat-map snapshot")
                .containsExactly("3");
        assertThat(revisions("SELECT DISTINCT payloadRevision FROM DomainEventEntry WHERE payloadType LIKE "
                        + "'%.EventScheduled'"))
                .containsExactly("2");

        try (var application = StandaloneApplication.start(dataDir)) {
            var api = application.api();
            eventually(PATIENCE, () -> api.event(GALA_ID).isPresent());
            var gala = api.event(GALA_ID).orElseThrow();
            assertThat(gala.path("title").asText()).isEqualTo(GALA);
            assertThat(gala.path("description").asText()).isEqualTo("Edited before limits");
            assertThat(gala.path("maxSeatsPerAccount").asInt())
                    .as("sold without a limit")
                    .isZero();
            assertThat(gala.path("booked").asInt()).isEqualTo(26);

            var carla = api.token(CARLA, CARLA_PASSWORD);
            assertThat(api.book(carla, GALA_ID, List.of(27, 28, 29, 30)).status())
                    .as("30 seats, more than the new default of 20: the event has no limit")
                    .isEqualTo(201);
            assertThat(api.book(carla, GALA_ID, List.of(26)).status())
                    .as("a seat booked before the upgrade stays taken")
                    .isEqualTo(409);

            var admin = api.token(ADMIN, ADMIN_PASSWORD);
            var limited = api.patch("/api/events/" + GALA_ID, Map.of("maxSeatsPerAccount", 32), admin);
            assertThat(limited.status()).as(limited.body()).isEqualTo(200);
            var refused = api.book(carla, GALA_ID, List.of(32, 33, 34));
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().path("reason").asText()).isEqualTo("account-limit");
            assertThat(refused.json().path("held").asInt())
                    .as("every seat Carla holds, booked before the upgrade and after")
                    .isEqualTo(30);
            assertThat(api.book(carla, GALA_ID, List.of(32, 33)).status()).isEqualTo(201);

            var newEvent = api.scheduleEvent(
                    admin, HALL_ID, "After the upgrade", Instant.now().plus(Duration.ofDays(9)));
            eventually(PATIENCE, () -> api.event(newEvent).isPresent());
            assertThat(api.event(newEvent)
                            .orElseThrow()
                            .path("maxSeatsPerAccount")
                            .asInt())
                    .as("events scheduled from now on have the configured limit")
                    .isEqualTo(20);

            var dora = api.token(DORA, DORA_PASSWORD);
            eventually(
                    PATIENCE,
                    () -> authors(api, "/api/venues/" + HALL_ID + "/reviews").equals(List.of("Dora")));
            assertThat(authors(api, "/api/events/" + GALA_ID + "/reviews"))
                    .as("Dora cancelled before the upgrade: the rule holds from the upgrade on")
                    .containsExactlyInAnyOrder("Carla", "Dora");
            var again = api.book(dora, GALA_ID, List.of(40));
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            var cancelled =
                    api.delete("/api/bookings/" + again.json().path("bookingId").asText(), dora);
            assertThat(cancelled.status()).isEqualTo(204);
            eventually(
                    PATIENCE,
                    () -> authors(api, "/api/events/" + GALA_ID + "/reviews").equals(List.of("Carla")));
            eventually(
                    PATIENCE,
                    () -> authors(api, "/api/venues/" + HALL_ID + "/reviews").isEmpty());
        }

        assertThat(revisions("SELECT payloadRevision FROM SnapshotEventEntry"))
                .as("snapshots of revision 3 are only passed over")
                .contains("3");
        assertThat(revisions("SELECT payloadRevision FROM DomainEventEntry WHERE payloadType LIKE '%.EventEdited'"))
                .containsExactlyInAnyOrder("1", "2");
    }

    private static List<String> authors(ApiClient api, String path) {
        var authors = new ArrayList<String>();
        for (JsonNode review : api.get(path).json()) {
            authors.add(review.path("authorName").asText());
        }
        return authors;
    }

    private List<String> revisions(String query) throws SQLException {
        var revisions = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatwise.db"));
                var rows = connection.createStatement().executeQuery(query)) {
            while (rows.next()) {
                revisions.add(String.valueOf(rows.getString(1)));
            }
        }
        return revisions;
    }
}
