package io.seatwise.command.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.venue.VenueId;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who booked what, for decisions that one seat map cannot make alone: which event a booking belongs to (a
 * cancellation names only the booking) and whether someone holds a booking for an event or at a venue (only they may
 * review it). Its processing group is subscribing, so these tables are written in the transaction that stores the
 * events and are never behind them; a failure here fails that command (see {@link BookingLedgerConfiguration}).
 */
@Component
@ProcessingGroup(BookingLedger.GROUP)
public class BookingLedger {

    static final String GROUP = "booking-ledger";

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

    @EventHandler
    void on(SeatsBooked event) {
        jdbc.update(
                """
                INSERT INTO ledger_bookings (booking_id, event_id, account_id, status) VALUES (?, ?, ?, ?)
                ON CONFLICT (booking_id) DO NOTHING
                """,
                event.bookingId().value(),
                event.eventId().value(),
                event.accountId().value(),
                BookingStatus.CONFIRMED.name());
    }

    @EventHandler
    void on(SeatsReleased event) {
        jdbc.update(
                "UPDATE ledger_bookings SET status = ? WHERE booking_id = ?",
                BookingStatus.CANCELLED.name(),
                event.bookingId().value());
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

    private boolean exists(String sql, Object... arguments) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, arguments));
    }
}
