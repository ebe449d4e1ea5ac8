package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;

/**
 * One of an account's bookings. {@code eventRescheduledAt} is when its event was last moved, {@code eventCancelReason}
 * why it was called off; each null when it was not.
 */
public record BookingView(
        BookingId bookingId,
        EventId eventId,
        String eventTitle,
        Instant eventStartsAt,
        List<Integer> seats,
        Instant bookedAt,
        BookingStatus status,
        Instant eventRescheduledAt,
        String eventCancelReason) {

    /** A booking of an event that was neither rescheduled nor cancelled. */
    public BookingView(
            BookingId bookingId,
            EventId eventId,
            String eventTitle,
            Instant eventStartsAt,
            List<Integer> seats,
            Instant bookedAt,
            BookingStatus status) {
        this(bookingId, eventId, eventTitle, eventStartsAt, seats, bookedAt, status, null, null);
    }

    /** Whether the booking was released because its event was cancelled. */
    public boolean cancelledWithEvent() {
        return status == BookingStatus.CANCELLED && eventCancelReason != null;
    }

    /** Whether the event moved after this booking was made: it may then be cancelled until the (new) start. */
    public boolean madeBeforeReschedule() {
        return eventRescheduledAt != null && !bookedAt.isAfter(eventRescheduledAt);
    }
}
