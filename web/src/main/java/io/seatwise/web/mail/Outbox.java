package io.seatwise.web.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The durable outbox: every mail is a row keyed by its kind and booking, written in the same transaction as the mail
 * group's position in the event stream. Writes here are short transactions of their own (or join the event
 * handler's); on SQLite each holds the read models' single write lock, so nothing slow, and no SMTP, happens inside
 * one.
 */
@Component
class Outbox {

    private static final int MAX_ERROR_LENGTH = 1000;
    private static final String COLUMNS =
            "mail_key, kind, booking_id, recipient, subject, html_body, text_body, status,"
                    + " attempts, next_attempt_at, last_error, created_at, sent_at";

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    /** @param transactions the read models' transactions, which the mail group's position is written in too */
    Outbox(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Adds a mail unless one with its key exists: a redelivered event, or one handled again, adds nothing. */
    void add(Letter letter, Instant now) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO mail_outbox (mail_key, kind, booking_id, recipient, subject, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)"
                        + " ON CONFLICT (mail_key) DO NOTHING",
                letter.key(),
                letter.kind().name(),
                letter.bookingId().value(),
                letter.recipient(),
                letter.subject(),
                MailStatus.PENDING.name(),
                MailTimes.millis(letter.due()),
                now.toEpochMilli()));
    }

    /**
     * Adds a mail that is written already, about an account rather than a booking (its id stands in the booking's
     * column): an account's link, whose token is known only now. Due at once.
     */
    void addWritten(
            String key,
            MailKind kind,
            String accountId,
            String recipient,
            String subject,
            MailWriter.Written written,
            Instant now) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO mail_outbox (mail_key, kind, booking_id, recipient, subject, html_body, text_body, status,"
                        + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                        + " ON CONFLICT (mail_key) DO NOTHING",
                key,
                kind.name(),
                accountId,
                recipient,
                subject,
                written.html(),
                written.text(),
                MailStatus.PENDING.name(),
                now.toEpochMilli(),
                now.toEpochMilli()));
    }

    /**
     * The mails to an account that are not written yet (bodies are written when a mail is first sent): after the
     * account changes its language, their subjects are written again in the new one, as their bodies will be.
     */
    List<Mail> unwrittenTo(String accountId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM mail_outbox WHERE html_body IS NULL AND status IN (?, ?) AND booking_id IN"
                        + " (SELECT booking_id FROM mail_bookings WHERE account_id = ?)",
                Outbox::mail,
                MailStatus.PENDING.name(),
                MailStatus.FAILED.name(),
                accountId);
    }

    /** A mail's new subject, as long as the mail is not written: a mail that went out keeps the subject it had. */
    void resubject(String key, String subject) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE mail_outbox SET subject = ? WHERE mail_key = ? AND html_body IS NULL", subject, key));
    }

    /** A cancelled booking wants no prompt or reminder any more. */
    void skipScheduled(String bookingId) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE mail_outbox SET status = ? WHERE booking_id = ? AND kind IN (?, ?) AND status = ?",
                MailStatus.SKIPPED.name(),
                bookingId,
                MailKind.REVIEW_PROMPT.name(),
                MailKind.REVIEW_REMINDER.name(),
                MailStatus.PENDING.name()));
    }

    /** A rescheduled event's reminders fall due after its new end. */
    void moveReminders(String eventId, Instant due) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE mail_outbox SET next_attempt_at = ? WHERE kind = ? AND status = ? AND booking_id IN"
                        + " (SELECT booking_id FROM mail_bookings WHERE event_id = ?)",
                MailTimes.millis(due),
                MailKind.REVIEW_REMINDER.name(),
                MailStatus.PENDING.name(),
                eventId));
    }

    /**
     * Claims up to {@code limit} due mails for one delivery attempt: each is moved {@code claim} into the future, so
     * that no other sender takes it meanwhile, and is tried again then if this sender dies before it reports back.
     * A mail that is no longer {@code wanted} is skipped instead. The search for due mail reads outside any
     * transaction, so an idle outbox never takes the write lock.
     */
    List<Mail> claimDue(Instant now, int limit, Duration claim, Predicate<Mail> wanted) {
        var due = jdbc.query(
                "SELECT " + COLUMNS + " FROM mail_outbox WHERE status = ? AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, mail_key LIMIT ?",
                Outbox::mail,
                MailStatus.PENDING.name(),
                now.toEpochMilli(),
                limit);
        if (due.isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> {
            var claimed = new ArrayList<Mail>();
            for (var mail : due) {
                if (!wanted.test(mail)) {
                    jdbc.update(
                            "UPDATE mail_outbox SET status = ? WHERE mail_key = ? AND status = ?",
                            MailStatus.SKIPPED.name(),
                            mail.key(),
                            MailStatus.PENDING.name());
                } else if (jdbc.update(
                                "UPDATE mail_outbox SET next_attempt_at = ?"
                                        + " WHERE mail_key = ? AND status = ? AND next_attempt_at = ?",
                                now.plus(claim).toEpochMilli(),
                                mail.key(),
                                MailStatus.PENDING.name(),
                                mail.nextAttemptAt().toEpochMilli())
                        == 1) {
                    claimed.add(mail);
                }
            }
            return claimed;
        });
    }

    /** Marks the mail sent, and keeps it as it was sent. */
    /** A mail that went out (or, without an SMTP server, was kept for the admins), as it was written. */
    record Sent(String key, MailWriter.Written written, Instant at) {}

    /** Marks the mails sent, all in one transaction. */
    void sent(List<Sent> mails) {
        if (mails.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(
                "UPDATE mail_outbox SET status = ?, attempts = attempts + 1, sent_at = ?, last_error = NULL,"
                        + " html_body = ?, text_body = ? WHERE mail_key = ?",
                mails,
                mails.size(),
                (statement, mail) -> {
                    statement.setString(1, MailStatus.SENT.name());
                    statement.setLong(2, mail.at().toEpochMilli());
                    statement.setString(3, mail.written().html());
                    statement.setString(4, mail.written().text());
                    statement.setString(5, mail.key());
                }));
    }

    /** Records a failed attempt; the mail is tried again at {@code at}. */
    void retryLater(String key, Instant at, String error) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE mail_key = ?",
                at.toEpochMilli(),
                truncated(error),
                key));
    }

    /** Records the last failed attempt: the mail waits for an admin to resend it. */
    void giveUp(String key, String error) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE mail_outbox SET status = ?, attempts = attempts + 1, last_error = ? WHERE mail_key = ?",
                MailStatus.FAILED.name(),
                truncated(error),
                key));
    }

    /** Gives a claimed mail back untried, due at once. */
    void release(String key, Instant at) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE mail_outbox SET next_attempt_at = ? WHERE mail_key = ? AND status = ?",
                at.toEpochMilli(),
                key,
                MailStatus.PENDING.name()));
    }

    /** Queues a sent or failed mail once more, due now, with a fresh count of attempts. */
    boolean resend(String key, Instant now) {
        Integer changed = transactions.execute(status -> jdbc.update(
                "UPDATE mail_outbox SET status = ?, attempts = 0, next_attempt_at = ?, last_error = NULL"
                        + " WHERE mail_key = ? AND status IN (?, ?)",
                MailStatus.PENDING.name(),
                now.toEpochMilli(),
                key,
                MailStatus.SENT.name(),
                MailStatus.FAILED.name()));
        return changed != null && changed == 1;
    }

    List<Mail> newest(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM mail_outbox ORDER BY created_at DESC, mail_key LIMIT ?",
                Outbox::mail,
                limit);
    }

    Optional<Mail> find(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE mail_key = ?", Outbox::mail, key).stream()
                .findFirst();
    }

    Map<MailStatus, Integer> counts() {
        var counts = new EnumMap<MailStatus, Integer>(MailStatus.class);
        for (var status : MailStatus.values()) {
            counts.put(status, 0);
        }
        jdbc.query("SELECT status, count(*) FROM mail_outbox GROUP BY status", row -> {
            counts.put(MailStatus.valueOf(row.getString(1)), row.getInt(2));
        });
        return counts;
    }

    private static String truncated(String error) {
        var message = error == null ? "" : error;
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }

    private static Mail mail(ResultSet row, int index) throws SQLException {
        return new Mail(
                row.getString("mail_key"),
                MailKind.valueOf(row.getString("kind")),
                row.getString("booking_id"),
                row.getString("recipient"),
                row.getString("subject"),
                row.getString("html_body"),
                row.getString("text_body"),
                MailStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                instant(row, "next_attempt_at"),
                row.getString("last_error"),
                instant(row, "created_at"),
                instant(row, "sent_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
