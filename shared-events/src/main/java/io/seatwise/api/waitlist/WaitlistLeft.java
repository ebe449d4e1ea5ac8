package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The entry left the waitlist; {@code releasedSeats} were held for it (empty when it had no offer). */
@Revision("1")
public record WaitlistLeft(
        EventId eventId, WaitlistEntryId entryId, AccountId accountId, List<Integer> releasedSeats, Instant leftAt) {}
