package io.seatwise.command.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.waitlist.WaitlistEntryId;
import io.seatwise.api.waitlist.WaitlistJoined;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who booked what, for decisions that one seat map cannot make alone: which event a booking belongs to (a
 * cancellation names only the booking), whether someone holds a booking for an event or at a venue (only they may
 * review it), where in its seat map's history an event was cancelled (the releases that follow are the
 * cancellation's, not their bookers'), and which event a waitlist entry belongs to (leaving and accepting name only
 * the entry). Its processing group is subscribing, so these tables are written in the transaction that stores the
 * events and are never behind them; a failure here fails that command (see {@link BookingLedgerConfiguration}).
 */
@Component
@ProcessingGroup(BookingLedger.GROUP)
public class BookingLedger {

    static final String GROUP = "booking-ledger";

    private static final Logger log = LoggerFactory.getLogger(BookingLedger.class);

    private final JdbcTemplate jdbc;

    BookingLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EventScheduled event) {
        jdbc.update(
                "INSERT INTO ledger_events (event_id, venue_id) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING",
                event.eventId().value(),
                event.venueId().value());
    }

    /**
     * Records the booking with its reference. A reference that another booking has refuses the booking, which the
     * sender then makes again under another id ({@link ReferenceTaken}); the unique index stands behind the check.
     */
    @EventHandler
    void on(SeatsBooked event) {
        var reference = BookingReference.of(event.bookingId()).value();
        var holder = jdbc.queryForList(
                "SELECT booking_id FROM ledger_bookings WHERE reference = ?", String.class, reference);
        if (!holder.isEmpty() && !holder.get(0).equals(event.bookingId().value())) {
            throw new ReferenceTaken(event.bookingId());
        }
        jdbc.update(
                """
                INSERT INTO ledger_bookings (booking_id, event_id, account_id, status, reference) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (booking_id) DO NOTHING
                """,
                event.bookingId().value(),
                event.eventId().value(),
                event.accountId().value(),
                BookingStatus.CONFIRMED.name(),
                reference);
    }

    /** Where the cancellation stands in the seat map's events: every release after it is the cancellation's. */
    @EventHandler
    void on(EventCancelled event, @SequenceNumber long sequence) {
        jdbc.update(
                "UPDATE ledger_events SET cancelled_sequence = ? WHERE event_id = ? AND cancelled_sequence IS NULL",
                sequence,
                event.eventId().value());
    }

    @EventHandler
    void on(SeatsReleased event) {
        jdbc.update(
                "UPDATE ledger_bookings SET status = ? WHERE booking_id = ?",
                BookingStatus.CANCELLED.name(),
                event.bookingId().value());
    }

    @EventHandler
    void on(WaitlistJoined event) {
        jdbc.update(
                "INSERT INTO ledger_waitlist (entry_id, event_id, account_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (entry_id) DO NOTHING",
                event.entryId().value(),
                event.eventId().value(),
                event.accountId().value());
    }

    /** The event whose waitlist has the entry, ended or not. */
    public Optional<EventId> eventOf(WaitlistEntryId entryId) {
        return jdbc
                .queryForList("SELECT event_id FROM ledger_waitlist WHERE entry_id = ?", String.class, entryId.value())
                .stream()
                .findFirst()
                .map(EventId::of);
    }

    /** The event whose seat map holds the booking, cancelled or not. */
    public Optional<EventId> eventOf(BookingId bookingId) {
        return jdbc
                .queryForList(
                        "SELECT event_id FROM ledger_bookings WHERE booking_id = ?", String.class, bookingId.value())
                .stream()
                .findFirst()
                .map(EventId::of);
    }

    /** A booking as the ledger knows it: whose it is, of which event, and whether it is cancelled. */
    public record Entry(BookingId bookingId, EventId eventId, AccountId accountId, BookingStatus status) {}

    /** The booking with the id, cancelled or not. */
    public Optional<Entry> booking(BookingId bookingId) {
        return jdbc
                .query(
                        "SELECT booking_id, event_id, account_id, status FROM ledger_bookings WHERE booking_id = ?",
                        (row, index) -> new Entry(
                                BookingId.of(row.getString(1)),
                                EventId.of(row.getString(2)),
                                AccountId.of(row.getString(3)),
                                BookingStatus.valueOf(row.getString(4))),
                        bookingId.value())
                .stream()
                .findFirst();
    }

    /** The booking with the reference, cancelled or not. */
    public Optional<Entry> bookingWith(BookingReference reference) {
        return jdbc
                .query(
                        "SELECT booking_id, event_id, account_id, status FROM ledger_bookings WHERE reference = ?",
                        (row, index) -> new Entry(
                                BookingId.of(row.getString(1)),
                                EventId.of(row.getString(2)),
                                AccountId.of(row.getString(3)),
                                BookingStatus.valueOf(row.getString(4))),
                        reference.value())
                .stream()
                .findFirst();
    }

    /**
     * Gives the bookings made before references were kept (migration V9) theirs, at start. Each is written only where
     * none is yet, so nodes starting together write the same; a reference that two old bookings share (about one in
     * 26 trillion pairs) is left to the first, and the other is found by its id only.
     */
    public int fillMissingReferences() {
        var missing = jdbc.queryForList("SELECT booking_id FROM ledger_bookings WHERE reference IS NULL", String.class);
        int filled = 0;
        for (var bookingId : missing) {
            var reference = BookingReference.of(BookingId.of(bookingId)).value();
            try {
                filled += jdbc.update(
                        "UPDATE ledger_bookings SET reference = ? WHERE booking_id = ? AND reference IS NULL",
                        reference,
                        bookingId);
            } catch (DataIntegrityViolationException shared) {
                log.warn("Booking {} shares its reference {} with an older booking", bookingId, reference);
            }
        }
        return filled;
    }

    /** Thrown when a new booking's reference is another booking's: the booking is made again under a new id. */
    public static final class ReferenceTaken extends RuntimeException {

        ReferenceTaken(BookingId bookingId) {
            super("The reference of booking " + bookingId + " is another booking's");
        }
    }

    /** The venue of the event, if it was ever scheduled. */
    public Optional<VenueId> venueOf(EventId eventId) {
        return jdbc
                .queryForList("SELECT venue_id FROM ledger_events WHERE event_id = ?", String.class, eventId.value())
                .stream()
                .findFirst()
                .map(VenueId::of);
    }

    /**
     * Whether the seat map's event at {@code sequence} (a release) came after the event's cancellation, which releases
     * every booking that stood: then the release is the admin's doing, not the booker's.
     */
    public boolean releasedWithItsEvent(EventId eventId, long sequence) {
        return exists(
                "SELECT EXISTS (SELECT 1 FROM ledger_events WHERE event_id = ? AND cancelled_sequence < ?)",
                eventId.value(),
                sequence);
    }

    /** Whether the event was ever scheduled. */
    public boolean knowsEvent(EventId eventId) {
        return exists("SELECT EXISTS (SELECT 1 FROM ledger_events WHERE event_id = ?)", eventId.value());
    }

    /** Whether any event was ever scheduled at the venue. */
    public boolean knowsEventsAt(VenueId venueId) {
        return exists("SELECT EXISTS (SELECT 1 FROM ledger_events WHERE venue_id = ?)", venueId.value());
    }

    /** Whether the account holds a booking for the event that is not cancelled. */
    public boolean holdsBookingFor(AccountId accountId, EventId eventId) {
        return exists("""
                SELECT EXISTS (SELECT 1 FROM ledger_bookings WHERE account_id = ? AND event_id = ? AND status = ?)
                """, accountId.value(), eventId.value(), BookingStatus.CONFIRMED.name());
    }

    /** Whether the account holds a booking, not cancelled, for any event at the venue. */
    public boolean holdsBookingAt(AccountId accountId, VenueId venueId) {
        return exists("""
                SELECT EXISTS (SELECT 1 FROM ledger_bookings b JOIN ledger_events e ON e.event_id = b.event_id
                               WHERE b.account_id = ? AND e.venue_id = ? AND b.status = ?)
                """, accountId.value(), venueId.value(), BookingStatus.CONFIRMED.name());
    }

    /** How many accounts hold a booking for the event that is not cancelled: whom a reschedule or cancellation mails. */
    public int bookersOf(EventId eventId) {
        Integer bookers = jdbc.queryForObject(
                "SELECT count(DISTINCT account_id) FROM ledger_bookings WHERE event_id = ? AND status = ?",
                Integer.class,
                eventId.value(),
                BookingStatus.CONFIRMED.name());
        return bookers == null ? 0 : bookers;
    }

    private boolean exists(String sql, Object... arguments) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, arguments));
    }
}
