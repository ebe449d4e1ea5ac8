package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An offer was not accepted in time: the entry has ended and its held seats are released, to the next entry or on sale. */
@Revision("1")
public record OfferExpired(
        EventId eventId,
        WaitlistEntryId entryId,
        AccountId accountId,
        List<Integer> releasedSeats,
        Instant expiredAt) {}
