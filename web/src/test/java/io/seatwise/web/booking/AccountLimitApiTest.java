package io.seatwise.web.booking;

import static io.seatwise.web.ApiClient.ints;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The limit of seats per account and event over the API (SPEC §1, §3): shown with the event, set when it is scheduled
 * and changed by {@code PATCH}, and decided by the seat map, so that one account's bookings sent at the same moment
 * never pass it together.
 */
class AccountLimitApiTest extends ApplicationTest {

    private static final int RACERS = 16;

    /** How long the read side may take here: the parallel tests load a small machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void eventScheduledWithoutALimitHasTheConfiguredOneAndShowsIt() {
        var admin = adminToken();
        var scheduled = api.post(
                "/api/events",
                Map.of(
                        "venueId",
                        api.createVenue(admin, "Default Hall", 2, 10),
                        "title",
                        "Default limit",
                        "startsAt",
                        inDays(9).toString(),
                        "priceCents",
                        1000),
                admin);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        assertThat(scheduled.json().path("maxSeatsPerAccount").asInt()).isEqualTo(20);
        var event = scheduled.json().path("id").asText();

        eventually(PATIENCE, () -> api.event(event).isPresent());
        assertThat(api.event(event).orElseThrow().path("maxSeatsPerAccount").asInt())
                .isEqualTo(20);
        eventually(PATIENCE, () -> listed(event) != null);
        assertThat(listed(event).path("maxSeatsPerAccount").asInt()).isEqualTo(20);
    }

    @Test
    void bookingPastTheLimitIsRefusedNamingTheLimitAndTheSeatsHeldAndBooksNothing() {
        var event = limitedEvent("Limit Hall", 4);
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(1, 2)).status()).isEqualTo(201);
        assertThat(api.book(ann, event, List.of(3)).status()).isEqualTo(201);

        var refused = api.book(ann, event, List.of(4, 5));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("reason").asText()).isEqualTo("account-limit");
        assertThat(refused.json().path("limit").asInt()).isEqualTo(4);
        assertThat(refused.json().path("held").asInt()).isEqualTo(3);
        assertThat(api.book(ann, event, List.of(4)).status())
                .as("up to the limit")
                .isEqualTo(201);
        eventually(PATIENCE, () -> api.seatMapShows(event, List.of(1, 2, 3, 4)));
        var bob = api.newUserToken("Bob");
        assertThat(api.book(bob, event, List.of(5, 6, 7, 8)).status())
                .as("Bob's own four")
                .isEqualTo(201);
    }

    @Test
    void bestAvailableSeatsCountAndACancelledBookingFreesItsSeats() {
        var event = limitedEvent("Best Limit Hall", 3);
        var ann = api.newUserToken("Ann");
        var first = api.bookBestAvailable(ann, event, 2, null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        var refused = api.bookBestAvailable(ann, event, 2, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("reason").asText()).isEqualTo("account-limit");
        assertThat(refused.json().path("held").asInt()).isEqualTo(2);

        var cancelled =
                api.delete("/api/bookings/" + first.json().path("bookingId").asText(), ann);
        assertThat(cancelled.status()).isEqualTo(204);
        var again = api.bookBestAvailable(ann, event, 3, null);
        assertThat(again.status())
                .as("the cancelled seats no longer count: " + again.body())
                .isEqualTo(201);
    }

    @Test
    void parallelBookingsOfOneAccountNeverPassTheLimitTogether() throws Exception {
        var event = limitedEvent("Race Limit Hall", 4);
        var ann = api.newUserToken("Ann");

        var answers = race(RACERS, racer -> api.book(ann, event, List.of(2 * racer + 1, 2 * racer + 2)));

        var booked = new TreeSet<Integer>();
        for (var answer : answers) {
            if (answer.status() == 201) {
                booked.addAll(ints(answer.json().path("seats")));
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                assertThat(answer.json().path("reason").asText()).isEqualTo("account-limit");
                assertThat(answer.json().path("limit").asInt()).isEqualTo(4);
                assertThat(answer.json().path("held").asInt()).isEqualTo(4);
            }
        }
        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(2);
        assertThat(booked).hasSize(4);
        eventually(PATIENCE, () -> api.seatMapShows(event, List.copyOf(booked)));
        eventually(PATIENCE, () -> seatsInMyBookings(ann, event) == 4);
    }

    @Test
    void parallelBestAvailableBookingsOfOneAccountNeverPassTheLimitTogether() throws Exception {
        var event = limitedEvent("Best Race Hall", 3);
        var ann = api.newUserToken("Ann");

        var answers = race(RACERS, racer -> api.bookBestAvailable(ann, event, 1, null));

        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(3);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 201)
                .allSatisfy(answer -> assertThat(answer.json().path("reason").asText())
                        .as(answer.body())
                        .isEqualTo("account-limit"));
        eventually(PATIENCE, () -> seatsInMyBookings(ann, event) == 3);
    }

    @Test
    void patchChangesTheLimitForLaterBookings() {
        var event = limitedEvent("Patch Limit Hall", 2);
        var admin = adminToken();
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(1, 2)).status()).isEqualTo(201);
        assertThat(api.book(ann, event, List.of(3)).status()).isEqualTo(409);

        var raised = api.patch("/api/events/" + event, Map.of("maxSeatsPerAccount", 3), admin);
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(raised.json().path("maxSeatsPerAccount").asInt()).isEqualTo(3);
        assertThat(api.book(ann, event, List.of(3)).status()).isEqualTo(201);
        assertThat(api.book(ann, event, List.of(4)).status()).isEqualTo(409);
        eventually(
                PATIENCE,
                () -> api.event(event)
                        .map(shown -> shown.path("maxSeatsPerAccount").asInt() == 3)
                        .orElse(false));

        var lowered = api.patch("/api/events/" + event, Map.of("maxSeatsPerAccount", 1), admin);
        assertThat(lowered.json().path("maxSeatsPerAccount").asInt()).isEqualTo(1);
        var refused = api.book(ann, event, List.of(4));
        assertThat(refused.json().path("held").asInt())
                .as("seats held stay held")
                .isEqualTo(3);

        var none = api.patch("/api/events/" + event, Map.of("maxSeatsPerAccount", 0), admin);
        assertThat(none.json().path("maxSeatsPerAccount").asInt()).isZero();
        assertThat(api.book(ann, event, List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 13))
                        .status())
                .as("no limit")
                .isEqualTo(201);
        eventually(
                PATIENCE,
                () -> api.event(event)
                        .map(shown -> shown.path("maxSeatsPerAccount").asInt() == 0)
                        .orElse(false));
    }

    @Test
    void patchWithALimitOutOfRangeIsRefusedAndChangesNothing() {
        var event = limitedEvent("Bad Patch Hall", 2);
        var admin = adminToken();
        for (var limit : List.of(-1, 40_001)) {
            var refused =
                    api.patch("/api/events/" + event, Map.of("maxSeatsPerAccount", limit, "title", "Changed"), admin);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("reason").asText()).isEqualTo("invalid-out-of-range");
        }
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(1, 2, 3)).status()).isEqualTo(409);
        assertThat(api.event(event).orElseThrow().path("title").asText()).isEqualTo("Limited");
    }

    /** An event limited to {@code limit} seats per account, in a hall of 4 rows of 10, once the read side shows it. */
    private String limitedEvent(String venue, int limit) {
        var admin = adminToken();
        var body = new HashMap<String, Object>(Map.of(
                "venueId",
                api.createVenue(admin, venue, 4, 10),
                "title",
                "Limited",
                "startsAt",
                inDays(10).toString(),
                "priceCents",
                1500,
                "maxSeatsPerAccount",
                limit));
        var scheduled = api.post("/api/events", body, admin);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        assertThat(scheduled.json().path("maxSeatsPerAccount").asInt()).isEqualTo(limit);
        var event = scheduled.json().path("id").asText();
        eventually(
                PATIENCE,
                () -> api.event(event).isPresent()
                        && api.get("/api/events/" + event + "/seats").status() == 200);
        return event;
    }

    /** Sends one request per racer, all released at the same moment, and collects the answers. */
    private static List<ApiClient.Response> race(int racers, IntFunction<ApiClient.Response> request) throws Exception {
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Callable<ApiClient.Response>>();
            for (int racer = 0; racer < racers; racer++) {
                int number = racer;
                calls.add(() -> {
                    start.await();
                    return request.apply(number);
                });
            }
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            var answers = new ArrayList<ApiClient.Response>();
            for (var future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private int seatsInMyBookings(String token, String event) {
        int seats = 0;
        for (JsonNode booking : api.get("/api/me/bookings", token).json()) {
            if (booking.path("eventId").asText().equals(event)
                    && booking.path("status").asText().equals("CONFIRMED")) {
                seats += booking.path("seats").size();
            }
        }
        return seats;
    }

    private JsonNode listed(String event) {
        for (var page = 0; page < 50; page++) {
            var events = api.get("/api/events?size=100&page=" + page).json();
            if (events.isEmpty()) {
                return null;
            }
            for (JsonNode listed : events) {
                if (listed.path("id").asText().equals(event)) {
                    return listed;
                }
            }
        }
        return null;
    }
}
