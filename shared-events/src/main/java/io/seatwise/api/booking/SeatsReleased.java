package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A booking was cancelled: its seats, in ascending order, are available again. */
@Revision("1")
public record SeatsReleased(
        EventId eventId, BookingId bookingId, AccountId accountId, List<Integer> seats, Instant releasedAt) {}
