package io.seatwise.api.event;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An admin changed an event's title, description or prices; each is null when it stayed as it was. New prices
 * ({@code prices}, one per category code of the layout, in cents) apply to bookings made from now on: a booking keeps
 * what it cost when it was made. {@code fromCents} is the price lists show as "from" with the new prices
 * ({@link Prices#fromCents}), null when the prices stay. {@code maxSeatsPerAccount} is the event's new limit of seats
 * per account (0: none), null when it stays; it applies to bookings made from now on.
 *
 * <p>Revision 1 had no {@code maxSeatsPerAccount}: it is read as revision 2 with null (the limit stayed).
 */
@Revision("2")
public record EventEdited(
        EventId eventId,
        String title,
        String description,
        Map<String, Long> prices,
        Long fromCents,
        Instant editedAt,
        Integer maxSeatsPerAccount) {

    public EventEdited {
        prices = prices == null ? null : Map.copyOf(prices);
    }

    /** An edit that leaves the limit per account as it is. */
    public EventEdited(
            EventId eventId,
            String title,
            String description,
            Map<String, Long> prices,
            Long fromCents,
            Instant editedAt) {
        this(eventId, title, description, prices, fromCents, editedAt, null);
    }
}
