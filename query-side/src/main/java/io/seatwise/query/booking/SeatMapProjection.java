package io.seatwise.query.booking;

import io.seatwise.api.booking.FindSeatAvailability;
import io.seatwise.api.booking.FindSeatMap;
import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.booking.SeatMapView;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.venue.SeatLayout;
import java.util.BitSet;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which seats of each event are booked: one row per booked seat, written with plain JDBC because a large event
 * reads tens of thousands of them at once. Inserts ignore rows that exist and a release deletes only the rows of its
 * own booking, so a redelivered event changes nothing.
 *
 * <p>Open seat maps subscribe to {@link FindSeatAvailability}; every booking and release is sent to the subscribers of
 * its event as a {@link SeatAvailabilityChanged}. Axon sends it once the transaction that wrote the rows has
 * committed, so a subscriber that reads the map after an update sees the update in it. A change says what its seats now
 * are, and the changes of one event come in the order of its history (one segment handles all of an event's seat map),
 * so a redelivered or replayed event may send a change again, yet a subscriber's map ends where the read model does.
 */
@Component
@ProcessingGroup(SeatMapProjection.GROUP)
class SeatMapProjection {

    static final String GROUP = "seat-maps";

    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter updates;

    SeatMapProjection(JdbcTemplate jdbc, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @EventHandler
    void on(EventScheduled event) {
        jdbc.update(
                "INSERT INTO seat_maps (event_id, seat_rows, seats_per_row) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING",
                event.eventId().value(),
                event.rows(),
                event.seatsPerRow());
    }

    @EventHandler
    void on(SeatsBooked event) {
        jdbc.batchUpdate(
                "INSERT INTO booked_seats (event_id, seat, booking_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_id, seat) DO NOTHING",
                event.seats(),
                event.seats().size(),
                (statement, seat) -> {
                    statement.setString(1, event.eventId().value());
                    statement.setInt(2, seat);
                    statement.setString(3, event.bookingId().value());
                });
        emit(SeatAvailabilityChanged.booked(event.eventId(), event.seats()));
    }

    @EventHandler
    void on(SeatsReleased event) {
        jdbc.update(
                "DELETE FROM booked_seats WHERE event_id = ? AND booking_id = ?",
                event.eventId().value(),
                event.bookingId().value());
        emit(SeatAvailabilityChanged.released(event.eventId(), event.seats()));
    }

    private void emit(SeatAvailabilityChanged change) {
        updates.emit(FindSeatAvailability.class, query -> query.eventId().equals(change.eventId()), change);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM booked_seats");
        jdbc.update("DELETE FROM seat_maps");
    }

    @QueryHandler
    Optional<SeatMapView> handle(FindSeatMap query) {
        var eventId = query.eventId().value();
        return jdbc
                .query(
                        "SELECT seat_rows, seats_per_row FROM seat_maps WHERE event_id = ?",
                        (rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)},
                        eventId)
                .stream()
                .findFirst()
                .map(layout -> new SeatMapView(
                        query.eventId(),
                        layout[0],
                        layout[1],
                        layout[0] * layout[1],
                        jdbc.queryForList(
                                "SELECT seat FROM booked_seats WHERE event_id = ? ORDER BY seat",
                                Integer.class,
                                eventId)));
    }

    @QueryHandler
    Optional<SeatAvailability> handle(FindSeatAvailability query) {
        var eventId = query.eventId();
        return layoutOf(eventId).map(layout -> {
            var booked = new BitSet(layout.capacity() + 1);
            jdbc.query(
                    "SELECT seat FROM booked_seats WHERE event_id = ?",
                    row -> {
                        booked.set(row.getInt(1));
                    },
                    eventId.value());
            return SeatAvailability.of(eventId, layout, booked);
        });
    }

    private Optional<SeatLayout> layoutOf(EventId eventId) {
        return jdbc
                .query(
                        "SELECT seat_rows, seats_per_row FROM seat_maps WHERE event_id = ?",
                        (rs, row) -> new SeatLayout(rs.getInt(1), rs.getInt(2)),
                        eventId.value())
                .stream()
                .findFirst();
    }
}
