package io.seatwise.api.event;

import io.seatwise.api.venue.VenueId;
import java.time.Instant;
import java.util.Map;

/** An event as lists and its page show it; {@code prices} has the price in cents of each category code. */
public record EventView(
        EventId id,
        String title,
        String description,
        VenueId venueId,
        String venueName,
        String venueCity,
        Instant startsAt,
        Map<String, Long> prices,
        SingleSeatRule singleSeatRule,
        int capacity,
        int booked) {

    /** The lowest price of a seat: the price of every seat when the event has one price. */
    public long priceCents() {
        return prices.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** Whether seats differ in price. */
    public boolean pricedByCategory() {
        return prices.values().stream().distinct().count() > 1;
    }

    public int available() {
        return capacity - booked;
    }

    public boolean soldOut() {
        return booked >= capacity;
    }
}
