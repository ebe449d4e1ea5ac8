package io.seatwise.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BookingFlowTest extends ApplicationTest {

    @Test
    void userBooksSeatsAndSeesThemInMyBookings() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Hall", 3, 4);
        var event = api.scheduleEvent(admin, venue, "Opening night", inDays(3));
        var user = api.newUserToken("Ann");

        var booking = api.book(user, event, List.of(5, 6));

        assertThat(booking.status()).isEqualTo(201);
        assertThat(booking.json().get("seats").toString()).isEqualTo("[5,6]");
        eventually(() -> api.get("/api/me/bookings", user).json().size() == 1);
        eventually(() -> api.seatMapShows(event, List.of(5, 6)));
    }
}
