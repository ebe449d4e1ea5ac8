package io.seatwise.command.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.venue.SeatLayout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The seats of one event: the only place where a booking is decided. One bit per seat keeps even a 40,000-seat map
 * at 5 KB, so it stays cached and its snapshots stay small.
 */
@Aggregate(cache = "seatMapCache", snapshotTriggerDefinition = "seatMapSnapshotTrigger")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class SeatMap {

    @AggregateIdentifier
    private EventId eventId;

    private SeatLayout layout;
    private Instant startsAt;

    @JsonSerialize(converter = BitSets.ToWords.class)
    @JsonDeserialize(converter = BitSets.FromWords.class)
    private BitSet booked = new BitSet();

    protected SeatMap() {}

    /** Created by the venue that schedules the event. */
    public SeatMap(EventScheduled scheduled) {
        apply(scheduled);
    }

    @CommandHandler
    void handle(BookSeats command, BookingRules rules, Clock clock) {
        var seats = checkedSeats(command.seats(), rules);
        if (!clock.instant().isBefore(startsAt)) {
            throw DomainException.conflict("The event has already started; its seats can no longer be booked");
        }
        var unavailable = seats.stream().filter(booked::get).toList();
        if (!unavailable.isEmpty()) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "Already booked: " + describe(unavailable),
                    Map.of("unavailableSeats", unavailable));
        }
        apply(new SeatsBooked(eventId, command.bookingId(), command.accountId(), seats, clock.instant()));
    }

    /** The requested seats, ascending, once it is sure that each exists and is named only once. */
    private List<Integer> checkedSeats(List<Integer> requested, BookingRules rules) {
        if (requested == null || requested.isEmpty()) {
            throw DomainException.invalid("Choose at least one seat");
        }
        if (requested.size() > rules.maxSeatsPerBooking()) {
            throw DomainException.invalid("One booking holds at most " + rules.maxSeatsPerBooking() + " seats, "
                    + requested.size() + " were chosen");
        }
        if (requested.stream().anyMatch(Objects::isNull)) {
            throw DomainException.invalid("Seat numbers must be whole numbers, not null");
        }
        var seen = new HashSet<Integer>();
        var repeated = new TreeSet<Integer>();
        var unknown = new TreeSet<Integer>();
        for (int seat : requested) {
            if (!layout.contains(seat)) {
                unknown.add(seat);
            } else if (!seen.add(seat)) {
                repeated.add(seat);
            }
        }
        if (!unknown.isEmpty() || !repeated.isEmpty()) {
            var problems = new ArrayList<String>();
            if (!unknown.isEmpty()) {
                problems.add("no such seat: " + describe(unknown) + " (this event has seats 1 to " + layout.capacity()
                        + ")");
            }
            if (!repeated.isEmpty()) {
                problems.add("chosen more than once: " + describe(repeated));
            }
            var message = String.join("; ", problems);
            throw new DomainException(
                    ErrorCode.INVALID,
                    Character.toUpperCase(message.charAt(0)) + message.substring(1),
                    Map.of("unknownSeats", List.copyOf(unknown), "repeatedSeats", List.copyOf(repeated)));
        }
        return List.copyOf(new TreeSet<>(seen));
    }

    private static String describe(Collection<Integer> seats) {
        return seats.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    @EventSourcingHandler
    void on(EventScheduled event) {
        eventId = event.eventId();
        layout = event.layout();
        startsAt = event.startsAt();
    }

    @EventSourcingHandler
    void on(SeatsBooked event) {
        event.seats().forEach(booked::set);
    }
}
