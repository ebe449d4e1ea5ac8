package io.seatwise.api.stats;

import java.util.List;

/** The figures of every event, ordered by start, and their sums; cancelled bookings count nowhere. */
public record StatisticsView(Totals totals, List<EventStatistics> events) {

    /** The sums over all events; {@code categories} sums those of the same code and name, by code, then name. */
    public record Totals(
            long events,
            long capacity,
            long booked,
            long bookings,
            long revenueCents,
            List<CategoryRevenue> categories) {

        public Totals {
            categories = List.copyOf(categories);
        }
    }
}
