package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import java.util.List;

/**
 * An update to {@link FindSeatAvailability} subscriptions: seats of the event that were just booked or released, or
 * held for a waitlist offer or no longer held (each list ascending, most of them usually empty). Only the change
 * travels, never the whole map. A seat that is booked is shown booked whether or not it is still held.
 *
 * <p>{@code version} is the sequence number of the seat-map event that made the change, the number that
 * {@link SeatAvailability#version()} counts: a map of version {@code v} holds every change up to {@code v}, so a
 * subscriber skips the changes it has already. A change says what its seats now are, so applying one twice is harmless.
 */
public record SeatAvailabilityChanged(
        EventId eventId,
        long version,
        List<Integer> booked,
        List<Integer> released,
        List<Integer> held,
        List<Integer> unheld) {

    public static SeatAvailabilityChanged booked(EventId eventId, long version, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, version, List.copyOf(seats), List.of(), List.of(), List.of());
    }

    public static SeatAvailabilityChanged released(EventId eventId, long version, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, version, List.of(), List.copyOf(seats), List.of(), List.of());
    }

    public static SeatAvailabilityChanged held(EventId eventId, long version, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, version, List.of(), List.of(), List.copyOf(seats), List.of());
    }

    public static SeatAvailabilityChanged unheld(EventId eventId, long version, List<Integer> seats) {
        return new SeatAvailabilityChanged(eventId, version, List.of(), List.of(), List.of(), List.copyOf(seats));
    }
}
