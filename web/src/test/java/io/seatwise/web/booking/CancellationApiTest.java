package io.seatwise.web.booking;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ProblemAssertions.assertNotFound;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static io.seatwise.web.ProblemAssertions.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.StoredState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code DELETE /api/bookings/{id}}: the booker cancels a whole booking until the cutoff, 24 hours by default. */
class CancellationApiTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String admin;
    private String venue;
    private String event;
    private String ann;

    @BeforeEach
    void eventInAWeek() {
        admin = adminToken();
        venue = api.createVenue(admin, "Parting hall", 2, 5);
        event = api.scheduleEvent(admin, venue, "Farewell tour", inDays(7));
        ann = api.newUserToken("Ann");
    }

    @Test
    void bookerCancelsAndOthersCanBookTheSeatsAtOnce() {
        var booking = book(ann, event, 3, 4);

        var cancelled = api.delete("/api/bookings/" + booking, ann);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
        var bob = api.book(api.newUserToken("Bob"), event, List.of(4, 3));
        assertThat(bob.status()).as(bob.body()).isEqualTo(201);
    }

    @Test
    void cancelledSeatsAreFreeInEveryReadModel() {
        var booking = book(ann, event, 3, 4);
        book(api.newUserToken("Bob"), event, 7);
        eventually(() -> api.seatMapShows(event, List.of(3, 4, 7)));

        assertThat(api.delete("/api/bookings/" + booking, ann).status()).isEqualTo(204);

        eventually(() -> api.seatMapShows(event, List.of(7)));
        eventually(() -> api.event(event)
                .map(summary -> summary.get("booked").asInt() == 1
                        && summary.get("available").asInt() == 9)
                .orElse(false));
        eventually(() -> "CANCELLED"
                .equals(api.get("/api/me/bookings", ann)
                        .json()
                        .path(0)
                        .path("status")
                        .asText()));
        var mine = api.get("/api/me/bookings", ann).json().get(0);
        assertThat(mine.get("bookingId").asText()).isEqualTo(booking);
        assertThat(ints(mine.get("seats"))).containsExactly(3, 4);
    }

    @Test
    void cancellingOneBookingLeavesTheBookersOtherBookings() {
        var first = book(ann, event, 1);
        book(ann, event, 2);

        assertThat(api.delete("/api/bookings/" + first, ann).status()).isEqualTo(204);

        eventually(() -> api.seatMapShows(event, List.of(2)));
        var refused = api.book(api.newUserToken("Bob"), event, List.of(1, 2));
        assertProblem(refused, 409);
        assertThat(ints(refused.json().get("unavailableSeats"))).containsExactly(2);
    }

    @Test
    void someoneElseMayNotCancelTheBooking() {
        var booking = book(ann, event, 3, 4);
        var mallory = api.newUserToken("Mallory");
        var before = StoredState.of(jdbc);

        var refused = api.delete("/api/bookings/" + booking, mallory);

        assertProblem(refused, 403, "not yours");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
        assertProblem(api.book(api.newUserToken("Bob"), event, List.of(3)), 409);
    }

    @Test
    void adminMayNotCancelSomeoneElsesBookingEither() {
        var booking = book(ann, event, 3);

        assertProblem(api.delete("/api/bookings/" + booking, admin), 403, "not yours");
    }

    @Test
    void cancellingTwiceIsConflict() {
        var booking = book(ann, event, 3);
        api.delete("/api/bookings/" + booking, ann);
        var before = StoredState.of(jdbc);

        var again = api.delete("/api/bookings/" + booking, ann);

        assertProblem(again, 409, "already cancelled");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void cancellingInsideTheCutoffIsConflictNamingIt() {
        var soon = api.scheduleEvent(admin, venue, "Starts soon", Instant.now().plus(Duration.ofHours(2)));
        var booking = book(ann, soon, 3);
        var before = StoredState.of(jdbc);

        var late = api.delete("/api/bookings/" + booking, ann);

        var problem = assertProblem(late, 409, "24 hours");
        assertThat(Instant.parse(problem.get("cancellableUntil").asText())).isBefore(Instant.now());
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
        assertProblem(api.book(api.newUserToken("Bob"), soon, List.of(3)), 409);
    }

    @Test
    void cancellingUnknownBookingIsNotFound() {
        assertNotFound(api.delete("/api/bookings/" + UUID.randomUUID(), ann));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.MalformedIds#all")
    void cancellingUnknownOrMalformedBookingIsNotFound(String kind, String id) {
        var before = StoredState.of(jdbc);

        assertNotFound(api.delete("/api/bookings/" + id, ann));
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void anonymousMayNotCancel() {
        var booking = book(ann, event, 3);

        assertUnauthorized(api.delete("/api/bookings/" + booking, null));
        assertProblem(api.book(api.newUserToken("Bob"), event, List.of(3)), 409);
    }

    private String book(String token, String eventId, Integer... seats) {
        ApiClient.Response response = api.book(token, eventId, List.of(seats));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("bookingId").asText();
    }
}
