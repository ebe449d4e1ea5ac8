package io.seatwise.query.waitlist;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.waitlist.FindWaitlistLengths;
import io.seatwise.api.waitlist.FindWaitlistOf;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.OfferExpired;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistClosed;
import io.seatwise.api.waitlist.WaitlistEntryId;
import io.seatwise.api.waitlist.WaitlistEntryView;
import io.seatwise.api.waitlist.WaitlistJoined;
import io.seatwise.api.waitlist.WaitlistLeft;
import io.seatwise.api.waitlist.WaitlistLength;
import io.seatwise.api.waitlist.WaitlistStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The waitlists as their people and the admins see them: one row per entry, with its status and, while seats are
 * offered to it, which and until when. An entry's place in its event's queue is the sequence number of its joining in
 * the seat map's stream, the order in which the seat map serves the entries, so a position is counted, not stored.
 * Each change is guarded by the seat map's sequence number, so a redelivered or replayed event changes nothing.
 */
@Component
@ProcessingGroup(WaitlistProjection.GROUP)
class WaitlistProjection {

    static final String GROUP = "waitlist";

    private final JdbcTemplate jdbc;

    WaitlistProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WaitlistJoined event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                INSERT INTO waitlist_entries (entry_id, event_id, account_id, seat_count, category, status,
                    joined_sequence, joined_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING
                """,
                event.entryId().value(),
                event.eventId().value(),
                event.accountId().value(),
                event.count(),
                event.category(),
                status(WaitlistStatus.WAITING),
                sequence,
                event.joinedAt().toEpochMilli(),
                sequence);
    }

    @EventHandler
    void on(SeatsOffered event, @SequenceNumber long sequence) {
        jdbc.update(
                "UPDATE waitlist_entries SET status = ?, offered_seats = ?, expires_at = ?, booking_id = ?,"
                        + " last_sequence = ? WHERE entry_id = ? AND last_sequence < ?",
                status(WaitlistStatus.OFFERED),
                event.seats().stream().map(String::valueOf).collect(Collectors.joining(",")),
                event.expiresAt().toEpochMilli(),
                event.bookingId().value(),
                sequence,
                event.entryId().value(),
                sequence);
    }

    @EventHandler
    void on(OfferAccepted event, @SequenceNumber long sequence) {
        jdbc.update(
                "UPDATE waitlist_entries SET status = ?, booking_id = ?, expires_at = NULL, last_sequence = ?"
                        + " WHERE entry_id = ? AND last_sequence < ?",
                status(WaitlistStatus.BOOKED),
                event.bookingId().value(),
                sequence,
                event.entryId().value(),
                sequence);
    }

    @EventHandler
    void on(OfferExpired event, @SequenceNumber long sequence) {
        ended(event.entryId(), WaitlistStatus.EXPIRED, sequence);
    }

    @EventHandler
    void on(WaitlistLeft event, @SequenceNumber long sequence) {
        ended(event.entryId(), WaitlistStatus.LEFT, sequence);
    }

    /** Every entry still waiting or offered seats has waited in vain. */
    @EventHandler
    void on(WaitlistClosed event, @SequenceNumber long sequence) {
        jdbc.update(
                "UPDATE waitlist_entries SET status = ?, offered_seats = NULL, expires_at = NULL, booking_id = NULL,"
                        + " last_sequence = ? WHERE event_id = ? AND status IN (?, ?) AND last_sequence < ?",
                status(WaitlistStatus.EXPIRED),
                sequence,
                event.eventId().value(),
                status(WaitlistStatus.WAITING),
                status(WaitlistStatus.OFFERED),
                sequence);
    }

    private void ended(WaitlistEntryId entryId, WaitlistStatus status, long sequence) {
        jdbc.update(
                "UPDATE waitlist_entries SET status = ?, offered_seats = NULL, expires_at = NULL, booking_id = NULL,"
                        + " last_sequence = ? WHERE entry_id = ? AND last_sequence < ?",
                status(status),
                sequence,
                entryId.value(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM waitlist_entries");
    }

    /** The account's entries, newest first, each waiting one with its position among its event's waiting entries. */
    @QueryHandler
    List<WaitlistEntryView> handle(FindWaitlistOf query) {
        return jdbc.query(
                """
                SELECT w.entry_id, w.event_id, w.seat_count, w.category, w.status, w.offered_seats, w.expires_at,
                    w.booking_id, w.joined_at,
                    (SELECT count(*) FROM waitlist_entries o WHERE o.event_id = w.event_id AND o.status = ?
                        AND o.joined_sequence <= w.joined_sequence) AS position
                FROM waitlist_entries w WHERE w.account_id = ? ORDER BY w.joined_at DESC, w.entry_id DESC
                """,
                WaitlistProjection::view,
                status(WaitlistStatus.WAITING),
                query.accountId().value());
    }

    /** Events with anyone on their waitlist, with how many wait and how many have seats offered. */
    @QueryHandler
    List<WaitlistLength> handle(FindWaitlistLengths query) {
        return jdbc.query(
                "SELECT event_id, sum(CASE WHEN status = ? THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN status = ? THEN 1 ELSE 0 END) FROM waitlist_entries"
                        + " WHERE status IN (?, ?) GROUP BY event_id ORDER BY event_id",
                (row, index) -> new WaitlistLength(EventId.of(row.getString(1)), row.getInt(2), row.getInt(3)),
                status(WaitlistStatus.WAITING),
                status(WaitlistStatus.OFFERED),
                status(WaitlistStatus.WAITING),
                status(WaitlistStatus.OFFERED));
    }

    private static WaitlistEntryView view(ResultSet row, int index) throws SQLException {
        var status = WaitlistStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT));
        var seats = row.getString("offered_seats");
        var expiresAt = row.getLong("expires_at");
        var expires = row.wasNull() ? null : Instant.ofEpochMilli(expiresAt);
        var booking = row.getString("booking_id");
        return new WaitlistEntryView(
                WaitlistEntryId.of(row.getString("entry_id")),
                EventId.of(row.getString("event_id")),
                row.getInt("seat_count"),
                row.getString("category"),
                status == WaitlistStatus.WAITING ? row.getInt("position") : null,
                status,
                seats == null || seats.isEmpty()
                        ? List.of()
                        : Arrays.stream(seats.split(",")).map(Integer::valueOf).toList(),
                expires,
                booking == null ? null : BookingId.of(booking),
                Instant.ofEpochMilli(row.getLong("joined_at")));
    }

    private static String status(WaitlistStatus status) {
        return status.value();
    }
}
