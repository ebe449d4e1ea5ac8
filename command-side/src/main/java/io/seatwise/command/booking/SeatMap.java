package io.seatwise.command.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
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
import io.seatwise.api.event.Prices;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.waitlist.AcceptOffer;
import io.seatwise.api.waitlist.CloseWaitlist;
import io.seatwise.api.waitlist.ExpireOffer;
import io.seatwise.api.waitlist.JoinWaitlist;
import io.seatwise.api.waitlist.LeaveWaitlist;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.WaitlistClosed;
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
import org.axonframework.modelling.command.AggregateMember;
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
 * holds ({@link AccountSeats}); revision 5 the waitlist and the seats it holds ({@link Waitlist}).
 */
@Revision("5")
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

    /** Applies the waitlist's own events itself; the handlers here decide its commands with the seats. */
    @AggregateMember
    private Waitlist waitlist = new Waitlist();

    protected SeatMap() {}

    /** Created by the venue that schedules the event. */
    public SeatMap(EventScheduled scheduled) {
        apply(scheduled);
    }

    /**
     * Books the chosen seats, or the best available block, all or nothing, at today's prices. The checks run in the
     * order a booker can act on them: the request itself ({@link SeatRequests}), the event's start, the seats the
     * account may hold, then the seats themselves ({@link SeatChoice}: taken seats, then the rules of where seats lie).
     * Answers with the seats booked, ascending.
     */
    @CommandHandler
    BookedSeats handle(BookSeats command, BookingRules rules, Clock clock) {
        var chosen = SeatRequests.checked(command, layout, rules);
        life.checkBookable(startsAt, clock.instant());
        var wanted = command.bestAvailable();
        accountSeats.checkLimit(
                command.accountId(), wanted == null ? chosen.size() : wanted.count(), maxSeatsPerAccount);
        var seats = SeatChoice.seatsToBook(chosen, wanted, layout, unavailable(), refusesSingles());
        var cents = Prices.ofSeats(layout, prices, seats);
        apply(new SeatsBooked(eventId, command.bookingId(), command.accountId(), seats, clock.instant(), cents));
        return BookedSeats.of(layout, seats);
    }

    @CommandHandler
    void handle(CancelBooking command, BookingRules rules, Clock clock) {
        var booking = Booking.cancellableBy(bookings.get(command.bookingId().value()), command.accountId());
        life.checkCancellable(command.bookingId(), startsAt, rules, clock.instant());
        apply(new SeatsReleased(
                eventId, command.bookingId(), command.accountId(), booking.seatList(), clock.instant()));
        offerReleasedSeats(clock);
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
        applyIfAny(waitlist.close(eventId, WaitlistClosed.Reason.EVENT_CANCELLED, clock.instant()));
        standing().forEach(id -> {
            var booking = bookings.get(id);
            apply(new SeatsReleased(
                    eventId, BookingId.of(id), booking.accountId(), booking.seatList(), clock.instant()));
        });
    }

    /** Takes someone onto the waitlist who cannot be seated now; answers their position, from 1. */
    @CommandHandler
    int handle(JoinWaitlist command, BookingRules rules, WaitlistRules waitlistRules, Clock clock) {
        SeatRequests.checkWanted(new BookSeats.BestAvailable(command.count(), command.category()), layout, rules);
        life.checkBookable(startsAt, clock.instant());
        accountSeats.checkLimit(command.accountId(), command.count(), maxSeatsPerAccount);
        apply(waitlist.join(
                command, layout, unavailable(), refusesSingles(), waitlistRules, startsAt, clock.instant()));
        return waitlist.position(command.entryId());
    }

    @CommandHandler
    void handle(LeaveWaitlist command, Clock clock) {
        apply(waitlist.leave(command, clock.instant()));
        offerReleasedSeats(clock);
    }

    /** Books the seats held for the entry, as a booking of its account. */
    @CommandHandler
    BookedSeats handle(AcceptOffer command, Clock clock) {
        var offer = waitlist.acceptable(command, clock.instant());
        accountSeats.checkLimit(command.accountId(), offer.seats().size(), maxSeatsPerAccount);
        var bookingId = command.bookingId() == null ? offer.bookingId() : command.bookingId();
        var seats = offer.seats();
        var cents = Prices.ofSeats(layout, prices, seats);
        apply(new SeatsBooked(eventId, bookingId, command.accountId(), seats, clock.instant(), cents));
        apply(new OfferAccepted(eventId, command.entryId(), command.accountId(), bookingId, clock.instant()));
        return BookedSeats.of(layout, seats);
    }

    @CommandHandler
    void handle(ExpireOffer command, Clock clock) {
        if (applyIfAny(waitlist.expire(command, clock.instant()))) {
            offerReleasedSeats(clock);
        }
    }

    @CommandHandler
    void handle(CloseWaitlist command, Clock clock) {
        if (!clock.instant().isBefore(startsAt)) {
            applyIfAny(waitlist.close(eventId, WaitlistClosed.Reason.EVENT_STARTED, clock.instant()));
        }
    }

    /** Seats just released go to the waitlist first, in the same command, so nobody can book them in between. */
    private void offerReleasedSeats(Clock clock) {
        if (!life.cancelled()) {
            waitlist.offers(eventId, layout, booked, refusesSingles(), startsAt, clock.instant())
                    .forEach(AggregateLifecycle::apply);
        }
    }

    private boolean applyIfAny(Object event) {
        if (event != null) {
            apply(event);
        }
        return event != null;
    }

    /** Booked seats and the seats the waitlist holds: what no booking may take. */
    private BitSet unavailable() {
        return waitlist.unavailable(booked);
    }

    private boolean refusesSingles() {
        return singleSeatRule == SingleSeatRule.REFUSE;
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
