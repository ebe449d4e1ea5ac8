package io.seatwise.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.stats.FindBookingCost;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a booking cost when it was made, as its owner's page and the API show it. */
class BookingCostsTest {

    private static final Instant MONDAY = Instant.parse("2030-03-04T10:00:00Z");

    @TempDir
    Path dataDir;

    private final EventId event = EventId.random();
    private final BookingId booking = BookingId.next();
    private final AccountId ann = AccountId.random();
    private StatisticsProjection statistics;
    private BookingCosts costs;

    @BeforeEach
    void tables() {
        var jdbc = new JdbcTemplate(StatsDatabase.in(dataDir));
        statistics = new StatisticsProjection(jdbc);
        costs = new BookingCosts(jdbc);
        statistics.on(
                new EventScheduled(
                        event,
                        VenueId.random(),
                        "Gala",
                        "",
                        Instant.parse("2030-04-01T19:00:00Z"),
                        Map.of("S", 1500L),
                        SeatLayout.grid(2, 5),
                        SingleSeatRule.ALLOW),
                0);
    }

    @Test
    void aBookingCostsWhatItRecordedNotTheEventsPriceOfToday() {
        statistics.on(new SeatsBooked(event, booking, ann, List.of(1, 2), MONDAY, Map.of("S", 2200L)), 1);

        assertThat(costs.handle(new FindBookingCost(booking))).contains(2200L);
    }

    @Test
    void aBookingOfRevisionOneCostsItsEventsPricePerSeat() {
        statistics.on(new SeatsBooked(event, booking, ann, List.of(1, 2), MONDAY, null), 1);

        assertThat(costs.handle(new FindBookingCost(booking))).contains(3000L);
    }

    @Test
    void aCancelledBookingStillShowsWhatItCost() {
        statistics.on(new SeatsBooked(event, booking, ann, List.of(3), MONDAY, Map.of("S", 1500L)), 1);
        statistics.on(new SeatsReleased(event, booking, ann, List.of(3), MONDAY), 2);

        assertThat(costs.handle(new FindBookingCost(booking))).contains(1500L);
    }

    @Test
    void aBookingTheStatisticsDoNotHaveYetHasNoCost() {
        assertThat(costs.handle(new FindBookingCost(BookingId.next()))).isEmpty();
    }
}
