package io.seatwise.web.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import org.junit.jupiter.api.Test;

/**
 * Many people booking the same few seats at the same moment, over HTTP, each with an account of their own: every
 * seat is sold at most once, every refusal is a 409 that names seats really sold (never a 5xx, so SQLITE_BUSY never
 * reaches a user), and the read side ends up showing exactly the seats that were sold.
 */
class BookingRaceTest extends ApplicationTest {

    private static final int RACERS = 48;
    private static final int ATTEMPTS_PER_RACER = 5;
    private static final int SEATS = 12;

    @Test
    void racingBookingsNeverSellASeatTwice() throws Exception {
        var admin = adminToken();
        var event = api.scheduleEvent(admin, api.createVenue(admin, "Arena", 3, SEATS / 3), "Final", inDays(2));
        try (var race = new BookingRace(api, RACERS)) {
            var tokens = race.tokens();

            var attempts = race.run(event, tokens, ATTEMPTS_PER_RACER, () -> BookingRace.randomSeats(SEATS, 2));

            assertThat(attempts).hasSize(RACERS * ATTEMPTS_PER_RACER);
            assertThat(attempts).as("some bookings lost the race").anyMatch(attempt -> !attempt.accepted());
            var outcome = BookingRace.check(attempts);
            var sold = outcome.soldSeats();
            assertThat(sold).isNotEmpty();
            eventually(() -> api.seatMapShows(event, sold));
            eventually(() -> api.event(event)
                    .map(summary -> summary.get("booked").asInt() == sold.size())
                    .orElse(false));
            eventually(() -> BookingRace.seatsInMyBookings(api, tokens, event).equals(outcome.seatsPerToken()));
        }
    }
}
