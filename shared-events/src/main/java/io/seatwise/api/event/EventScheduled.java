package io.seatwise.api.event;

import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The first event of a seat map; it copies the venue's layout so that the seat map never needs the venue again, and a
 * later change of the venue's layout leaves this event's seats as they are. {@code prices} has one price in cents per
 * category code of the layout.
 *
 * {@code maxSeatsPerAccount} is how many seats one account may hold for the event at once, 0 for no limit.
 *
 * <p>Revision 1 had {@code rows}, {@code seatsPerRow} and one {@code priceCents}; the application's upcaster turns it
 * into revision 2 with that plain grid, its one category priced so, and single seats allowed. Revision 2 had no
 * {@code maxSeatsPerAccount}: such events were sold without a limit, and are read as revision 3 with 0 (none).
 */
@Revision("3")
public record EventScheduled(
        EventId eventId,
        VenueId venueId,
        String title,
        String description,
        Instant startsAt,
        Map<String, Long> prices,
        SeatLayout layout,
        SingleSeatRule singleSeatRule,
        int maxSeatsPerAccount) {

    public EventScheduled {
        prices = Map.copyOf(prices);
        singleSeatRule = singleSeatRule == null ? SingleSeatRule.ALLOW : singleSeatRule;
    }

    /** An event without a limit per account. */
    public EventScheduled(
            EventId eventId,
            VenueId venueId,
            String title,
            String description,
            Instant startsAt,
            Map<String, Long> prices,
            SeatLayout layout,
            SingleSeatRule singleSeatRule) {
        this(eventId, venueId, title, description, startsAt, prices, layout, singleSeatRule, 0);
    }

    public long priceOf(int seat) {
        return prices.get(layout.categoryOf(seat));
    }

    /** The price that lists show as "from" ({@link Prices#fromCents}). */
    public long lowestPriceCents() {
        return Prices.fromCents(layout, prices);
    }
}
