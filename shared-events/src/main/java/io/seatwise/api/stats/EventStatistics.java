package io.seatwise.api.stats;

import io.seatwise.api.event.EventId;

/** One event's figures: booked seats, occupancy (booked / capacity, 0..1, four decimals), bookings and revenue. */
public record EventStatistics(
        EventId eventId, String title, int capacity, int booked, double occupancy, int bookings, long revenueCents) {

    public int available() {
        return capacity - booked;
    }
}
