package io.seatwise.web.door;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.Admission;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.booking.CheckInTicket;
import io.seatwise.api.door.Attendance;
import io.seatwise.api.door.DoorList;
import io.seatwise.api.door.FindAttendance;
import io.seatwise.api.door.FindDoorList;
import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.account.AccountEntry;
import io.seatwise.command.booking.BookingLedger;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.ticket.TicketCodes;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Checking tickets in at the door, as the door page and the API do it: a ticket is named by its signed code or by its
 * booking's reference and a seat; the event's seat map admits it once, or refuses it.
 */
@Service
class Door {

    /** A ticket that a door asks about: a booking of an event, and one of its seats. */
    record Ticket(EventId eventId, BookingId bookingId, int seat) {}

    /** An admitted ticket, as the door shows it. */
    record Admitted(int seat, String label, String reference, String holder, Instant checkedInAt) {}

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final BookingLedger ledger;
    private final AccountDirectory accounts;
    private final Catalog catalog;
    private final TicketCodes tickets;

    Door(
            CommandGateway commands,
            QueryGateway queries,
            BookingLedger ledger,
            AccountDirectory accounts,
            Catalog catalog,
            TicketCodes tickets) {
        this.commands = commands;
        this.queries = queries;
        this.ledger = ledger;
        this.accounts = accounts;
        this.catalog = catalog;
        this.tickets = tickets;
    }

    /** The ticket that a scanned code names: refused as no ticket when it is malformed, forged or altered. */
    Ticket byCode(String code) {
        return tickets.read(code)
                .map(ticket -> new Ticket(ticket.eventId(), ticket.bookingId(), ticket.seat()))
                .orElseThrow(Door::invalidCode);
    }

    /** The ticket of a typed reference and seat; a reference that names no booking is no ticket. */
    Ticket byReference(String typed, int seat) {
        var entry = BookingReference.parse(typed).flatMap(ledger::bookingWith).orElseThrow(Door::invalidCode);
        return new Ticket(entry.eventId(), entry.bookingId(), seat);
    }

    /**
     * Admits the ticket at the event's door, or says why not. {@code at} is when a door that lost its connection
     * admitted it, null for now.
     */
    Admitted checkIn(String eventId, Ticket ticket, AccountId by, Instant at) {
        var event = known(eventId);
        if (!ticket.eventId().equals(event)) {
            throw new DomainException(Refusal.Plain.WRONG_EVENT, "This ticket is for another event");
        }
        Admission admission;
        try {
            admission = commands.sendAndWait(new CheckInTicket(event, ticket.bookingId(), ticket.seat(), by, at));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event");
        }
        // the label comes from the seat map, as the read side may not have an event scheduled a moment ago
        var admitted = admission.checkedIn();
        var reference = BookingReference.of(admitted.bookingId());
        return new Admitted(
                admitted.seat(), admission.label(), reference.toString(), holderOf(reference), admitted.checkedInAt());
    }

    Attendance attendance(String eventId) {
        return queries.query(new FindAttendance(known(eventId)), ResponseTypes.instanceOf(Attendance.class))
                .join();
    }

    /** The list a door keeps to admit guests without a connection, with the key that checks the tickets' codes. */
    DoorListResponse list(String eventId) {
        var event = known(eventId);
        var layout = layout(eventId);
        var list = queries.query(new FindDoorList(event), ResponseTypes.instanceOf(DoorList.class))
                .join();
        var bookings = list.bookings().stream()
                .map(entry -> new DoorListResponse.Booking(
                        BookingReference.of(BookingId.of(entry.bookingId())).toString(),
                        entry.bookingId(),
                        entry.holder(),
                        entry.seats(),
                        entry.seats().stream()
                                .map(seat -> layout.contains(seat) ? layout.label(seat) : "")
                                .toList(),
                        entry.checkedIn()))
                .toList();
        return new DoorListResponse(
                eventId,
                catalog.event(eventId).title(),
                Base64.getEncoder().encodeToString(tickets.publicKeySpki()),
                Instant.now(),
                bookings,
                list.cancelled().stream()
                        .map(id -> new DoorListResponse.Cancelled(
                                BookingReference.of(BookingId.of(id)).toString(), id))
                        .toList());
    }

    /** The booker's name; the ledger knows the booking by its reference, which follows from its id. */
    private String holderOf(BookingReference reference) {
        return ledger.bookingWith(reference)
                .map(BookingLedger.Entry::accountId)
                .flatMap(accounts::find)
                .map(AccountEntry::displayName)
                .orElse("");
    }

    private EventId known(String eventId) {
        var event = EventId.of(eventId);
        if (!ledger.knowsEvent(event)) {
            throw new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event");
        }
        return event;
    }

    private SeatLayout layout(String eventId) {
        return catalog.availability(eventId).layout();
    }

    private static DomainException invalidCode() {
        return new DomainException(Refusal.Plain.INVALID_CODE, "This is no ticket of this event");
    }

    /** The door's list as the API answers it; see {@code GET /api/events/{id}/door-list}. */
    record DoorListResponse(
            String eventId,
            String title,
            String publicKey,
            Instant loadedAt,
            List<Booking> bookings,
            List<Cancelled> cancelled) {

        record Cancelled(String reference, String bookingId) {}

        record Booking(
                String reference,
                String bookingId,
                String holder,
                List<Integer> seats,
                List<String> labels,
                List<Integer> checkedIn) {}
    }
}
