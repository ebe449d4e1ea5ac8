package io.seatwise.query.catalog;

import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.VenueId;
import io.seatwise.query.InstantAsEpochMillis;
import io.seatwise.query.StoredJson;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

@Entity
@Table(name = "event_summaries")
class EventSummaryEntity {

    @Id
    private String id;

    private String venueId;
    private String title;
    private String description;

    @Convert(converter = InstantAsEpochMillis.class)
    private Instant startsAt;

    /** The lowest price, which lists sort and filter by. */
    private long priceCents;

    /** JSON, code to cents; null in rows written before migration V8 (see {@link StoredJson}). */
    private String prices;

    /** Null in rows written before migration V8, which allowed single seats. */
    @Enumerated(EnumType.STRING)
    private SingleSeatRule singleSeatRule;

    private int capacity;
    private int booked;

    /** Why an admin cancelled the event; null while it is not cancelled (migration V10). */
    private String cancelReason;

    /** Seats one account may hold at once, 0 for no limit (migration V14; events scheduled before have none). */
    private int maxSeatsPerAccount;

    /** The seat map's last event applied here; an event at or below it was already counted. */
    private long lastSequence;

    protected EventSummaryEntity() {}

    EventSummaryEntity(EventScheduled event, long sequence) {
        id = event.eventId().value();
        venueId = event.venueId().value();
        title = event.title();
        description = event.description();
        startsAt = event.startsAt();
        priceCents = event.lowestPriceCents();
        prices = StoredJson.prices(event.prices());
        singleSeatRule = event.singleSeatRule();
        capacity = event.layout().capacity();
        maxSeatsPerAccount = event.maxSeatsPerAccount();
        lastSequence = sequence;
    }

    /** Applies a change to the booked count once, however often the seat map's event is delivered. */
    void changeBooked(int delta, long sequence) {
        if (sequence > lastSequence) {
            booked += delta;
            lastSequence = sequence;
        }
    }

    /** A new title, description or prices (each null when unchanged), with the new "from" price. */
    void edit(String newTitle, String newDescription, Map<String, Long> newPrices, Long fromCents) {
        if (newTitle != null) {
            title = newTitle;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        if (newPrices != null) {
            prices = StoredJson.prices(newPrices);
            priceCents = fromCents;
        }
    }

    void limit(int newMaxSeatsPerAccount) {
        maxSeatsPerAccount = newMaxSeatsPerAccount;
    }

    void reschedule(Instant newStartsAt) {
        startsAt = newStartsAt;
    }

    void cancel(String reason) {
        cancelReason = reason;
    }

    String venueId() {
        return venueId;
    }

    EventView toView(VenueEntity venue) {
        return new EventView(
                EventId.of(id),
                title,
                description,
                VenueId.of(venueId),
                venue == null ? "" : venue.name(),
                venue == null ? "" : venue.city(),
                startsAt,
                priceCents,
                StoredJson.prices(prices, priceCents),
                singleSeatRule == null ? SingleSeatRule.ALLOW : singleSeatRule,
                capacity,
                booked,
                cancelReason,
                maxSeatsPerAccount);
    }
}
