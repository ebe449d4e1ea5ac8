package io.seatwise.api.event;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An admin changed an event's title, description or prices; each is null when it stayed as it was. New prices
 * ({@code prices}, one per category code of the layout, in cents) apply to bookings made from now on: a booking keeps
 * what it cost when it was made.
 */
@Revision("1")
public record EventEdited(
        EventId eventId, String title, String description, Map<String, Long> prices, Instant editedAt) {

    public EventEdited {
        prices = prices == null ? null : Map.copyOf(prices);
    }
}
