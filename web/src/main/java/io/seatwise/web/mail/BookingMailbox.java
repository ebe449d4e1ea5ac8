package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the mail sagas ({@link EventMailSaga}, and {@link BookingMailSaga} of the bookings made before it) ask of the
 * mail group: whether its booking is history from
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

    /** The time now, by the mail group's clock. */
    Instant now();

    /**
     * The end of the time slot in which a prompt due at {@code promptDue} falls, when the deadline goes off that sends
     * the slot's prompts together: a slot is a hundredth of the prompt's delay, at least a second and at most a minute,
     * so that a booking storm sets a deadline per slot, not per booking, and no prompt is late by more than a minute.
     */
    Instant promptSlot(Instant promptDue);

    /** Whether the booking's mails are its event's saga's ({@link EventMailSaga}). */
    boolean timedByEventSaga(BookingId bookingId);

    /**
     * Puts the review prompts due in the slot ending at {@code slot} into the outbox, each due at its time, for up to
     * {@code limit} of the event's standing bookings timed by its saga that have none yet; answers how many it put.
     */
    int postPrompts(String eventId, Instant slot, int limit);

    /**
     * Puts review reminders due at {@code due} into the outbox for up to {@code limit} of the event's standing bookings
     * timed by its saga that have none yet; answers how many it put.
     */
    int postReminders(String eventId, Instant due, int limit);

    /** When the event's reminders are due by its start as the mail group knows it now, or nothing while it does not. */
    Optional<Instant> eventReminderDue(String eventId);
}
