package io.seatwise.query.booking;

import io.seatwise.api.booking.FindSeatMap;
import io.seatwise.api.booking.SeatMapView;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventScheduled;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which seats of each event are booked: one row per booked seat, written with plain JDBC because a large event
 * reads tens of thousands of them at once. Inserts ignore rows that exist and a release deletes only the rows of its
 * own booking, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(SeatMapProjection.GROUP)
class SeatMapProjection {

    static final String GROUP = "seat-maps";

    private final JdbcTemplate jdbc;

    SeatMapProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
    }

    @EventHandler
    void on(SeatsReleased event) {
        jdbc.update(
                "DELETE FROM booked_seats WHERE event_id = ? AND booking_id = ?",
                event.eventId().value(),
                event.bookingId().value());
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
}
