package io.seatwise.query.stats;

import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.venue.SeatLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A booking's seats and cents per category code of its event's layout, as the statistics add them when it is made and
 * take them out when it is cancelled. The cents are kept with the booking's row as text ("P=9000 S=2500", codes in
 * order), so that a cancellation takes out exactly what the booking added, whatever the event's prices are by then.
 */
final class CategorySplit {

    record Part(long seats, long cents) {

        Part plus(Part other) {
            return new Part(seats + other.seats, cents + other.cents);
        }
    }

    private final SortedMap<String, Part> parts;

    private CategorySplit(SortedMap<String, Part> parts) {
        this.parts = parts;
    }

    /**
     * What a booking cost per category: as it recorded it, or for a booking of revision 1, which recorded nothing,
     * its seats at the event's one price (such events have one category, so that is exact).
     */
    static CategorySplit of(SeatsBooked booking, SeatLayout layout, long pricePerSeatOfRevisionOne) {
        var parts = seats(booking.seats(), layout, booking.priced() ? 0 : pricePerSeatOfRevisionOne);
        if (booking.priced()) {
            booking.centsByCategory().forEach((code, cents) -> parts.merge(code, new Part(0, cents), Part::plus));
        }
        return new CategorySplit(parts);
    }

    /** The split of a booking's row: its seats counted by the layout, its cents as {@link #centsText()} wrote them. */
    static CategorySplit stored(List<Integer> seats, String cents, SeatLayout layout) {
        var parts = seats(seats, layout, 0);
        if (cents != null && !cents.isBlank()) {
            for (var part : cents.split(" ")) {
                int equals = part.indexOf('=');
                parts.merge(
                        part.substring(0, equals), new Part(0, Long.parseLong(part.substring(equals + 1))), Part::plus);
            }
        }
        return new CategorySplit(parts);
    }

    /** The seats of a row's {@code seats} column, numbers separated by spaces. */
    static List<Integer> seatNumbers(String seats) {
        return Arrays.stream(seats.split(" ")).map(Integer::valueOf).toList();
    }

    private static TreeMap<String, Part> seats(List<Integer> seats, SeatLayout layout, long centsPerSeat) {
        var parts = new TreeMap<String, Part>();
        for (int seat : seats) {
            parts.merge(layout.categoryOf(seat), new Part(1, centsPerSeat), Part::plus);
        }
        return parts;
    }

    Map<String, Part> parts() {
        return parts;
    }

    CategorySplit negated() {
        var negated = new TreeMap<String, Part>();
        parts.forEach((code, part) -> negated.put(code, new Part(-part.seats(), -part.cents())));
        return new CategorySplit(negated);
    }

    long seats() {
        return parts.values().stream().mapToLong(Part::seats).sum();
    }

    long cents() {
        return parts.values().stream().mapToLong(Part::cents).sum();
    }

    /** The cents per category as the booking's row keeps them and the CSV shows them: "P=9000 S=2500". */
    String centsText() {
        return parts.entrySet().stream()
                .map(part -> part.getKey() + "=" + part.getValue().cents())
                .collect(Collectors.joining(" "));
    }
}
