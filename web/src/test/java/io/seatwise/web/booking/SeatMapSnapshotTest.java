package io.seatwise.web.booking;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A hot seat map is snapshotted, so that loading it never replays its whole history. The threshold is lowered from
 * 250 to 20 events to keep the test short; what is tested is the same.
 */
@TestPropertySource(properties = "seatwise.booking.snapshot-threshold=" + SeatMapSnapshotTest.THRESHOLD)
class SeatMapSnapshotTest extends ApplicationTest {

    static final int THRESHOLD = 20;
    private static final int BOOKINGS = THRESHOLD + 10;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("seatMapCache")
    Cache seatMapCache;

    private String eventWithSeats(int rows, int seatsPerRow) {
        var admin = adminToken();
        // one season ticket holder books seat after seat, more than an account may hold by default
        return api.scheduleEventWithoutLimit(
                admin, api.createVenue(admin, "Stadium", rows, seatsPerRow), "Derby", inDays(4));
    }

    /** Books seats 1..{@code count} one booking each, as one user. */
    private void bookOneByOne(String event, int count) {
        var user = api.newUserToken("Season ticket");
        for (int seat = 1; seat <= count; seat++) {
            var response = api.book(user, event, List.of(seat));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }
    }

    private int snapshotsOf(String event) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Integer.class, event);
        return count == null ? 0 : count;
    }

    @Test
    void seatMapIsSnapshottedAfterMoreEventsThanTheThreshold() {
        var event = eventWithSeats(5, 10);

        bookOneByOne(event, BOOKINGS);

        eventually(() -> snapshotsOf(event) > 0);
        Long sequence = jdbc.queryForObject(
                "SELECT max(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, event);
        assertThat(sequence).isGreaterThanOrEqualTo(THRESHOLD - 1L);
    }

    @Test
    void seatMapLoadedFromItsSnapshotStillKnowsItsBookedSeats() {
        var event = eventWithSeats(5, 10);
        bookOneByOne(event, BOOKINGS);
        eventually(() -> snapshotsOf(event) > 0);

        seatMapCache.removeAll();
        var taken = api.book(api.newUserToken("Late"), event, List.of(1, BOOKINGS + 1));
        var free = api.book(api.newUserToken("Later"), event, List.of(BOOKINGS + 1));

        assertProblem(taken, 409);
        assertThat(ints(taken.json().get("unavailableSeats"))).containsExactly(1);
        assertThat(free.status()).as(free.body()).isEqualTo(201);
    }

    @Test
    void racingBookingsPastTheThresholdNeitherStallNorSellASeatTwice() throws Exception {
        int seats = 100;
        var event = eventWithSeats(10, 10);
        try (var race = new BookingRace(api, 48)) {
            var tokens = race.tokens();

            var attempts = race.run(event, tokens, 3, () -> BookingRace.randomSeats(seats, 1));

            var sold = BookingRace.check(attempts).soldSeats();
            assertThat(sold.size()).isGreaterThan(2 * THRESHOLD);
            eventually(() -> snapshotsOf(event) > 0);
            eventually(() -> api.seatMapShows(event, sold));
        }
    }
}
