package io.seatwise.command.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.Refusal;
import io.seatwise.api.SeatsUnknownOrRepeated;
import io.seatwise.api.TooManySeats;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.venue.SeatLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The checks of a booking's chosen seats that need only the layout and the rules, not what is booked. */
final class SeatRequests {

    private SeatRequests() {}

    /**
     * The seats a booking chose, checked as {@link #checkedSeats} checks them, or none when it asks for the best
     * available instead (its count and category checked as {@link #checkWanted} checks them); a booking that does both
     * is refused.
     */
    static List<Integer> checked(BookSeats command, SeatLayout layout, BookingRules rules) {
        if (command.bestAvailable() != null && command.seats() != null) {
            throw new DomainException(
                    Refusal.Plain.SEATS_AND_BEST_AVAILABLE, "Choose seats or ask for the best available, not both");
        }
        if (command.bestAvailable() != null) {
            checkWanted(command.bestAvailable(), layout, rules);
            return List.of();
        }
        return checkedSeats(command.seats(), layout, rules);
    }

    /** The requested seats, ascending, once it is sure that each exists and is named only once. */
    static List<Integer> checkedSeats(List<Integer> requested, SeatLayout layout, BookingRules rules) {
        if (requested == null || requested.isEmpty()) {
            throw new DomainException(Refusal.Plain.NO_SEATS_CHOSEN, "Choose at least one seat");
        }
        if (requested.size() > rules.maxSeatsPerBooking()) {
            throw new DomainException(
                    new TooManySeats(rules.maxSeatsPerBooking(), requested.size()),
                    "One booking holds at most " + rules.maxSeatsPerBooking() + " seats, " + requested.size()
                            + " were chosen");
        }
        if (requested.stream().anyMatch(Objects::isNull)) {
            throw new DomainException(Refusal.Plain.SEAT_NOT_A_NUMBER, "Seat numbers must be whole numbers, not null");
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
                    new SeatsUnknownOrRepeated(List.copyOf(unknown), List.copyOf(repeated), layout.capacity()),
                    Character.toUpperCase(message.charAt(0)) + message.substring(1));
        }
        return List.copyOf(new TreeSet<>(seen));
    }

    static String describe(Collection<Integer> seats) {
        return seats.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static void checkWanted(BestAvailable wanted, SeatLayout layout, BookingRules rules) {
        if (wanted.count() < 1 || wanted.count() > rules.maxSeatsPerBooking()) {
            throw new DomainException(
                    InvalidValue.outOfRange("count", 1, rules.maxSeatsPerBooking()),
                    "count must be between 1 and " + rules.maxSeatsPerBooking() + ", was " + wanted.count());
        }
        if (wanted.category() != null && layout.category(wanted.category()) == null) {
            throw new DomainException(
                    InvalidValue.of("category", InvalidValue.Rule.UNKNOWN_CATEGORY),
                    "This event has no seat category " + wanted.category());
        }
    }

    static String describe(Duration cutoff) {
        if (cutoff.toMinutes() % 60 == 0) {
            long hours = cutoff.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = cutoff.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
