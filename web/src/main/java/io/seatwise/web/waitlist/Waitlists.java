package io.seatwise.web.waitlist;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookedSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.waitlist.AcceptOffer;
import io.seatwise.api.waitlist.FindWaitlistLengths;
import io.seatwise.api.waitlist.FindWaitlistOf;
import io.seatwise.api.waitlist.JoinWaitlist;
import io.seatwise.api.waitlist.LeaveWaitlist;
import io.seatwise.api.waitlist.WaitlistEntryId;
import io.seatwise.api.waitlist.WaitlistEntryView;
import io.seatwise.api.waitlist.WaitlistLength;
import io.seatwise.command.booking.BookingLedger;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * The waitlist as the pages and the API use it: one command to the event's seat map for each step, answered once it
 * is stored, and the read model for what people see. Every way of joining goes through {@link #join}, the one place
 * to add checks on who may join.
 */
@Service
public class Waitlists {

    /** How often accepting is tried again under a new booking id when the offered id's reference is taken. */
    static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final BookingLedger ledger;

    Waitlists(CommandGateway commands, QueryGateway queries, BookingLedger ledger) {
        this.commands = commands;
        this.queries = queries;
        this.ledger = ledger;
    }

    /** A place on a waitlist: its id and its position among those waiting, from 1. */
    record Joined(WaitlistEntryId entryId, int position) {}

    /** The booking accepting made. */
    record Accepted(BookingId bookingId, EventId eventId, BookedSeats seats) {}

    Joined join(String eventId, AccountId accountId, int count, String category) {
        var entryId = WaitlistEntryId.next();
        try {
            int position = commands.sendAndWait(
                    new JoinWaitlist(EventId.of(eventId), entryId, accountId, count, blankAsNone(category)));
            return new Joined(entryId, position);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event");
        }
    }

    void leave(String entryId, AccountId accountId) {
        var entry = WaitlistEntryId.of(entryId);
        commands.sendAndWait(new LeaveWaitlist(eventOf(entry), entry, accountId));
    }

    /**
     * Books the seats offered to the entry. The booking takes the id the offer named; should its reference be another
     * booking's (the ledger refuses it, about once in 26 trillion), it is made again under a new id.
     */
    Accepted accept(String entryId, AccountId accountId) {
        var entry = WaitlistEntryId.of(entryId);
        var eventId = eventOf(entry);
        BookingId bookingId = null;
        for (int attempt = 1; ; attempt++) {
            try {
                BookedSeats booked = commands.sendAndWait(new AcceptOffer(eventId, entry, accountId, bookingId));
                return new Accepted(bookingId == null ? BookingId.of(entry.value()) : bookingId, eventId, booked);
            } catch (RuntimeException failed) {
                if (attempt == ATTEMPTS || !referenceTaken(failed)) {
                    throw failed;
                }
                bookingId = BookingId.next();
            }
        }
    }

    public List<WaitlistEntryView> of(AccountId accountId) {
        return queries.query(new FindWaitlistOf(accountId), ResponseTypes.multipleInstancesOf(WaitlistEntryView.class))
                .join();
    }

    /** The open entries of each event's waitlist, for the admins. */
    public List<WaitlistLength> lengths() {
        return queries.query(new FindWaitlistLengths(), ResponseTypes.multipleInstancesOf(WaitlistLength.class))
                .join();
    }

    private EventId eventOf(WaitlistEntryId entry) {
        return ledger.eventOf(entry)
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_WAITLIST_ENTRY, "No such waitlist entry"));
    }

    private static String blankAsNone(String category) {
        return category == null || category.isBlank() ? null : category.strip();
    }

    private static boolean referenceTaken(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BookingLedger.ReferenceTaken) {
                return true;
            }
        }
        return false;
    }
}
