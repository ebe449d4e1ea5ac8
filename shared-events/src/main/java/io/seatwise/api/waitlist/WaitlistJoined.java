package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Someone waits for {@code count} seats side by side of the event (of {@code category}, if not null). Entries are
 * served in the order of their events in the seat map's stream. {@code offerTtl} is how long seats offered to this
 * entry are held (the setting in force when it joined); {@code eventStartsAt} is when the waitlist closes, unless the
 * event is rescheduled.
 */
@Revision("1")
public record WaitlistJoined(
        EventId eventId,
        WaitlistEntryId entryId,
        AccountId accountId,
        int count,
        String category,
        Duration offerTtl,
        Instant eventStartsAt,
        Instant joinedAt) {}
