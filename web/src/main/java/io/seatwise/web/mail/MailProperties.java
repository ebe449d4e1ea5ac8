package io.seatwise.web.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seatwise writes and delivers mail (SEATWISE_MAIL_…). The SMTP server itself is Spring's {@code spring.mail.*}
 * (SPRING_MAIL_HOST, SPRING_MAIL_PORT, …); without a host, mail is kept for admins at /admin/mail.
 *
 * @param from the sender address, optionally with a name: {@code Seatwise <tickets@example.com>}
 * @param reviewPromptDelay how long after a booking the review prompt goes out
 * @param eventDuration how long after its start an event counts as over, when the review reminder goes out
 * @param pollInterval how often the outbox is checked for mail that is due
 * @param firstRetryDelay the wait after a first failed delivery; it doubles with each further failure
 * @param maxRetryDelay the longest wait between two attempts
 * @param maxAttempts failed attempts after which a mail is given up as failed (an admin can resend it)
 * @param claim how long a mail taken for delivery is left to its sender before it is due again: far longer than one
 *     round of deliveries may take (the SMTP timeouts in application.yml bound one mail to about half a minute), and
 *     the longest that a mail which was being sent when the process died waits after the restart
 */
@ConfigurationProperties("seatwise.mail")
record MailProperties(
        @DefaultValue("Seatwise <seatwise@localhost>") String from,
        @DefaultValue("1h") Duration reviewPromptDelay,
        @DefaultValue("3h") Duration eventDuration,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2s") Duration firstRetryDelay,
        @DefaultValue("5m") Duration maxRetryDelay,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("2m") Duration claim) {

    MailProperties {
        fromAddress(from);
        if (claim.isNegative() || claim.isZero()) {
            throw new IllegalArgumentException("seatwise.mail.claim must be positive: " + claim);
        }
    }

    /** The sender as an address; a malformed one stops the application at start, not every mail later. */
    InternetAddress fromAddress() {
        return fromAddress(from);
    }

    private static InternetAddress fromAddress(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("seatwise.mail.from is not a mail address: " + from, e);
        }
    }

    /** The wait before the attempt that follows {@code failures} failed ones. */
    Duration retryDelay(int failures) {
        var delay = firstRetryDelay;
        for (int i = 1; i < failures && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) < 0 ? delay : maxRetryDelay;
    }
}
