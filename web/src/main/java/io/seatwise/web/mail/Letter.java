package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;
import java.time.Instant;

/** A mail to go into the outbox, to be written and sent once {@code due} has passed. */
record Letter(MailKind kind, BookingId bookingId, String recipient, String subject, Instant due, String occasion) {

    Letter(MailKind kind, BookingId bookingId, String recipient, String subject, Instant due) {
        this(kind, bookingId, recipient, subject, due, null);
    }

    /** Kind and booking, and the occasion when a booking may get a kind more than once (each reschedule). */
    String key() {
        return occasion == null ? kind.keyFor(bookingId) : kind.keyFor(bookingId) + ":" + occasion;
    }
}
