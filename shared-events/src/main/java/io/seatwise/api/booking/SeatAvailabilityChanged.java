package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import java.util.List;

/**
 * An update to {@link FindSeatAvailability} subscriptions: seats of the event that were just booked or released, or
 * held for a waitlist offer or no longer held (each list ascending, most of them usually empty). Only the change
 * travels, never the whole map. A seat that is booked is shown booked whether or not it is still held.
 */
public record SeatAvailabilityChanged(
        EventId eventId, List<Integer> booked, List<Integer> released, List<Integer> held, List<Integer> unheld) {

    public static SeatAvailabilityChanged booked(EventId eventId, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, List.copyOf(seats), List.of(), List.of(), List.of());
    }

    public static SeatAvailabilityChanged released(EventId eventId, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, List.of(), List.copyOf(seats), List.of(), List.of());
    }

    public static SeatAvailabilityChanged held(EventId eventId, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, List.of(), List.of(), List.copyOf(seats), List.of());
    }

    public static SeatAvailabilityChanged unheld(EventId eventId, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, List.of(), List.of(), List.of(), List.copyOf(seats));
    }
}
