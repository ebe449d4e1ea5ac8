package io.seatwise.api.stats;

import java.time.LocalDate;

/** The bookings made on one day (UTC) that are not cancelled, their seats and their revenue. */
public record DailyBookings(LocalDate day, long bookings, long seats, long revenueCents) {}
