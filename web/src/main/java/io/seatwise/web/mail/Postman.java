package io.seatwise.web.mail;

import io.seatwise.web.SeatwiseProperties;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's due mail, a few at a time, every {@code seatwise.mail.poll-interval}, and round after round
 * while a backlog lasts. Spring runs the delivery as one fixed-delay task, so only one runs per process at any time;
 * several processes on one database (PostgreSQL) do not get in each other's way, because each mail is claimed before
 * it is sent.
 *
 * <p>Each mail is sent outside any transaction, then marked sent at once. Only a crash between the SMTP server's
 * acceptance and that mark sends a mail twice: the claim expires and the mail goes out again, with the same
 * Message-ID, after a restart.
 *
 * <p>Without {@code spring.mail.host} there is no SMTP server: "sending" then means keeping the mail for the admins'
 * catcher at /admin/mail, so it is marked sent straight away, together with the rest of its round.
 */
@Component
class Postman {

    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    /** Mails claimed per round: a round of ten stays well inside the claim ({@code seatwise.mail.claim}). */
    static final int BATCH = 10;

    /**
     * How long one call of {@link #deliverDue()} goes on with further rounds while each finds a full batch: a backlog
     * (after a storm of bookings, or a restart) then drains at the speed of the SMTP server instead of ten mails per
     * poll interval, and a shutdown, which waits for the call to end, waits no more than this and one round.
     */
    static final Duration BACKLOG_BUDGET = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final MailDirectory directory;
    private final MailWriter writer;
    private final ConfirmationAttachments attachments;
    private final Optional<JavaMailSender> smtp;
    private final MailProperties properties;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;

    Postman(
            Outbox outbox,
            MailDirectory directory,
            MailWriter writer,
            ConfirmationAttachments attachments,
            ObjectProvider<JavaMailSender> smtp,
            MailProperties properties,
            SeatwiseProperties seatwise,
            Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.writer = writer;
        this.attachments = attachments;
        this.smtp = Optional.ofNullable(smtp.getIfAvailable());
        this.properties = properties;
        this.from = properties.fromAddress();
        this.messageIdDomain =
                Optional.ofNullable(seatwise.publicUrl().getHost()).orElse("seatwise");
        this.clock = clock;
    }

    /** Where mail goes: the SMTP server as host:port, or nothing when mail is only kept for /admin/mail. */
    Optional<String> smtpServer() {
        return smtp.map(sender -> sender instanceof JavaMailSenderImpl impl
                ? impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25)
                : "SMTP");
    }

    /** Delivers what is due: one round, and more at once while each round sent a full batch and the budget lasts. */
    void deliverDue() {
        long until = System.nanoTime() + BACKLOG_BUDGET.toNanos();
        while (deliverRound() && System.nanoTime() < until) {
            // a full batch went out: more mail is probably due
        }
    }

    /**
     * One round: writes and sends the mails that are due, and stops at the first failure, so that an outage costs one
     * try per round. A mail is written when it is first sent (a mail sent again goes out as it was the first time).
     * Answers whether a full batch went out.
     */
    private boolean deliverRound() {
        List<Mail> claimed = outbox.claimDue(clock.instant(), BATCH, properties.claim(), this::stillWanted);
        // Kept for the admins, a round's mails are marked together: nothing has left the process that a crash
        // before the mark could send twice, and on SQLite each transaction is a turn at the one writer.
        var kept = new ArrayList<Outbox.Sent>();
        try {
            for (int i = 0; i < claimed.size(); i++) {
                var mail = claimed.get(i);
                MailWriter.Written written;
                try {
                    written = mail.written().orElseGet(() -> write(mail));
                    if (smtp.isPresent()) {
                        smtp.get().send(message(smtp.get(), mail, written, attachmentsOf(mail)));
                    }
                } catch (MessagingException | RuntimeException failure) {
                    failed(mail, failure);
                    claimed.subList(i + 1, claimed.size()).forEach(rest -> outbox.release(rest.key(), clock.instant()));
                    return false;
                }
                var sent = new Outbox.Sent(
                        mail.key(),
                        smtp.isPresent() && mail.kind().carriesSecretLink() ? written.withoutTokens() : written,
                        clock.instant());
                if (smtp.isPresent()) {
                    outbox.sent(List.of(sent));
                } else {
                    kept.add(sent);
                }
            }
        } finally {
            outbox.sent(kept);
        }
        return claimed.size() == BATCH;
    }

    /** A mail that has not been sent yet, as it would be written now: for the admins' preview, and for sending. */
    MailWriter.Written write(Mail mail) {
        var facts = directory
                .facts(mail.bookingId())
                .orElseThrow(() -> new IllegalStateException("Booking " + mail.bookingId() + " is unknown"));
        if (mail.kind() == MailKind.WAITLIST_OFFER) {
            return writer.writeOffer(
                    facts, directory.offerHeldUntil(mail.bookingId()).orElseThrow());
        }
        return writer.write(mail.kind(), facts, directory.notice(mail.key()).orElse(null));
    }

    /** The tickets a confirmation carries, made now from the directory's facts, as the mail is; none for others. */
    private List<ConfirmationAttachments.Attachment> attachmentsOf(Mail mail) {
        if (mail.kind() != MailKind.BOOKING_CONFIRMATION) {
            return List.of();
        }
        var facts = directory
                .facts(mail.bookingId())
                .orElseThrow(() -> new IllegalStateException("Booking " + mail.bookingId() + " is unknown"));
        return attachments.of(mail.kind(), facts);
    }

    private boolean stillWanted(Mail mail) {
        return !mail.kind().checkedWhenDue() || directory.stillWanted(mail);
    }

    private void failed(Mail mail, Exception failure) {
        int failures = mail.attempts() + 1;
        var error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failures >= properties.maxAttempts()) {
            log.error(
                    "Giving up on mail {} to {} after {} attempts: {}", mail.key(), mail.recipient(), failures, error);
            outbox.giveUp(mail.key(), error);
        } else {
            var retryAt = clock.instant().plus(properties.retryDelay(failures));
            log.warn(
                    "Mail {} to {} failed (attempt {}), trying again at {}: {}",
                    mail.key(),
                    mail.recipient(),
                    failures,
                    retryAt,
                    error);
            outbox.retryLater(mail.key(), retryAt, error);
        }
    }

    /**
     * Plain text and HTML as alternatives, with a Message-ID made from the mail's key, the same on every attempt; with
     * attachments (a confirmation's tickets), the alternatives and the files together in a multipart/mixed.
     */
    private MimeMessage message(
            JavaMailSender sender,
            Mail mail,
            MailWriter.Written written,
            List<ConfirmationAttachments.Attachment> files)
            throws MessagingException {
        var message = sender.createMimeMessage();
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Message-ID", "<" + mail.key().replace(':', '.') + "@" + messageIdDomain + ">");
        var text = new MimeBodyPart();
        text.setText(written.text(), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(written.html(), StandardCharsets.UTF_8.name(), "html");
        var alternatives = new MimeMultipart("alternative", text, html);
        if (files.isEmpty()) {
            message.setContent(alternatives);
            return message;
        }
        var body = new MimeBodyPart();
        body.setContent(alternatives);
        var mixed = new MimeMultipart("mixed", body);
        for (var file : files) {
            var part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
            part.setFileName(file.fileName());
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        return message;
    }
}
