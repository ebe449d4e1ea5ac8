package io.seatwise.api.event;

import io.seatwise.api.venue.VenueId;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * An event as lists and its page show it; {@code prices} has the price in cents of each category code, {@code
 * priceCents} is the price lists show as "from" ({@link Prices#fromCents}), every seat's when the event has one price. {@code cancelReason} is null unless the event was cancelled. {@code maxSeatsPerAccount} is how many seats one
 * account may hold for the event at once, 0 for no limit. Serializable, since a page's notice after a change carries
 * one through the browser's session, which several nodes keep in their database.
 */
public record EventView(
        EventId id,
        String title,
        String description,
        VenueId venueId,
        String venueName,
        String venueCity,
        Instant startsAt,
        long priceCents,
        Map<String, Long> prices,
        SingleSeatRule singleSeatRule,
        int capacity,
        int booked,
        String cancelReason,
        int maxSeatsPerAccount)
        implements Serializable {

    /** An event without a limit per account. */
    public EventView(
            EventId id,
            String title,
            String description,
            VenueId venueId,
            String venueName,
            String venueCity,
            Instant startsAt,
            long priceCents,
            Map<String, Long> prices,
            SingleSeatRule singleSeatRule,
            int capacity,
            int booked,
            String cancelReason) {
        this(
                id,
                title,
                description,
                venueId,
                venueName,
                venueCity,
                startsAt,
                priceCents,
                prices,
                singleSeatRule,
                capacity,
                booked,
                cancelReason,
                0);
    }

    /** An event that is not cancelled, without a limit per account. */
    public EventView(
            EventId id,
            String title,
            String description,
            VenueId venueId,
            String venueName,
            String venueCity,
            Instant startsAt,
            long priceCents,
            Map<String, Long> prices,
            SingleSeatRule singleSeatRule,
            int capacity,
            int booked) {
        this(
                id,
                title,
                description,
                venueId,
                venueName,
                venueCity,
                startsAt,
                priceCents,
                prices,
                singleSeatRule,
                capacity,
                booked,
                null,
                0);
    }

    /** Whether an admin called the event off ({@code cancelReason} says why). */
    public boolean cancelled() {
        return cancelReason != null;
    }

    /** {@code scheduled}, {@code cancelled}, or {@code over} once it has started (SPEC §1). */
    public String status(Instant now) {
        return cancelled() ? "cancelled" : startsAt.isAfter(now) ? "scheduled" : "over";
    }

    /** Whether seats differ in price. */
    public boolean pricedByCategory() {
        return prices.values().stream().distinct().count() > 1;
    }

    /** Whether one account may hold only so many seats of the event. */
    public boolean limitedPerAccount() {
        return maxSeatsPerAccount > 0;
    }

    public int available() {
        return capacity - booked;
    }

    public boolean soldOut() {
        return booked >= capacity;
    }
}
