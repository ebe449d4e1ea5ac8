package io.seatwise.web.mail;

import io.seatwise.command.account.AccountEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An account's own mails: a link to verify its address, a link to reset its password. Unlike the booking's mails,
 * which the mail group writes from events, these carry a token that no event holds, so they are written here, in the
 * account's language, when the link is made, and put in the outbox due at once; the {@link Postman} delivers them as
 * any other mail. Each link is a mail of its own.
 */
@Component
public class AccountMails {

    private final Outbox outbox;
    private final MailWriter writer;
    private final Clock clock;

    AccountMails(Outbox outbox, MailWriter writer, Clock clock) {
        this.outbox = outbox;
        this.writer = writer;
        this.clock = clock;
    }

    /** Mails the link {@code /verify-email?token=…}. */
    public void emailVerification(AccountEntry account, String token) {
        send(MailKind.EMAIL_VERIFICATION, account, "/verify-email?token=" + encoded(token));
    }

    /** Mails the link {@code /password-reset?token=…}, which opens the form for a new password. */
    public void passwordReset(AccountEntry account, String token) {
        send(MailKind.PASSWORD_RESET, account, "/password-reset?token=" + encoded(token));
    }

    private void send(MailKind kind, AccountEntry account, String path) {
        var locale = account.language().locale();
        outbox.addWritten(
                kind.slug + ":" + UUID.randomUUID(),
                kind,
                account.accountId().value(),
                account.email(),
                writer.subject(kind, locale),
                writer.write(kind, account.displayName(), locale, writer.link(path)),
                clock.instant());
    }

    private static String encoded(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
