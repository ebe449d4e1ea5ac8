package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.SeatLayout;
import java.util.List;

/** The seats of one event; {@code booked} lists the taken seat numbers in ascending order. */
public record SeatMapView(EventId eventId, int rows, int seatsPerRow, int capacity, List<Integer> booked) {

    public SeatLayout layout() {
        return new SeatLayout(rows, seatsPerRow);
    }
}
