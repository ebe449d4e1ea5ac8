package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;
import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/** A booking and when it was made, as the event's mail saga finds them in the {@link MailDirectory}. */
record BookingMade(BookingId bookingId, Instant bookedAt) {

    static final RowMapper<BookingMade> ROW =
            (row, index) -> new BookingMade(BookingId.of(row.getString(1)), Instant.ofEpochMilli(row.getLong(2)));
}
