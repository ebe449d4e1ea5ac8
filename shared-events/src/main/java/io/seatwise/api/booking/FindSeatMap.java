package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;

/** Which seats of an event are booked. Answered with an optional {@link SeatMapView}. */
public record FindSeatMap(EventId eventId) {}
