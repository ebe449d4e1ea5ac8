package io.seatwise.web.mail;

import java.time.Instant;
import java.util.Optional;

/** A mail in the outbox, as the sender and the admin page see it. Its bodies are there once it has been sent. */
record Mail(
        String key,
        MailKind kind,
        String bookingId,
        String recipient,
        String subject,
        String html,
        String text,
        MailStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    /** The mail as it was sent, if it has been. */
    Optional<MailWriter.Written> written() {
        return html == null || text == null ? Optional.empty() : Optional.of(new MailWriter.Written(html, text));
    }

    /**
     * Whether an admin may send it again: once it has gone out, or once it was given up; an account's link once it
     * has gone out is not (see {@link MailKind#carriesSecretLink()}). Public for templates.
     */
    public boolean resendable() {
        return status == MailStatus.FAILED || (status == MailStatus.SENT && !kind.carriesSecretLink());
    }
}
