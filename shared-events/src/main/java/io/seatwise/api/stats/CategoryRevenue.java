package io.seatwise.api.stats;

/**
 * The seats of one category that are booked and what they brought in, at the prices of their bookings. The name is
 * the category's in the event's layout; in the totals, categories of the same code and name are summed.
 */
public record CategoryRevenue(String code, String name, long booked, long revenueCents) {}
