package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.SeatLayout;
import java.util.List;

/**
 * The seats of one event: {@code booked} and {@code held} list taken seat numbers in ascending order. {@code rows} and
 * {@code seatsPerRow} are those of {@link io.seatwise.api.venue.VenueView}.
 */
public record SeatMapView(EventId eventId, SeatLayout layout, List<Integer> booked, List<Integer> held) {

    public int rows() {
        return layout.rowCount();
    }

    public int seatsPerRow() {
        return layout.widestRow();
    }

    public int capacity() {
        return layout.capacity();
    }
}
