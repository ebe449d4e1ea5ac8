package io.seatwise.api.waitlist;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;

/**
 * A waitlist entry as its owner sees it. {@code position} counts from 1 among the event's waiting entries and is null
 * when the entry is not waiting; {@code offeredSeats} and {@code expiresAt} are set while seats are offered to it, and
 * {@code bookingId} once it has booked them (or, while offered, the booking accepting makes).
 */
public record WaitlistEntryView(
        WaitlistEntryId entryId,
        EventId eventId,
        int count,
        String category,
        Integer position,
        WaitlistStatus status,
        List<Integer> offeredSeats,
        Instant expiresAt,
        BookingId bookingId,
        Instant joinedAt) {}
