package io.seatwise.api.stats;

/** Bookings per day (UTC) by the day they were made, oldest first. Answered with a list of {@link DailyBookings}. */
public record FindDailyBookings() {}
