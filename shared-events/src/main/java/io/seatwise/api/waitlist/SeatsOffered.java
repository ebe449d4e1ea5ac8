package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Released seats are held for a waiting entry until {@code expiresAt}: nobody else can book them. Accepting books them
 * as booking {@code bookingId}. The seats are side by side in one row, ascending.
 */
@Revision("1")
public record SeatsOffered(
        EventId eventId,
        WaitlistEntryId entryId,
        AccountId accountId,
        BookingId bookingId,
        List<Integer> seats,
        Instant offeredAt,
        Instant expiresAt) {}
