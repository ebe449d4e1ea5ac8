package io.seatwise.web.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.api.account.Language;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.query.StoredJson;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the mail group knows besides its outbox: addresses and names, venues, events, bookings, and who reviewed which
 * event. Kept in tables of its own, so that mail never waits for a read model, nor loses its data when one is rebuilt.
 * Every write is idempotent, so an event handled twice changes nothing.
 */
@Component
class MailDirectory {

    private final JdbcTemplate jdbc;

    /**
     * Events' layouts, which name the seats in a mail, by event: an event's row here is written once and never
     * changed. Read with every mail and looked up by its JSON, a 40,000-seat layout took two fifths of the mail group's
     * time in a booking storm (hashing the JSON text anew each time).
     */
    private final Cache<String, SeatLayout> layouts =
            Caffeine.newBuilder().maximumSize(1_000).build();

    MailDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void account(String accountId, String email, String displayName, Language language) {
        jdbc.update(
                "INSERT INTO mail_accounts (account_id, email, display_name, language) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (account_id) DO NOTHING",
                accountId,
                email,
                displayName,
                language.code());
    }

    /** The language the account's mail is written in from now on. */
    void language(String accountId, Language language) {
        jdbc.update("UPDATE mail_accounts SET language = ? WHERE account_id = ?", language.code(), accountId);
    }

    void venue(String venueId, String name, String city) {
        jdbc.update(
                "INSERT INTO mail_venues (venue_id, name, city) VALUES (?, ?, ?) ON CONFLICT (venue_id) DO NOTHING",
                venueId,
                name,
                city);
    }

    void event(String eventId, String venueId, String title, Instant startsAt, SeatLayout layout) {
        jdbc.update(
                "INSERT INTO mail_events (event_id, venue_id, title, starts_at, seat_rows, seats_per_row, layout)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                eventId,
                venueId,
                title,
                MailTimes.millis(startsAt),
                layout.rowCount(),
                layout.widestRow(),
                StoredJson.layout(layout));
    }

    /**
     * @param bookedAt when the booking was made, for the event's mail saga ({@link EventMailSaga}), which times the
     *     mails of every booking since V20 that gets mail; null for a booking that gets no mail
     */
    void booking(BookingId bookingId, String eventId, String accountId, List<Integer> seats, Instant bookedAt) {
        jdbc.update(
                "INSERT INTO mail_bookings (booking_id, event_id, account_id, seats, timed_by_saga, booked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id) DO NOTHING",
                bookingId.value(),
                eventId,
                accountId,
                seats.stream().map(String::valueOf).collect(Collectors.joining(",")),
                bookedAt != null,
                bookedAt == null ? null : MailTimes.millis(bookedAt));
    }

    void cancelled(BookingId bookingId) {
        jdbc.update("UPDATE mail_bookings SET cancelled = TRUE WHERE booking_id = ?", bookingId.value());
    }

    /**
     * Whether a saga times the booking's mails: its event's saga, or for a booking made before V20 its own (V18); a
     * booking made before V18 has its prompt and reminder queued in the outbox.
     */
    boolean timedBySaga(BookingId bookingId) {
        return flag("timed_by_saga", bookingId);
    }

    /** Whether the booking's mails are its event's saga's ({@link EventMailSaga}): every booking since V20 with mail. */
    boolean timedByEventSaga(BookingId bookingId) {
        return flag("booked_at IS NOT NULL", bookingId);
    }

    private boolean flag(String column, BookingId bookingId) {
        return jdbc
                .queryForList(
                        "SELECT " + column + " FROM mail_bookings WHERE booking_id = ?",
                        Boolean.class,
                        bookingId.value())
                .stream()
                .findFirst()
                .orElse(false);
    }

    /**
     * Up to {@code limit} of the event's standing bookings timed by its saga, made in {@code (after, through]}, whose
     * review prompt is not in the outbox yet, by the time they were made.
     */
    List<BookingMade> unprompted(String eventId, Instant after, Instant through, int limit) {
        return jdbc.query(
                "SELECT b.booking_id, b.booked_at FROM mail_bookings b WHERE b.event_id = ? AND b.booked_at > ?"
                        + " AND b.booked_at <= ? AND NOT b.cancelled AND NOT EXISTS (SELECT 1 FROM mail_outbox o"
                        + " WHERE o.mail_key = ? || b.booking_id) ORDER BY b.booked_at LIMIT ?",
                BookingMade.ROW,
                eventId,
                MailTimes.millis(after),
                MailTimes.millis(through),
                MailKind.REVIEW_PROMPT.keyPrefix(),
                limit);
    }

    /** Up to {@code limit} of the event's standing bookings timed by its saga whose reminder is not in the outbox yet. */
    List<BookingMade> unreminded(String eventId, int limit) {
        return jdbc.query(
                "SELECT b.booking_id, b.booked_at FROM mail_bookings b WHERE b.event_id = ? AND b.booked_at IS NOT NULL"
                        + " AND NOT b.cancelled AND NOT EXISTS (SELECT 1 FROM mail_outbox o"
                        + " WHERE o.mail_key = ? || b.booking_id) ORDER BY b.booked_at LIMIT ?",
                BookingMade.ROW,
                eventId,
                MailKind.REVIEW_REMINDER.keyPrefix(),
                limit);
    }

    /** When the event starts as last rescheduled, while the mail group knows it. */
    Optional<Instant> startsAt(String eventId) {
        return jdbc.queryForList("SELECT starts_at FROM mail_events WHERE event_id = ?", Long.class, eventId).stream()
                .findFirst()
                .map(Instant::ofEpochMilli);
    }

    void eventTitle(String eventId, String title) {
        jdbc.update("UPDATE mail_events SET title = ? WHERE event_id = ?", title, eventId);
    }

    void eventRescheduled(String eventId, Instant startsAt) {
        jdbc.update("UPDATE mail_events SET starts_at = ? WHERE event_id = ?", MailTimes.millis(startsAt), eventId);
    }

    void eventCancelled(String eventId, String reason) {
        jdbc.update("UPDATE mail_events SET cancel_reason = ? WHERE event_id = ?", reason, eventId);
    }

    boolean isCancelled(String eventId) {
        var cancelled = jdbc.queryForObject(
                "SELECT count(*) FROM mail_events WHERE event_id = ? AND cancel_reason IS NOT NULL",
                Integer.class,
                eventId);
        return cancelled != null && cancelled > 0;
    }

    /** Per booker of the event, the first (smallest id) of their bookings that stand: where the event's mails go. */
    List<String> bookersFirstBookings(String eventId) {
        return jdbc.queryForList(
                "SELECT min(booking_id) FROM mail_bookings WHERE event_id = ? AND NOT cancelled GROUP BY account_id"
                        + " ORDER BY 1",
                String.class,
                eventId);
    }

    void notice(String mailKey, Notice notice) {
        jdbc.update(
                "INSERT INTO mail_notices (mail_key, previous_starts_at, starts_at, reason) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (mail_key) DO NOTHING",
                mailKey,
                notice.previousStartsAt() == null ? null : MailTimes.millis(notice.previousStartsAt()),
                notice.startsAt() == null ? null : MailTimes.millis(notice.startsAt()),
                notice.reason());
    }

    Optional<Notice> notice(String mailKey) {
        return jdbc
                .query(
                        "SELECT previous_starts_at, starts_at, reason FROM mail_notices WHERE mail_key = ?",
                        (row, index) ->
                                new Notice(instant(row.getObject(1)), instant(row.getObject(2)), row.getString(3)),
                        mailKey)
                .stream()
                .findFirst();
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }

    void reviewed(String reviewId, String eventId, String accountId) {
        jdbc.update(
                "INSERT INTO mail_event_reviews (review_id, event_id, account_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (review_id) DO NOTHING",
                reviewId,
                eventId,
                accountId);
    }

    void reviewDeleted(String reviewId) {
        jdbc.update("DELETE FROM mail_event_reviews WHERE review_id = ?", reviewId);
    }

    /** When mail was installed: events stored before then get no mail. */
    Instant installedAt() {
        return Instant.ofEpochMilli(jdbc.queryForObject("SELECT min(installed_at) FROM mail_installed", Long.class));
    }

    /**
     * Seats held for a waitlist entry, as the booking that accepting makes: its mail says what a booking's says. The
     * offer stays open until it is accepted, runs out or is given up.
     */
    void offer(
            BookingId bookingId, String entryId, String eventId, String accountId, List<Integer> seats, Instant until) {
        jdbc.update(
                "INSERT INTO mail_offers (booking_id, entry_id, event_id, account_id, seats, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id) DO NOTHING",
                bookingId.value(),
                entryId,
                eventId,
                accountId,
                seats.stream().map(String::valueOf).collect(Collectors.joining(",")),
                until.toEpochMilli());
    }

    void offerEnded(String entryId) {
        jdbc.update("UPDATE mail_offers SET open = FALSE WHERE entry_id = ?", entryId);
    }

    void offersOfEventEnded(String eventId) {
        jdbc.update("UPDATE mail_offers SET open = FALSE WHERE event_id = ?", eventId);
    }

    /** Until when the seats offered as this booking are held. */
    Optional<Instant> offerHeldUntil(String bookingId) {
        return jdbc
                .queryForList("SELECT expires_at FROM mail_offers WHERE booking_id = ?", Long.class, bookingId)
                .stream()
                .findFirst()
                .map(Instant::ofEpochMilli);
    }

    /**
     * Everything a mail about the booking says, once its account, event and venue are known; for a booking not yet
     * made, what the waitlist's offer of it says.
     */
    Optional<BookingFacts> facts(String bookingId) {
        return facts(bookingId, "mail_bookings").or(() -> facts(bookingId, "mail_offers"));
    }

    private Optional<BookingFacts> facts(String bookingId, String table) {
        return jdbc
                .query(
                        "SELECT b.event_id, b.seats, a.email, a.display_name, a.language, e.title, e.starts_at, e.seat_rows,"
                                + " e.seats_per_row, e.venue_id, v.name, v.city FROM " + table + " b"
                                + " JOIN mail_accounts a ON a.account_id = b.account_id"
                                + " JOIN mail_events e ON e.event_id = b.event_id"
                                + " JOIN mail_venues v ON v.venue_id = e.venue_id WHERE b.booking_id = ?",
                        (row, index) -> new BookingFacts(
                                BookingId.of(bookingId),
                                row.getString("email"),
                                row.getString("display_name"),
                                row.getString("event_id"),
                                row.getString("title"),
                                Instant.ofEpochMilli(row.getLong("starts_at")),
                                layout(row.getString("event_id"), row.getInt("seat_rows"), row.getInt("seats_per_row")),
                                row.getString("venue_id"),
                                row.getString("name"),
                                row.getString("city"),
                                Arrays.stream(row.getString("seats").split(","))
                                        .map(Integer::valueOf)
                                        .toList(),
                                Language.of(row.getString("language"))
                                        .orElse(Language.EN)
                                        .locale()),
                        bookingId)
                .stream()
                .findFirst();
    }

    private SeatLayout layout(String eventId, int rowsBeforeV8, int seatsPerRowBeforeV8) {
        return layouts.get(
                eventId,
                id -> StoredJson.layout(
                        jdbc.queryForObject("SELECT layout FROM mail_events WHERE event_id = ?", String.class, id),
                        rowsBeforeV8,
                        seatsPerRowBeforeV8));
    }

    /** A prompt or reminder is wanted while its booking stands and, for a reminder, the event is not yet reviewed. */
    boolean stillWanted(Mail mail) {
        if (mail.kind() == MailKind.WAITLIST_OFFER) {
            return Boolean.TRUE.equals(
                    jdbc
                            .queryForList(
                                    "SELECT open FROM mail_offers WHERE booking_id = ?",
                                    Boolean.class,
                                    mail.bookingId())
                            .stream()
                            .findFirst()
                            .orElse(false));
        }
        var unwanted = jdbc.queryForObject(
                "SELECT count(*) FROM mail_bookings b WHERE b.booking_id = ? AND (b.cancelled OR (? AND EXISTS ("
                        + "SELECT 1 FROM mail_event_reviews r WHERE r.event_id = b.event_id"
                        + " AND r.account_id = b.account_id)))",
                Integer.class,
                mail.bookingId(),
                mail.kind() == MailKind.REVIEW_REMINDER);
        return unwanted == null || unwanted == 0;
    }
}
