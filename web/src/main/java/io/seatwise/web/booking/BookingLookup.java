package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.BookingView;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.booking.BookingLedger;
import io.seatwise.web.event.Catalog;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Admins find a booking by its reference, as a guest reads it out at the box office: the ledger names the booking,
 * the account directory its booker, and the booker's bookings (a read model, so a booking made a moment ago may show
 * its seats a moment later) its event and seats.
 */
@Service
class BookingLookup {

    /** A booking as an admin sees it; {@code seats} and {@code seatLabels} are empty until the read side has it. */
    record Found(
            String bookingId,
            String reference,
            String eventId,
            String eventTitle,
            BookingStatus status,
            List<Integer> seats,
            List<String> seatLabels,
            String bookerEmail,
            String bookerName) {}

    private final BookingLedger ledger;
    private final AccountDirectory accounts;
    private final Bookings bookings;
    private final Catalog catalog;

    BookingLookup(BookingLedger ledger, AccountDirectory accounts, Bookings bookings, Catalog catalog) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.bookings = bookings;
        this.catalog = catalog;
    }

    Found find(String typed) {
        var reference = BookingReference.parse(typed)
                .orElseThrow(() -> new DomainException(
                        InvalidValue.of("reference", Rule.NOT_A_REFERENCE),
                        "A booking reference is nine letters and digits, such as K7P-3QX-9M2"));
        var entry = ledger.bookingWith(reference)
                .orElseThrow(() -> new DomainException(
                        Refusal.Plain.NO_SUCH_BOOKING, "No booking has the reference " + reference));
        var booker = accounts.find(entry.accountId());
        var view = bookings.of(entry.accountId()).stream()
                .filter(booking -> booking.bookingId().equals(entry.bookingId()))
                .findFirst();
        var seats = view.map(BookingView::seats).orElse(List.of());
        return new Found(
                entry.bookingId().value(),
                reference.toString(),
                entry.eventId().value(),
                view.map(BookingView::eventTitle).orElse(""),
                entry.status(),
                seats,
                seats.isEmpty() ? List.of() : labels(entry.eventId().value(), seats),
                booker.map(account -> account.email()).orElse(""),
                booker.map(account -> account.displayName()).orElse(""));
    }

    private List<String> labels(String eventId, List<Integer> seats) {
        var layout = catalog.availability(eventId).layout();
        return seats.stream().filter(layout::contains).map(layout::label).toList();
    }
}
