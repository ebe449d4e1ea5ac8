package io.seatwise.web.mail;

/** Where a mail in the outbox stands. */
enum MailStatus {
    /** Waiting until it is due, or for the next attempt after a failure. */
    PENDING,
    /** Accepted by the SMTP server, or kept for /admin/mail when there is none. */
    SENT,
    /** Given up after the maximum number of attempts; an admin can resend it. */
    FAILED,
    /** Not wanted any more when it fell due: the booking was cancelled or the event already reviewed. */
    SKIPPED
}
