package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;
import java.time.Instant;

/** A mail to go into the outbox, to be written and sent once {@code due} has passed. */
record Letter(MailKind kind, BookingId bookingId, String recipient, String subject, Instant due) {

    String key() {
        return kind.keyFor(bookingId);
    }
}
