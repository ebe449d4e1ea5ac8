package io.seatwise.query.booking;

import io.seatwise.query.InstantAsEpochMillis;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The little that "my bookings" shows of an event, kept in its own group so that it never waits for another. */
@Entity
@Table(name = "booked_events")
class BookedEventEntity {

    @Id
    private String eventId;

    private String title;

    @Convert(converter = InstantAsEpochMillis.class)
    private Instant startsAt;

    /** When the event was last rescheduled; null if never (migration V10). */
    @Convert(converter = InstantAsEpochMillis.class)
    private Instant rescheduledAt;

    /** Why the event was cancelled; null while it is not. */
    private String cancelReason;

    protected BookedEventEntity() {}

    Instant rescheduledAt() {
        return rescheduledAt;
    }

    String cancelReason() {
        return cancelReason;
    }

    String eventId() {
        return eventId;
    }

    String title() {
        return title;
    }

    Instant startsAt() {
        return startsAt;
    }
}
