package io.seatwise.api.event;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes an event that is still to come and not cancelled; every part is optional (null: unchanged), but one must be
 * given. New prices ({@code priceCents} for every seat, or {@code prices} per category, as when scheduling) apply to
 * bookings made afterwards; a new {@code startsAt} reschedules the event (it must be in the future); a new {@code
 * maxSeatsPerAccount} (0: none) limits the bookings made afterwards. The seat map answers with what it applied,
 * {@link EventChanges}.
 */
public record EditEvent(
        @TargetAggregateIdentifier EventId eventId,
        String title,
        String description,
        Instant startsAt,
        Long priceCents,
        Map<String, Long> prices,
        Integer maxSeatsPerAccount) {

    /** A change that leaves the limit per account as it is. */
    public EditEvent(
            EventId eventId,
            String title,
            String description,
            Instant startsAt,
            Long priceCents,
            Map<String, Long> prices) {
        this(eventId, title, description, startsAt, priceCents, prices, null);
    }

    /** Only a new start. */
    public static EditEvent reschedule(EventId eventId, Instant startsAt) {
        return new EditEvent(eventId, null, null, startsAt, null, null);
    }

    /** Whether the command changes nothing at all. */
    public boolean empty() {
        return title == null
                && description == null
                && startsAt == null
                && priceCents == null
                && prices == null
                && maxSeatsPerAccount == null;
    }
}
