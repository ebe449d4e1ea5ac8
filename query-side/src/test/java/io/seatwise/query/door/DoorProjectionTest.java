package io.seatwise.query.door;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.booking.TicketCheckedIn;
import io.seatwise.api.door.Attendance;
import io.seatwise.api.door.DoorList;
import io.seatwise.api.door.FindAttendance;
import io.seatwise.api.door.FindDoorList;
import io.seatwise.api.event.EventId;
import io.seatwise.query.stats.StatsDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The door's read model on real SQLite files, beside the bookings and users tables that it reads. */
class DoorProjectionTest {

    private static final Instant NOW = Instant.parse("2030-03-08T19:00:00Z");
    private static final EventId EVENT = EventId.of("event-1");
    private static final EventId OTHER_EVENT = EventId.of("event-2");
    private static final AccountId ANN = AccountId.of("ann");
    private static final AccountId STEWARD = AccountId.of("steward");

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private DoorProjection projection;

    @BeforeEach
    void projection() {
        jdbc = new JdbcTemplate(StatsDatabase.in(dataDir));
        projection = new DoorProjection(jdbc);
        jdbc.update("INSERT INTO stats_users (account_id, email, display_name, role, registered_at) "
                + "VALUES ('ann', 'ann@example.org', 'Ann', 'USER', 0)");
        booking("b-1", EVENT, "4,3", "CONFIRMED");
        booking("b-2", EVENT, "9", "CANCELLED");
        booking("b-3", OTHER_EVENT, "1", "CONFIRMED");
    }

    @Test
    void doorListHoldsLiveBookingsWithTheirHoldersAndAdmittedSeatsAndTheCancelledOnes() {
        projection.on(checkedIn("b-1", 4));
        projection.on(new TicketCheckedIn(OTHER_EVENT, BookingId.of("b-3"), 1, STEWARD, NOW));

        var list = projection.handle(new FindDoorList(EVENT));

        assertThat(list.bookings()).containsExactly(new DoorList.Entry("b-1", "Ann", List.of(3, 4), List.of(4)));
        assertThat(list.cancelled()).containsExactly("b-2");
    }

    @Test
    void attendanceCountsSeatsOfLiveBookingsAndTheAdmittedOnes() {
        projection.on(checkedIn("b-1", 3));

        assertThat(projection.handle(new FindAttendance(EVENT))).isEqualTo(new Attendance(2, 1));
        assertThat(projection.handle(new FindAttendance(EventId.of("no-event"))))
                .isEqualTo(new Attendance(0, 0));
    }

    @Test
    void checkInDeliveredTwiceCountsOnce() {
        projection.on(checkedIn("b-1", 3));
        projection.on(checkedIn("b-1", 3));

        assertThat(projection.handle(new FindAttendance(EVENT)).checkedIn()).isEqualTo(1);
    }

    @Test
    void cancelledBookingsAdmissionsAreForgotten() {
        projection.on(checkedIn("b-1", 3));
        projection.on(new SeatsReleased(EVENT, BookingId.of("b-1"), ANN, List.of(3, 4), NOW));

        assertThat(projection.handle(new FindAttendance(EVENT)).checkedIn()).isZero();
    }

    @Test
    void resetForgetsEveryAdmission() {
        projection.on(checkedIn("b-1", 3));

        projection.reset();

        assertThat(projection.handle(new FindAttendance(EVENT)).checkedIn()).isZero();
    }

    private static TicketCheckedIn checkedIn(String bookingId, int seat) {
        return new TicketCheckedIn(EVENT, BookingId.of(bookingId), seat, STEWARD, NOW);
    }

    private void booking(String bookingId, EventId event, String seats, String status) {
        jdbc.update(
                "INSERT INTO bookings (booking_id, event_id, account_id, seats, seat_count, booked_at, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                bookingId,
                event.value(),
                ANN.value(),
                seats,
                seats.split(",").length,
                NOW.minusSeconds(3600).toEpochMilli(),
                status);
    }
}
