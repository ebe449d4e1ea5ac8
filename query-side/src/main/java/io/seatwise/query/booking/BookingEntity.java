package io.seatwise.query.booking;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.BookingView;
import io.seatwise.api.event.EventId;
import io.seatwise.query.InstantAsEpochMillis;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A booking as "my bookings" shows it; {@link MyBookingsProjection} writes the rows with plain SQL. */
@Entity
@Table(name = "bookings")
class BookingEntity {

    @Id
    private String bookingId;

    private String eventId;
    private String accountId;

    /** Seat numbers, comma separated: at most a handful per booking, always read together. */
    private String seats;

    private int seatCount;

    @Convert(converter = InstantAsEpochMillis.class)
    private Instant bookedAt;

    @Enumerated(EnumType.STRING)
    private BookingStatus status;

    protected BookingEntity() {}

    String eventId() {
        return eventId;
    }

    BookingView toView(BookedEventEntity event) {
        List<Integer> seatNumbers =
                Arrays.stream(seats.split(",")).map(Integer::valueOf).toList();
        return new BookingView(
                BookingId.of(bookingId),
                EventId.of(eventId),
                event == null ? "" : event.title(),
                event == null ? null : event.startsAt(),
                seatNumbers,
                bookedAt,
                status,
                event == null ? null : event.rescheduledAt(),
                event == null ? null : event.cancelReason());
    }
}
