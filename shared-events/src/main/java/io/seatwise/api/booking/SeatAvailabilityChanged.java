package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import java.util.List;

/**
 * An update to {@link FindSeatAvailability} subscriptions: seats of the event that were just booked or released (each
 * list ascending, one of them usually empty). Only the change travels, never the whole map.
 */
public record SeatAvailabilityChanged(EventId eventId, List<Integer> booked, List<Integer> released) {

    public static SeatAvailabilityChanged booked(EventId eventId, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, List.copyOf(seats), List.of());
    }

    public static SeatAvailabilityChanged released(EventId eventId, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, List.of(), List.copyOf(seats));
    }
}
