package io.seatwise.api.event;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An admin changed an event's title, description or prices; each is null when it stayed as it was. New prices
 * ({@code prices}, one per category code of the layout, in cents) apply to bookings made from now on: a booking keeps
 * what it cost when it was made. {@code fromCents} is the price lists show as "from" with the new prices
 * ({@link Prices#fromCents}), null when the prices stay.
 */
@Revision("1")
public record EventEdited(
        EventId eventId, String title, String description, Map<String, Long> prices, Long fromCents, Instant editedAt) {

    public EventEdited {
        prices = prices == null ? null : Map.copyOf(prices);
    }
}
