package io.seatwise.web.booking;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingApiTest extends ApplicationTest {

    /** The contract: a booking shows on the read side within one second. */
    private static final Duration READ_SIDE_DELAY = Duration.ofSeconds(1);

    private String event;

    @BeforeEach
    void eventWithTwelveSeats() {
        var admin = adminToken();
        event = api.scheduleEvent(admin, api.createVenue(admin, "Hall", 3, 4), "Concert", inDays(3));
    }

    @Test
    void bookingAnswersTheBookedSeats() {
        var response = api.book(api.newUserToken("Ann"), event, List.of(7, 2, 5));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("bookingId").asText()).isNotBlank();
        assertThat(response.json().get("eventId").asText()).isEqualTo(event);
        assertThat(ints(response.json().get("seats"))).containsExactly(2, 5, 7);
    }

    @Test
    void bookingTakenSeatsNamesExactlyTheTakenSeats() {
        api.book(api.newUserToken("Ann"), event, List.of(5, 6, 7));

        var response = api.book(api.newUserToken("Bob"), event, List.of(4, 6, 7, 8));

        assertProblem(response, 409);
        assertThat(ints(response.json().get("unavailableSeats"))).containsExactly(6, 7);
    }

    @Test
    void refusedBookingBooksNone() {
        api.book(api.newUserToken("Ann"), event, List.of(5));
        var bob = api.newUserToken("Bob");

        var refused = api.book(bob, event, List.of(4, 5, 6));

        assertProblem(refused, 409);
        // the free seats of the refused booking are still free: Bob gets them now, and only this booking is his
        var accepted = api.book(bob, event, List.of(4, 6));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var bookingId = accepted.json().get("bookingId").asText();
        eventually(() -> api.seatMapShows(event, List.of(4, 5, 6)));
        eventually(() -> api.get("/api/me/bookings", bob).json().size() == 1);
        var mine = api.get("/api/me/bookings", bob).json().get(0);
        assertThat(mine.get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(ints(mine.get("seats"))).containsExactly(4, 6);
    }

    @Test
    void bookingShowsOnTheSeatMapWithinASecond() {
        api.book(api.newUserToken("Ann"), event, List.of(2, 3));

        eventually(READ_SIDE_DELAY, () -> api.seatMapShows(event, List.of(2, 3)));
    }

    @Test
    void bookingShowsInMyBookingsWithinASecond() {
        var ann = api.newUserToken("Ann");
        var bookingId =
                api.book(ann, event, List.of(9, 10)).json().get("bookingId").asText();

        eventually(
                READ_SIDE_DELAY, () -> api.get("/api/me/bookings", ann).json().size() == 1);
        var booking = api.get("/api/me/bookings", ann).json().get(0);
        assertThat(booking.get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(booking.get("eventId").asText()).isEqualTo(event);
        assertThat(booking.get("eventTitle").asText()).isEqualTo("Concert");
        assertThat(ints(booking.get("seats"))).containsExactly(9, 10);
        assertThat(booking.get("bookedAt").asText()).isNotBlank();
        assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void bookingCountsOnTheEventWithinASecond() {
        api.book(api.newUserToken("Ann"), event, List.of(1, 2, 3));

        eventually(
                READ_SIDE_DELAY,
                () -> api.event(event)
                        .map(summary -> summary.get("booked").asInt() == 3)
                        .orElse(false));
        var summary = api.event(event).orElseThrow();
        assertThat(summary.get("capacity").asInt()).isEqualTo(12);
        assertThat(summary.get("available").asInt()).isEqualTo(9);
    }

    @Test
    void bookingAnUnknownEventIsNotFound() {
        var response = api.book(api.newUserToken("Ann"), UUID.randomUUID().toString(), List.of(1));

        assertProblem(response, 404);
    }

    @Test
    void bookingUnderTheIdOfAVenueIsNotFound() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Not an event", 2, 2);

        assertProblem(api.book(api.newUserToken("Ann"), venue, List.of(1)), 404, "No such event");
    }

    @Test
    void anonymousMayNotBook() {
        var response = api.book(null, event, List.of(1));

        assertProblem(response, 401);
        // a later booking shows on the seat map only after everything booked before it
        api.book(api.newUserToken("Ann"), event, List.of(2));
        eventually(() -> api.seatMapShows(event, List.of(2)));
    }
}
