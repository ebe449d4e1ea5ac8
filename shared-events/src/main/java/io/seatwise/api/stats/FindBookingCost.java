package io.seatwise.api.stats;

import io.seatwise.api.booking.BookingId;

/**
 * What one booking cost when it was made, in cents, as the statistics recorded it from the booking's own prices.
 * Answered with an optional {@code Long}: empty until the statistics have the booking.
 */
public record FindBookingCost(BookingId bookingId) {}
