package io.seatwise.web.event;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editing, rescheduling and cancelling events over the API, who may, and what every read model then shows. */
class EventLifeApiTest extends ApplicationTest {

    private String admin;
    private String event;
    private Instant startsAt;

    @BeforeEach
    void eventOnSale() {
        admin = adminToken();
        startsAt = inDays(7).truncatedTo(ChronoUnit.SECONDS);
        event = api.scheduleEvent(admin, api.createVenue(admin, "Life Hall", 2, 5), "Spring Gala", startsAt);
        eventually(() -> api.get("/api/events/" + event).status() == 200);
    }

    @Test
    void adminEditsTitleDescriptionAndPrices() {
        var edited = api.patch(
                "/api/events/" + event,
                Map.of("title", "Summer Gala", "description", "Moved indoors", "priceCents", 4000),
                admin);

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("title").asText()).isEqualTo("Summer Gala");
        assertThat(edited.json().path("priceCents").asLong()).isEqualTo(4000);
        assertThat(edited.json().path("prices").path("S").asLong()).isEqualTo(4000);
        assertThat(edited.json().path("status").asText()).isEqualTo("scheduled");
        eventually(() ->
                api.get("/api/events/" + event).json().path("title").asText().equals("Summer Gala"));
        var shown = api.get("/api/events/" + event).json();
        assertThat(shown.path("description").asText()).isEqualTo("Moved indoors");
        assertThat(shown.path("priceCents").asLong()).isEqualTo(4000);
        assertThat(shown.path("singleSeatRule").asText()).isEqualTo("allow");
        assertThat(listed().path("title").asText()).isEqualTo("Summer Gala");
    }

    @Test
    void bookingsKeepThePriceTheyWereMadeAt() {
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(1)).status()).isEqualTo(201);
        assertThat(api.patch("/api/events/" + event, Map.of("priceCents", 9900), admin)
                        .status())
                .isEqualTo(200);
        assertThat(api.book(ann, event, List.of(2)).status()).isEqualTo(201);

        // the statistics follow a moment later; other tests' events are counted in the totals, so wait for this one's
        eventually(() -> api.get("/api/admin/stats", admin).json().path("events").findValues("eventId").stream()
                .anyMatch(id -> id.asText().equals(event)
                        && figuresOf(event).path("bookings").asLong() == 2));
        var figures = figuresOf(event);
        assertThat(figures.path("revenueCents").asLong()).isEqualTo(1250 + 9900);
    }

    @Test
    void adminReschedulesAndTheNewStartShowsEverywhere() {
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(3)).status()).isEqualTo(201);
        var later = startsAt.plus(Duration.ofDays(2));

        var moved = api.patch("/api/events/" + event, Map.of("startsAt", later.toString()), admin);

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(Instant.parse(moved.json().path("startsAt").asText())).isEqualTo(later);
        eventually(() -> Instant.parse(
                        api.get("/api/events/" + event).json().path("startsAt").asText())
                .equals(later));
        eventually(() -> {
            var mine = api.get("/api/me/bookings", ann).json().path(0);
            return !mine.isMissingNode()
                    && Instant.parse(mine.path("eventStartsAt").asText()).equals(later);
        });
    }

    @Test
    void adminCancelsAndEveryBookingIsReleased() {
        var ann = api.newUserToken("Ann");
        var bob = api.newUserToken("Bob");
        assertThat(api.book(ann, event, List.of(1, 2)).status()).isEqualTo(201);
        assertThat(api.book(bob, event, List.of(7)).status()).isEqualTo(201);
        eventually(() -> api.seatMapShows(event, List.of(1, 2, 7)));

        var cancelled = api.post("/api/events/" + event + "/cancel", Map.of("reason", "The hall flooded"), admin);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("cancelReason").asText()).isEqualTo("The hall flooded");
        assertThat(cancelled.json().path("booked").asInt()).isZero();
        eventually(() -> api.seatMapShows(event, List.of()));
        // the event's cancellation and its bookings' releases are events of different aggregates, which a processor
        // of several segments (on PostgreSQL) may handle in either order
        eventually(() -> {
            var now = api.get("/api/events/" + event).json();
            return "cancelled".equals(now.path("status").asText())
                    && now.path("booked").asInt() == 0;
        });
        var shown = api.get("/api/events/" + event).json();
        assertThat(shown.path("booked").asInt()).isZero();
        assertThat(shown.path("available").asInt()).isEqualTo(10);
        assertThat(listed().path("status").asText()).isEqualTo("cancelled");
        eventually(() -> "CANCELLED"
                        .equals(api.get("/api/me/bookings", ann)
                                .json()
                                .path(0)
                                .path("status")
                                .asText())
                && "CANCELLED"
                        .equals(api.get("/api/me/bookings", bob)
                                .json()
                                .path(0)
                                .path("status")
                                .asText()));
        var mine = api.get("/api/me/bookings", ann).json().path(0);
        eventually(() -> api.get("/api/me/bookings", ann)
                .json()
                .path(0)
                .path("eventCancelReason")
                .asText()
                .equals("The hall flooded"));
        assertThat(ints(mine.path("seats"))).containsExactly(1, 2);
        eventually(() -> figuresOf(event).path("booked").asInt() == 0);
        assertThat(figuresOf(event).path("revenueCents").asLong()).isZero();
        assertThat(figuresOf(event).path("cancelled").asBoolean()).isTrue();
        var csv = api.get("/api/admin/export/events.csv", admin).body();
        var header = csv.lines().findFirst().orElseThrow();
        assertThat(header).endsWith(",status");
        assertThat(csv.lines()
                        .filter(line -> line.startsWith(event))
                        .findFirst()
                        .orElseThrow())
                .endsWith(",cancelled");

        var refused = assertProblem(api.book(ann, event, List.of(5)), 409);
        assertThat(refused.path("reason").asText()).isEqualTo("event-cancelled");
    }

    @Test
    void cancellingTwiceOrChangingACancelledEventIsAConflict() {
        assertThat(api.post("/api/events/" + event + "/cancel", Map.of("reason", "Storm"), admin)
                        .status())
                .isEqualTo(200);

        var again = assertProblem(api.post("/api/events/" + event + "/cancel", Map.of("reason", "Again"), admin), 409);
        assertThat(again.path("reason").asText()).isEqualTo("event-cancelled");
        var edit = assertProblem(api.patch("/api/events/" + event, Map.of("title", "Back on"), admin), 409);
        assertThat(edit.path("reason").asText()).isEqualTo("event-cancelled");
        var moved = assertProblem(
                api.patch("/api/events/" + event, Map.of("startsAt", inDays(9).toString()), admin), 409);
        assertThat(moved.path("reason").asText()).isEqualTo("event-cancelled");
    }

    @Test
    void onlyAdminsEditOrCancel() {
        var user = api.newUserToken("Uwe");
        var path = "/api/events/" + event;

        assertProblem(api.patch(path, Map.of("title", "Mine"), null), 401);
        assertProblem(api.patch(path, Map.of("title", "Mine"), user), 403);
        assertProblem(api.post(path + "/cancel", Map.of("reason", "Mine"), null), 401);
        assertProblem(api.post(path + "/cancel", Map.of("reason", "Mine"), user), 403);

        assertThat(api.get(path).json().path("title").asText()).isEqualTo("Spring Gala");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("scheduled");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var path = "/api/events/" + event;
        assertThat(assertProblem(api.patch(path, Map.of(), admin), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("nothing-to-change");
        assertThat(assertProblem(api.patch(path, Map.of("title", "  "), admin), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-required");
        assertThat(assertProblem(api.patch(path, Map.of("title", "x".repeat(201)), admin), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-too-long");
        assertThat(assertProblem(
                                api.patch(
                                        path,
                                        Map.of(
                                                "startsAt",
                                                Instant.now().minusSeconds(60).toString()),
                                        admin),
                                400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-not-in-future");
        assertThat(assertProblem(api.patch(path, Map.of("priceCents", -1), admin), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-negative");
        assertThat(assertProblem(api.patch(path, Map.of("prices", Map.of("X", 100)), admin), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-unknown-category");
        assertThat(assertProblem(api.patch(path, Map.of("title", "New", "startsAt", "tomorrow"), admin), 400)
                        .has("reason"))
                .isFalse();
        assertThat(assertProblem(api.post(path + "/cancel", Map.of("reason", " "), admin), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-required");
        assertThat(assertProblem(api.post(path + "/cancel", Map.of("reason", "x".repeat(1001)), admin), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-too-long");
        assertProblem(api.postRaw(path + "/cancel", "{\"reason\": ", admin), 400);

        var shown = api.get(path).json();
        assertThat(shown.path("title").asText()).isEqualTo("Spring Gala");
        assertThat(shown.path("status").asText()).isEqualTo("scheduled");
        assertThat(Instant.parse(shown.path("startsAt").asText())).isEqualTo(startsAt);
        assertThat(shown.path("priceCents").asLong()).isEqualTo(1250);
    }

    @Test
    void unknownEventIsNotFound() {
        var unknown = "/api/events/" + UUID.randomUUID();
        assertProblem(api.patch(unknown, Map.of("title", "Ghost"), admin), 404);
        assertProblem(api.post(unknown + "/cancel", Map.of("reason", "Ghost"), admin), 404);
    }

    @Test
    void anEventThatHasStartedCannotBeCancelledOrChanged() throws Exception {
        var soon = api.scheduleEvent(
                admin,
                api.createVenue(admin, "Quick Hall", 1, 2),
                "Flash",
                Instant.now().plusSeconds(2));
        Thread.sleep(2_500);

        var cancel = assertProblem(api.post("/api/events/" + soon + "/cancel", Map.of("reason", "Late"), admin), 409);
        assertThat(cancel.path("reason").asText()).isEqualTo("event-over");
        var edit = assertProblem(api.patch("/api/events/" + soon, Map.of("title", "Late"), admin), 409);
        assertThat(edit.path("reason").asText()).isEqualTo("event-over");
    }

    private JsonNode listed() {
        for (var listed : api.get("/api/events?size=100").json()) {
            if (listed.path("id").asText().equals(event)) {
                return listed;
            }
        }
        throw new AssertionError("Event " + event + " is not listed");
    }

    private JsonNode figuresOf(String eventId) {
        for (var figures : api.get("/api/admin/stats", admin).json().path("events")) {
            if (figures.path("eventId").asText().equals(eventId)) {
                return figures;
            }
        }
        throw new AssertionError("No figures for " + eventId);
    }
}
