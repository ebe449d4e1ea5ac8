package io.seatwise.web;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ticket.TicketCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping and starting the application on the same data folder loses nothing: the first run books seats and stops,
 * and each test looks at the second run. After the restart no seat map is cached, so every booking decision reloads
 * its aggregate from the events stored in SQLite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartTest {

    @TempDir
    static Path dataDir;

    private StandaloneApplication application;
    private ApiClient api;

    private String venue;
    private String event;
    private String sequel;
    private String encore;
    private String encoreBooking;
    private String annToken;
    private String bobToken;
    private String cyToken;
    private String ticketCode;
    private byte[] ticketKey;

    @BeforeAll
    void bookThenRestart() {
        try (var first = StandaloneApplication.start(dataDir)) {
            var before = first.api();
            var admin = before.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            venue = before.createVenue(admin, "Old Hall", 3, 4);
            event = before.scheduleEvent(admin, venue, "Before the restart", inDays(6));
            sequel = before.scheduleEvent(admin, venue, "The sequel", inDays(8));
            encore = before.scheduleEvent(admin, venue, "The encore", inDays(9));
            annToken = before.newUserToken("Ann");
            bobToken = before.newUserToken("Bob");
            assertThat(before.book(annToken, event, List.of(1, 2)).status()).isEqualTo(201);
            assertThat(before.book(bobToken, event, List.of(3)).status()).isEqualTo(201);
            assertThat(before.book(annToken, sequel, List.of(1)).status()).isEqualTo(201);
            cyToken = before.newUserToken("Cy");
            var booked = before.book(cyToken, encore, List.of(5));
            assertThat(booked.status()).isEqualTo(201);
            encoreBooking = booked.json().get("bookingId").asText();
            var codes = first.context().getBean(TicketCodes.class);
            ticketCode = codes.code(EventId.of(encore), BookingId.of(encoreBooking), 5);
            ticketKey = codes.publicKeySpki();
            ApplicationTest.eventually(() -> before.seatMapShows(event, List.of(1, 2, 3))
                    && before.seatMapShows(sequel, List.of(1))
                    && before.get("/api/me/bookings", annToken).json().size() == 2
                    && before.event(event)
                            .map(e -> e.get("booked").asInt() == 3)
                            .orElse(false));
        }
        application = StandaloneApplication.start(dataDir);
        api = application.api();
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    @Test
    void venueIsStillListed() {
        var venues = api.get("/api/venues").json();

        var ids = new ArrayList<String>();
        venues.forEach(listed -> ids.add(listed.get("id").asText()));
        assertThat(ids).contains(venue);
    }

    @Test
    void eventStillCountsItsBookedSeats() {
        var summary = api.event(event).orElseThrow();

        assertThat(summary.get("title").asText()).isEqualTo("Before the restart");
        assertThat(summary.get("capacity").asInt()).isEqualTo(12);
        assertThat(summary.get("booked").asInt()).isEqualTo(3);
        assertThat(summary.get("available").asInt()).isEqualTo(9);
    }

    @Test
    void ticketsSignedBeforeTheRestartStillRead() {
        var codes = application.context().getBean(TicketCodes.class);

        assertThat(codes.publicKeySpki()).isEqualTo(ticketKey);
        assertThat(codes.read(ticketCode))
                .contains(new TicketCodes.TicketCode(EventId.of(encore), BookingId.of(encoreBooking), 5));
    }

    @Test
    void seatMapStillShowsTheBookedSeats() {
        assertThat(api.bookedSeats(event)).containsExactly(1, 2, 3);
    }

    @Test
    void tokenIssuedBeforeTheRestartIsStillAccepted() {
        var response = api.get("/api/me/bookings", annToken);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void myBookingsAreStillThere() {
        var bookings = api.get("/api/me/bookings", annToken).json();

        var seatsByEvent = new java.util.HashMap<String, List<Integer>>();
        bookings.forEach(booking -> seatsByEvent.put(booking.get("eventId").asText(), ints(booking.get("seats"))));
        assertThat(seatsByEvent).containsOnlyKeys(event, sequel);
        assertThat(seatsByEvent.get(event)).containsExactly(1, 2);
        assertThat(seatsByEvent.get(sequel)).containsExactly(1);
    }

    @Test
    void seatsBookedBeforeTheRestartAreStillRefused() {
        var response = api.book(bobToken, event, List.of(2, 4));

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(ints(response.json().get("unavailableSeats"))).containsExactly(2);
    }

    @Test
    void bookingFromBeforeTheRestartCanBeCancelled() {
        var response = api.delete("/api/bookings/" + encoreBooking, cyToken);

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        ApplicationTest.eventually(() -> api.seatMapShows(encore, List.of()));
    }

    @Test
    void bookerFromBeforeTheRestartMayReview() {
        var response =
                api.post("/api/events/" + event + "/reviews", Map.of("rating", 5, "text", "Worth the wait"), annToken);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void newBookingsWorkAfterTheRestart() {
        var response = api.book(bobToken, sequel, List.of(2, 3));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        ApplicationTest.eventually(() -> api.seatMapShows(sequel, List.of(1, 2, 3)));
        ApplicationTest.eventually(
                () -> api.get("/api/me/bookings", bobToken).json().size() == 2);
    }
}
