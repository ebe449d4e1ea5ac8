package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;

/**
 * Which seats of an event are booked, compactly: answered with an optional {@link SeatAvailability}. As a subscription
 * query it is followed by a {@link SeatAvailabilityChanged} for every booking, cancellation, hold and end of a hold of
 * the event that is stored after the subscription began, whichever node stored it.
 */
public record FindSeatAvailability(EventId eventId) {}
