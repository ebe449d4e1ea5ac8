package io.seatwise.api.event;

import io.seatwise.api.venue.VenueId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts an event on sale at a venue; the venue creates the event's seat map from its layout, with every seat
 * available. Priced by {@code priceCents} for every seat, or else by {@code prices}, one per category of the layout.
 * {@code singleSeatRule} may be null for {@link SingleSeatRule#ALLOW}; {@code maxSeatsPerAccount} (0: no limit) may be
 * null for the configured default.
 */
public record ScheduleEvent(
        EventId eventId,
        @TargetAggregateIdentifier VenueId venueId,
        String title,
        String description,
        Instant startsAt,
        Long priceCents,
        Map<String, Long> prices,
        SingleSeatRule singleSeatRule,
        Integer maxSeatsPerAccount) {

    /** An event with the configured default limit of seats per account. */
    public ScheduleEvent(
            EventId eventId,
            VenueId venueId,
            String title,
            String description,
            Instant startsAt,
            Long priceCents,
            Map<String, Long> prices,
            SingleSeatRule singleSeatRule) {
        this(eventId, venueId, title, description, startsAt, priceCents, prices, singleSeatRule, null);
    }

    /** An event with one price for every seat, which allows single seats. */
    public static ScheduleEvent priced(
            EventId eventId, VenueId venueId, String title, String description, Instant startsAt, long priceCents) {
        return new ScheduleEvent(eventId, venueId, title, description, startsAt, priceCents, null, null, null);
    }
}
