package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a booking's mail saga ({@link BookingMailSaga}) asks of the mail group: whether its booking is history from
 * before mail, when its mails fall due, and the outbox. The saga's handlers get it as a parameter, so that the saga's
 * state stays what it must remember.
 */
interface BookingMailbox {

    /** Whether a message stored at this moment was stored before mail was installed: such history gets no mail. */
    boolean storedBeforeMail(Instant storedAt);

    /** When the review prompt of a booking made at {@code bookedAt} is due. */
    Instant promptDue(Instant bookedAt);

    /** When the review reminder of a booking of an event starting at {@code startsAt} is due: once it is over. */
    Instant reminderDue(Instant startsAt);

    /**
     * When the booking's reminder is due by its event's start as the mail group knows it now, or nothing while it does
     * not know the booking.
     */
    Optional<Instant> reminderDue(BookingId bookingId);

    /**
     * Puts the mail of this kind about the booking into the outbox, due at {@code due} (once only: a mail put again is
     * the same mail), and answers what it tells; nothing, and no mail, while the mail group does not know the booking,
     * its account, event or venue.
     */
    Optional<BookingFacts> post(MailKind kind, BookingId bookingId, Instant due);
}
