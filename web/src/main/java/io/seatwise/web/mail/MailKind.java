package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;

/**
 * The mails Seatwise sends; each booking gets at most one of each kind, except that a booking gets one
 * {@link #EVENT_RESCHEDULED} for each reschedule. The event's mails go to each booker once: to the booker's first
 * standing booking of the event (the smallest id), so a booker with two bookings gets one mail. An account's own mails
 * (a link to verify its address or reset its password) are about the account, one for each link.
 */
enum MailKind {
    BOOKING_CONFIRMATION("booking-confirmation"),
    REVIEW_PROMPT("review-prompt"),
    REVIEW_REMINDER("review-reminder"),
    CANCELLATION("cancellation"),
    /** To each booker of a rescheduled event, once per reschedule (the key names the reschedule's sequence). */
    EVENT_RESCHEDULED("event-rescheduled"),
    /** To each booker of a cancelled event, once, instead of a {@link #CANCELLATION} for each released booking. */
    EVENT_CANCELLED("event-cancelled"),
    /**
     * Seats held for a waitlist entry, about the booking that accepting makes (its id is the offer's), once; not sent
     * once the offer has ended.
     */
    WAITLIST_OFFER("waitlist-offer"),
    /** A link that verifies the account's address; written when it is put in the outbox, as the link is known then. */
    EMAIL_VERIFICATION("email-verification"),
    /** A link that resets the account's password, valid for an hour. */
    PASSWORD_RESET("password-reset");

    /** Names the templates ({@code mail/<slug>.html}, {@code .txt}), the texts ({@code mail.<slug>.…}) and the key. */
    final String slug;

    MailKind(String slug) {
        this.slug = slug;
    }

    /** The idempotency key: the same booking and kind always give the same mail, however often its event arrives. */
    String keyFor(BookingId bookingId) {
        return keyPrefix() + bookingId.value();
    }

    /** What the keys of this kind's mails about bookings begin with, before the booking's id. */
    String keyPrefix() {
        return slug + ":";
    }

    /**
     * An account's mail carries a link that acts for its holder: once it went out over SMTP, the outbox keeps it
     * without the link's token, and it is not sent again (the holder asks for a new link instead).
     */
    boolean carriesSecretLink() {
        return this == EMAIL_VERIFICATION || this == PASSWORD_RESET;
    }

    /** Prompts and reminders wait until they are due, and are not wanted once the booking is cancelled. */
    boolean scheduled() {
        return this == REVIEW_PROMPT || this == REVIEW_REMINDER;
    }

    /** Whether a mail of this kind is checked when it falls due: prompts, reminders and offers. */
    boolean checkedWhenDue() {
        return scheduled() || this == WAITLIST_OFFER;
    }
}
