package io.seatwise.api.stats;

import io.seatwise.api.venue.VenueId;

/** A venue's figures summed over its events; occupancy is booked / capacity, 0..1, four decimals. */
public record VenueStatistics(
        VenueId venueId,
        String name,
        String city,
        int events,
        long capacity,
        long booked,
        double occupancy,
        long bookings,
        long revenueCents) {}
