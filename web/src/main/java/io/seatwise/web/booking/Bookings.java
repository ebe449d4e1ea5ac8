package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookedSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.booking.BookingView;
import io.seatwise.api.booking.CancelBooking;
import io.seatwise.api.booking.FindBookingsOf;
import io.seatwise.api.event.EventId;
import io.seatwise.command.booking.BookingLedger;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Booking and cancelling as the pages and the API do it: one command to the event's seat map, answered once it is
 * stored.
 */
@Service
class Bookings {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final BookingLedger ledger;
    private final BookingIds ids;

    Bookings(CommandGateway commands, QueryGateway queries, BookingLedger ledger, BookingIds ids) {
        this.commands = commands;
        this.queries = queries;
        this.ledger = ledger;
        this.ids = ids;
    }

    /** A booking as stored: its id, its seats ascending and their labels. */
    record Booked(BookingId bookingId, List<Integer> seats, List<String> labels) {

        BookingReference reference() {
            return BookingReference.of(bookingId);
        }
    }

    /** How often a booking is made again under a new id when its reference is taken: far more than ever needed. */
    static final int ATTEMPTS = 3;

    /**
     * Books the given seats, or (with {@code seats} null) the best available block that {@code wanted} describes. A
     * booking whose reference another booking has (the ledger refuses it, about once in 26 trillion) is made again
     * under a new id.
     */
    Booked book(String eventId, AccountId accountId, List<Integer> seats, BestAvailable wanted) {
        for (int attempt = 1; ; attempt++) {
            var bookingId = ids.next();
            try {
                BookedSeats booked =
                        commands.sendAndWait(new BookSeats(EventId.of(eventId), bookingId, accountId, seats, wanted));
                return new Booked(bookingId, booked.seats(), booked.labels());
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                // the id of a venue or a review names no seat map either, though Axon finds events stored under it
                throw new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event");
            } catch (RuntimeException failed) {
                if (attempt == ATTEMPTS || !referenceTaken(failed)) {
                    throw failed;
                }
            }
        }
    }

    private static boolean referenceTaken(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BookingLedger.ReferenceTaken) {
                return true;
            }
        }
        return false;
    }

    /** Cancels on behalf of the account; the seat map decides whether it may, once the ledger has named the event. */
    void cancel(String bookingId, AccountId accountId) {
        var booking = BookingId.of(bookingId);
        var eventId = ledger.eventOf(booking)
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_BOOKING, "No such booking"));
        commands.sendAndWait(new CancelBooking(eventId, booking, accountId));
    }

    List<BookingView> of(AccountId accountId) {
        return queries.query(new FindBookingsOf(accountId), ResponseTypes.multipleInstancesOf(BookingView.class))
                .join();
    }
}
