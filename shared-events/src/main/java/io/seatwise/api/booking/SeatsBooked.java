package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * Seats of one event now belong to one booking. The seats are distinct and in ascending order. {@code centsByCategory}
 * is what the booking cost when it was made, per category code of its seats.
 *
 * <p>Revision 1 had no prices: it was written while an event had one price that could not change, so its seats cost
 * the event's price each. Its upcast form has {@code centsByCategory} null, and readers price it by the event.
 */
@Revision("2")
public record SeatsBooked(
        EventId eventId,
        BookingId bookingId,
        AccountId accountId,
        List<Integer> seats,
        Instant bookedAt,
        Map<String, Long> centsByCategory) {

    /** Whether the booking carries its prices (every booking since revision 2). */
    public boolean priced() {
        return centsByCategory != null;
    }

    /** What the booking cost, or {@code seats × pricePerSeat} for a booking of revision 1. */
    public long totalCents(long pricePerSeatOfRevisionOne) {
        return priced()
                ? centsByCategory.values().stream().mapToLong(Long::longValue).sum()
                : seats.size() * pricePerSeatOfRevisionOne;
    }
}
