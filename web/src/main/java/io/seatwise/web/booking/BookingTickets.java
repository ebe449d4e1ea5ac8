package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.event.EventView;
import io.seatwise.api.stats.FindBookingCost;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.account.AccountEntry;
import io.seatwise.command.booking.BookingLedger;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.SeatLabels;
import io.seatwise.web.security.CurrentAccount;
import io.seatwise.web.ticket.TicketCodes;
import io.seatwise.web.ticket.TicketSheet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * One booking with its tickets, for its owner (and, to read it, an admin): the ledger says whose it is and whether it
 * stands, "my bookings" its seats, the statistics what it cost when it was made, the catalog its event and layout.
 * Seats are labelled in the request's language.
 * The read models are a moment behind a new booking, which shows here as soon as they have it (within a second).
 * A cancelled booking has no tickets: the door refuses them, so they are not handed out again.
 */
@Service
class BookingTickets {

    /** A booking as its page and the API show it; {@code tickets} is empty once it is cancelled. */
    record Details(
            BookingId bookingId,
            BookingReference reference,
            AccountId owner,
            BookingStatus status,
            EventView event,
            List<Integer> seats,
            List<String> labels,
            long totalCents,
            Instant bookedAt,
            List<TicketSheet.Ticket> tickets) {

        boolean cancelled() {
            return status == BookingStatus.CANCELLED;
        }
    }

    private final BookingLedger ledger;
    private final Bookings bookings;
    private final Catalog catalog;
    private final QueryGateway queries;
    private final AccountDirectory accounts;
    private final TicketCodes codes;
    private final SeatLabels seatLabels;

    BookingTickets(
            BookingLedger ledger,
            Bookings bookings,
            Catalog catalog,
            QueryGateway queries,
            AccountDirectory accounts,
            TicketCodes codes,
            SeatLabels seatLabels) {
        this.ledger = ledger;
        this.bookings = bookings;
        this.catalog = catalog;
        this.queries = queries;
        this.accounts = accounts;
        this.codes = codes;
        this.seatLabels = seatLabels;
    }

    /** The booking for its owner or an admin; anyone else is refused (403), an unknown booking is 404. */
    Details forOwnerOrAdmin(String id, Authentication authentication) {
        return details(id, authentication, isAdmin(authentication));
    }

    /** The booking for its owner only: its tickets' files are the holder's. */
    Details forOwner(String id, Authentication authentication) {
        return details(id, authentication, false);
    }

    /** The tickets as their files show them, with the holder's name; a cancelled booking has none to show. */
    TicketSheet sheet(Details booking) {
        if (booking.cancelled()) {
            throw new DomainException(Refusal.Plain.ALREADY_CANCELLED, "This booking is already cancelled");
        }
        var holder =
                accounts.find(booking.owner()).map(AccountEntry::displayName).orElse("");
        var event = booking.event();
        return new TicketSheet(
                booking.bookingId().value(),
                booking.reference().toString(),
                holder,
                event.title(),
                event.venueName(),
                event.venueCity(),
                event.startsAt(),
                booking.tickets());
    }

    /** Each seat's ticket: its label and its signed code. */
    List<TicketSheet.Ticket> tickets(EventView event, BookingId bookingId, List<Integer> seats, List<String> labels) {
        var tickets = new ArrayList<TicketSheet.Ticket>();
        for (int i = 0; i < seats.size(); i++) {
            tickets.add(new TicketSheet.Ticket(
                    seats.get(i), labels.get(i), codes.code(event.id(), bookingId, seats.get(i))));
        }
        return List.copyOf(tickets);
    }

    private Details details(String id, Authentication authentication, boolean adminMayRead) {
        var viewer = CurrentAccount.of(authentication);
        var bookingId = BookingId.of(id);
        var entry = ledger.booking(bookingId).orElseThrow(BookingTickets::noSuchBooking);
        if (!entry.accountId().equals(viewer) && !adminMayRead) {
            throw new DomainException(Refusal.Plain.NOT_YOUR_BOOKING, "This booking is not yours");
        }
        var view = bookings.of(entry.accountId()).stream()
                .filter(booking -> booking.bookingId().equals(bookingId))
                .findFirst()
                .orElseThrow(BookingTickets::noSuchBooking);
        var cost = queries.query(new FindBookingCost(bookingId), ResponseTypes.optionalInstanceOf(Long.class))
                .join()
                .orElseThrow(BookingTickets::noSuchBooking);
        var event = catalog.event(entry.eventId().value());
        var layout = catalog.availability(entry.eventId().value()).layout();
        var seats = view.seats().stream().sorted().toList();
        var labels = seatLabels.of(layout, seats);
        var cancelled = entry.status() == BookingStatus.CANCELLED;
        return new Details(
                bookingId,
                BookingReference.of(bookingId),
                entry.accountId(),
                entry.status(),
                event,
                seats,
                labels,
                cost,
                view.bookedAt(),
                cancelled ? List.of() : tickets(event, bookingId, seats, labels));
    }

    private static DomainException noSuchBooking() {
        return new DomainException(Refusal.Plain.NO_SUCH_BOOKING, "No such booking");
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }
}
