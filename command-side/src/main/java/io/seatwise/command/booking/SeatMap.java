package io.seatwise.command.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.booking.Admission;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookedSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.CancelBooking;
import io.seatwise.api.booking.CheckInTicket;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.booking.TicketCheckedIn;
import io.seatwise.api.event.CancelEvent;
import io.seatwise.api.event.EditEvent;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventChanges;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import java.time.Clock;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The seats of one event: the only place where a booking is decided, and cancelled. One bit per seat keeps even a
 * 40,000-seat map at 5 KB, so it stays cached and its snapshots stay small; each booking is remembered by its id with
 * no more than cancelling needs.
 *
 * <p>Revision 2 holds the whole layout, the prices and the single-seat rule; snapshots of revision 1 are passed over
 * (Axon's revision snapshot filter, configured from this class's {@code @Revision}) and the map is read from its
 * events instead. Revision 3 adds what the event's life leaves ({@link EventLife}): cancelled, and the bookings
 * that a reschedule lets be cancelled until the start; and the tickets
 * admitted at the door ({@link CheckIns}). Revision 4 adds the limit of seats per account and the seats each account
 * holds ({@link AccountSeats}).
 */
@Revision("4")
@Aggregate(
        cache = "seatMapCache",
        snapshotTriggerDefinition = "seatMapSnapshotTrigger",
        snapshotFilter = "seatMapSnapshotFilter")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class SeatMap {

    @AggregateIdentifier
    private EventId eventId;

    private SeatLayout layout;
    private Instant startsAt;
    // sorted, so that a snapshot writes them in one order and reads them back as the same kind of map
    private SortedMap<String, Long> prices;
    private SingleSeatRule singleSeatRule;
    /** Seats one account may hold at once; 0 for no limit. */
    private int maxSeatsPerAccount;

    @JsonSerialize(converter = BitSets.ToWords.class)
    @JsonDeserialize(converter = BitSets.FromWords.class)
    private BitSet booked = new BitSet();

    /** Booking id to booking. A map rather than a list, as a sold-out arena may hold tens of thousands. */
    private Map<String, Booking> bookings = new HashMap<>();

    private EventLife life = new EventLife();

    private CheckIns checkIns = new CheckIns();

    private AccountSeats accountSeats = new AccountSeats();

    protected SeatMap() {}

    /** Created by the venue that schedules the event. */
    public SeatMap(EventScheduled scheduled) {
        apply(scheduled);
    }

    /**
     * Books the chosen seats, or the best available block, all or nothing. The checks run in the order a booker can
     * act on them: the request itself, the event's start, the seats the account may hold, taken seats, then the rules
     * of where seats lie. Answers with the seats booked, ascending.
     */
    @CommandHandler
    BookedSeats handle(BookSeats command, BookingRules rules, Clock clock) {
        if (command.bestAvailable() != null && command.seats() != null) {
            throw new DomainException(
                    Refusal.Plain.SEATS_AND_BEST_AVAILABLE, "Choose seats or ask for the best available, not both");
        }
        var wanted = command.bestAvailable();
        List<Integer> seats = wanted == null ? SeatRequests.checkedSeats(command.seats(), layout, rules) : List.of();
        if (wanted != null) {
            SeatRequests.checkWanted(wanted, layout, rules);
        }
        life.checkBookable();
        if (!clock.instant().isBefore(startsAt)) {
            throw new DomainException(
                    Refusal.Plain.EVENT_STARTED, "The event has already started; its seats can no longer be booked");
        }
        accountSeats.checkLimit(
                command.accountId(), wanted == null ? seats.size() : wanted.count(), maxSeatsPerAccount);
        if (wanted != null) {
            seats = SeatBlocks.bestAvailable(layout, booked, wanted, singleSeatRule == SingleSeatRule.REFUSE)
                    .orElseThrow(() -> new DomainException(
                            new Refusal.NoAdjacentBlock(wanted.count(), wanted.category()),
                            "No " + wanted.count() + " seats side by side"
                                    + (wanted.category() == null ? "" : " of category " + wanted.category())
                                    + " are free"));
        }
        var unavailable = seats.stream().filter(booked::get).toList();
        if (!unavailable.isEmpty()) {
            throw new DomainException(
                    new Refusal.SeatsUnavailable(unavailable), "Already booked: " + SeatRequests.describe(unavailable));
        }
        var companions = SeatBlocks.companionsWithoutWheelchair(layout, seats);
        if (!companions.isEmpty()) {
            throw new DomainException(
                    new Refusal.CompanionWithoutWheelchair(companions),
                    "A companion seat is booked together with a wheelchair space of its row: "
                            + SeatRequests.describe(companions));
        }
        if (singleSeatRule == SingleSeatRule.REFUSE) {
            var stranded = SeatBlocks.stranded(layout, booked, seats);
            if (!stranded.isEmpty()) {
                throw new DomainException(
                        new Refusal.SingleSeat(stranded),
                        "This event does not leave single seats; this booking would leave alone: "
                                + SeatRequests.describe(stranded));
            }
        }
        apply(new SeatsBooked(
                eventId, command.bookingId(), command.accountId(), seats, clock.instant(), centsByCategory(seats)));
        return BookedSeats.of(layout, seats);
    }

    /** What the seats cost now, per category. */
    private Map<String, Long> centsByCategory(List<Integer> seats) {
        var cents = new TreeMap<String, Long>();
        for (int seat : seats) {
            var category = layout.categoryOf(seat);
            cents.merge(category, prices.get(category), Long::sum);
        }
        return cents;
    }

    @CommandHandler
    void handle(CancelBooking command, BookingRules rules, Clock clock) {
        var booking = bookings.get(command.bookingId().value());
        if (booking == null) {
            throw new DomainException(Refusal.Plain.NO_SUCH_BOOKING, "No such booking");
        }
        if (!booking.accountId().equals(command.accountId())) {
            throw new DomainException(Refusal.Plain.NOT_YOUR_BOOKING, "This booking is not yours");
        }
        if (booking.cancelled()) {
            throw new DomainException(Refusal.Plain.ALREADY_CANCELLED, "This booking is already cancelled");
        }
        var cancellableUntil = life.cancellableUntil(command.bookingId(), startsAt, rules);
        if (clock.instant().isAfter(cancellableUntil)) {
            throw new DomainException(
                    new Refusal.TooLateToCancel(cancellableUntil, rules.cancellationCutoff()),
                    "Bookings can be cancelled until " + SeatRequests.describe(rules.cancellationCutoff())
                            + " before the event starts; this one could be cancelled until " + cancellableUntil);
        }
        apply(new SeatsReleased(
                eventId, command.bookingId(), command.accountId(), booking.seatList(), clock.instant()));
    }

    /** Edits and reschedules in one go, so that a change of both is stored together or not at all. */
    @CommandHandler
    EventChanges handle(EditEvent command, Clock clock) {
        life.checkChangeable(startsAt, clock.instant());
        var edited = EventLife.edit(command, layout, prices, maxSeatsPerAccount, clock.instant());
        var rescheduled = EventLife.reschedule(command, startsAt, clock.instant());
        Stream.of(edited, rescheduled).filter(Objects::nonNull).forEach(AggregateLifecycle::apply);
        return new EventChanges(edited, rescheduled);
    }

    /** Admits a ticket at the door once; see {@link CheckIns} for the refusals. */
    @CommandHandler
    Admission handle(CheckInTicket command, Clock clock) {
        var admitted = checkIns.admit(command, bookings.get(command.bookingId().value()), clock.instant());
        apply(admitted);
        return new Admission(admitted, layout.label(admitted.seat()));
    }

    /** Calls the event off: first the cancellation, then the release of every booking that stood, oldest id first. */
    @CommandHandler
    void handle(CancelEvent command, Clock clock) {
        life.checkChangeable(startsAt, clock.instant());
        apply(new EventCancelled(eventId, EventLife.reason(command), clock.instant()));
        standing().forEach(id -> {
            var booking = bookings.get(id);
            apply(new SeatsReleased(
                    eventId, BookingId.of(id), booking.accountId(), booking.seatList(), clock.instant()));
        });
    }

    private List<String> standing() {
        return bookings.entrySet().stream()
                .filter(entry -> !entry.getValue().cancelled())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @EventSourcingHandler
    void on(EventScheduled event) {
        eventId = event.eventId();
        layout = event.layout();
        startsAt = event.startsAt();
        prices = new TreeMap<>(event.prices());
        singleSeatRule = event.singleSeatRule();
        maxSeatsPerAccount = event.maxSeatsPerAccount();
    }

    @EventSourcingHandler
    void on(SeatsBooked event) {
        event.seats().forEach(booked::set);
        bookings.put(event.bookingId().value(), Booking.of(event));
        accountSeats.booked(event.accountId(), event.seats().size());
    }

    @EventSourcingHandler
    void on(EventEdited event) {
        if (event.prices() != null) {
            prices = new TreeMap<>(event.prices());
        }
        if (event.maxSeatsPerAccount() != null) {
            maxSeatsPerAccount = event.maxSeatsPerAccount();
        }
    }

    @EventSourcingHandler
    void on(EventRescheduled event) {
        startsAt = event.startsAt();
        life.rescheduled(standing());
    }

    @EventSourcingHandler
    void on(EventCancelled event) {
        life.cancelled(event.reason());
    }

    @EventSourcingHandler
    void on(SeatsReleased event) {
        life.released(event.bookingId());
        event.seats().forEach(booked::clear);
        bookings.computeIfPresent(event.bookingId().value(), (id, booking) -> booking.cancel());
        checkIns.forget(event.seats());
        accountSeats.released(event.accountId(), event.seats().size());
    }

    @EventSourcingHandler
    void on(TicketCheckedIn event) {
        checkIns.add(event.seat(), event.checkedInAt());
    }
}
