package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Seats of one event now belong to one booking. The seats are distinct and in ascending order. */
@Revision("1")
public record SeatsBooked(
        EventId eventId, BookingId bookingId, AccountId accountId, List<Integer> seats, Instant bookedAt) {}
