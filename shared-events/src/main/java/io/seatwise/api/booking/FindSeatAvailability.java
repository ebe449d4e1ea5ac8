package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;

/**
 * Which seats of an event are booked, compactly: answered with an optional {@link SeatAvailability}. As the
 * subscription query of a node's open seat map it is followed by a {@link SeatAvailabilityChanged} for every booking,
 * cancellation, hold and end of a hold of the event that the node sees from then on, whichever node stored it.
 */
public record FindSeatAvailability(EventId eventId) {}
