package io.seatwise.api.stats;

import io.seatwise.api.event.EventId;
import java.util.List;

/**
 * One event's figures: booked seats, occupancy (booked / capacity, 0..1, four decimals), bookings and revenue, and
 * the seats and revenue of each category of its layout, in the layout's order. A cancelled event's bookings were all
 * released with it, so it counts no seats and no revenue.
 */
public record EventStatistics(
        EventId eventId,
        String title,
        int capacity,
        int booked,
        double occupancy,
        int bookings,
        long revenueCents,
        List<CategoryRevenue> categories,
        boolean cancelled) {

    public EventStatistics {
        categories = List.copyOf(categories);
    }

    /** The figures of an event that is not cancelled. */
    public EventStatistics(
            EventId eventId,
            String title,
            int capacity,
            int booked,
            double occupancy,
            int bookings,
            long revenueCents,
            List<CategoryRevenue> categories) {
        this(eventId, title, capacity, booked, occupancy, bookings, revenueCents, categories, false);
    }

    public int available() {
        return capacity - booked;
    }
}
