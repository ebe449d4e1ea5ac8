package io.seatwise.query.door;

import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.booking.TicketCheckedIn;
import io.seatwise.api.door.Attendance;
import io.seatwise.api.door.DoorList;
import io.seatwise.api.door.FindAttendance;
import io.seatwise.api.door.FindDoorList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tickets admitted at the door, one row per event and seat. The door's list and attendance read them beside the
 * bookings of "my bookings" and the names of the statistics' users, as those read models have them: a booking made a
 * moment ago may reach the door a moment later, and a door that misses it still admits its signed ticket.
 */
@Component
@ProcessingGroup(DoorProjection.GROUP)
class DoorProjection {

    static final String GROUP = "door";

    private final JdbcTemplate jdbc;

    DoorProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TicketCheckedIn event) {
        jdbc.update(
                "INSERT INTO door_check_ins (event_id, seat, booking_id, checked_in_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (event_id, seat) DO NOTHING",
                event.eventId().value(),
                event.seat(),
                event.bookingId().value(),
                event.checkedInAt().toEpochMilli());
    }

    /** A cancelled booking's admissions no longer stand for a ticket, as in the seat map. */
    @EventHandler
    void on(SeatsReleased event) {
        jdbc.update(
                "DELETE FROM door_check_ins WHERE event_id = ? AND booking_id = ?",
                event.eventId().value(),
                event.bookingId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM door_check_ins");
    }

    @QueryHandler
    Attendance handle(FindAttendance query) {
        var eventId = query.eventId().value();
        Integer booked = jdbc.queryForObject(
                "SELECT coalesce(sum(seat_count), 0) FROM bookings WHERE event_id = ? AND status = ?",
                Integer.class,
                eventId,
                BookingStatus.CONFIRMED.name());
        Integer checkedIn =
                jdbc.queryForObject("SELECT count(*) FROM door_check_ins WHERE event_id = ?", Integer.class, eventId);
        return new Attendance(booked == null ? 0 : booked, checkedIn == null ? 0 : checkedIn);
    }

    @QueryHandler
    DoorList handle(FindDoorList query) {
        var eventId = query.eventId().value();
        Map<String, List<Integer>> admitted = new HashMap<>();
        jdbc.query(
                "SELECT booking_id, seat FROM door_check_ins WHERE event_id = ? ORDER BY seat",
                row -> {
                    admitted.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(row.getInt(2));
                },
                eventId);
        var live = new ArrayList<DoorList.Entry>();
        var cancelled = new ArrayList<String>();
        jdbc.query(
                "SELECT b.booking_id, b.seats, b.status, u.display_name FROM bookings b "
                        + "LEFT JOIN stats_users u ON u.account_id = b.account_id WHERE b.event_id = ?",
                row -> {
                    var bookingId = row.getString(1);
                    if (!BookingStatus.CONFIRMED.name().equals(row.getString(3))) {
                        cancelled.add(bookingId);
                        return;
                    }
                    var seats = Arrays.stream(row.getString(2).split(","))
                            .map(Integer::valueOf)
                            .sorted()
                            .toList();
                    var holder = row.getString(4);
                    live.add(new DoorList.Entry(
                            bookingId,
                            holder == null ? "" : holder,
                            seats,
                            admitted.getOrDefault(bookingId, List.of())));
                },
                eventId);
        return new DoorList(live, cancelled);
    }
}
