package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;

public record BookingView(
        BookingId bookingId,
        EventId eventId,
        String eventTitle,
        Instant eventStartsAt,
        List<Integer> seats,
        Instant bookedAt,
        BookingStatus status) {}
