package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;

/**
 * Which seats of an event are booked, compactly: answered with an optional {@link SeatAvailability}. As a subscription
 * query it is followed by a {@link SeatAvailabilityChanged} for every booking and cancellation of the event.
 */
public record FindSeatAvailability(EventId eventId) {}
