package io.seatwise.api.stats;

import io.seatwise.api.event.EventId;
import java.util.List;

/**
 * One event's figures: booked seats, occupancy (booked / capacity, 0..1, four decimals), bookings and revenue, and
 * the seats and revenue of each category of its layout, in the layout's order.
 */
public record EventStatistics(
        EventId eventId,
        String title,
        int capacity,
        int booked,
        double occupancy,
        int bookings,
        long revenueCents,
        List<CategoryRevenue> categories) {

    public EventStatistics {
        categories = List.copyOf(categories);
    }

    public int available() {
        return capacity - booked;
    }
}
