package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;

/** The mails Seatwise sends; each booking gets at most one of each kind. */
enum MailKind {
    BOOKING_CONFIRMATION("booking-confirmation"),
    REVIEW_PROMPT("review-prompt"),
    REVIEW_REMINDER("review-reminder"),
    CANCELLATION("cancellation");

    /** Names the templates ({@code mail/<slug>.html}, {@code .txt}), the texts ({@code mail.<slug>.…}) and the key. */
    final String slug;

    MailKind(String slug) {
        this.slug = slug;
    }

    /** The idempotency key: the same booking and kind always give the same mail, however often its event arrives. */
    String keyFor(BookingId bookingId) {
        return slug + ":" + bookingId.value();
    }

    /** Prompts and reminders wait until they are due, and are not wanted once the booking is cancelled. */
    boolean scheduled() {
        return this == REVIEW_PROMPT || this == REVIEW_REMINDER;
    }
}
