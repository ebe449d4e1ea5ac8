package io.seatwise.api.event;

import io.seatwise.api.venue.VenueId;
import java.time.Instant;

public record EventView(
        EventId id,
        String title,
        String description,
        VenueId venueId,
        String venueName,
        String venueCity,
        Instant startsAt,
        long priceCents,
        int capacity,
        int booked) {

    public int available() {
        return capacity - booked;
    }

    public boolean soldOut() {
        return booked >= capacity;
    }
}
