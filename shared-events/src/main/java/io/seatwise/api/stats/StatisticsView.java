package io.seatwise.api.stats;

import java.util.List;

/** The figures of every event, ordered by start, and their sums; cancelled bookings count nowhere. */
public record StatisticsView(Totals totals, List<EventStatistics> events) {

    public record Totals(long events, long capacity, long booked, long bookings, long revenueCents) {}
}
