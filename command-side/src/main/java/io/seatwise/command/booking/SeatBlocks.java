package io.seatwise.command.booking;

import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.venue.PlacedRow;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The seat map's rules about where seats lie in their rows (SPEC §1): which seats a booking would leave alone, whose
 * companion seats lack a wheelchair space, and which block of seats is the best available. Pure functions of a layout
 * and the unavailable seats, so that the seat map decides them in the command that books.
 *
 * <p>Two seats are side by side when they are next to each other in one row with no gap between. A seat is left
 * alone when it is available and each of its sides is a gap, a row end or an unavailable seat.
 */
public final class SeatBlocks {

    private SeatBlocks() {}

    /**
     * The seats that booking {@code chosen} would leave alone in their rows, ascending. Only neighbours of the chosen
     * seats can become alone; a seat alone already is not the booking's doing and is not named.
     */
    public static List<Integer> stranded(SeatLayout layout, BitSet unavailable, Collection<Integer> chosen) {
        var after = (BitSet) unavailable.clone();
        chosen.forEach(after::set);
        var stranded = new TreeSet<Integer>();
        for (int seat : chosen) {
            var row = Positions.of(layout, layout.rowIndexOf(seat));
            int position = row.positionOf(seat);
            checkAlone(row, position - 1, after, stranded);
            checkAlone(row, position + 1, after, stranded);
        }
        return List.copyOf(stranded);
    }

    /** The chosen companion seats whose row has no wheelchair space among the chosen seats, ascending. */
    public static List<Integer> companionsWithoutWheelchair(SeatLayout layout, Collection<Integer> chosen) {
        var rowsWithWheelchair = new TreeSet<Integer>();
        for (int seat : chosen) {
            if (kindOf(layout, seat) == Kind.WHEELCHAIR) {
                rowsWithWheelchair.add(layout.rowIndexOf(seat));
            }
        }
        return chosen.stream()
                .filter(seat -> kindOf(layout, seat) == Kind.COMPANION)
                .filter(seat -> !rowsWithWheelchair.contains(layout.rowIndexOf(seat)))
                .sorted()
                .toList();
    }

    /**
     * The best block of {@code wanted.count()} available seats side by side, ascending, or empty when there is none:
     * the frontmost row (rows in reading order, so the first section's first row is the front), then the block whose
     * centre is nearest the row's centre, then one that leaves no seat alone, then the leftmost. Without a category,
     * only seats of standard and restricted kinds; with one, only seats of that category, and when it is a wheelchair
     * category also the companion seats beside its spaces (a block then holds at least one wheelchair space). With
     * {@code refuseSingles}, a block that would leave a seat alone is never chosen.
     */
    public static Optional<List<Integer>> bestAvailable(
            SeatLayout layout, BitSet unavailable, BestAvailable wanted, boolean refuseSingles) {
        var asked = wanted.category() == null ? null : layout.category(wanted.category());
        if (asked != null && asked.kind() == Kind.COMPANION) {
            // a companion seat goes with a wheelchair space, so companion seats alone are never a block
            return Optional.empty();
        }
        var usable = usableCodes(layout, asked);
        int count = wanted.count();
        for (int rowIndex = 0; rowIndex < layout.rowCount(); rowIndex++) {
            var row = layout.placedRow(rowIndex);
            int lastSeat = rowIndex + 1 < layout.rowCount()
                    ? layout.placedRow(rowIndex + 1).firstSeat() - 1
                    : layout.capacity();
            // most rows of a full house are passed over here, a word of the bit set at a time
            if (!hasFreeRun(unavailable, row.firstSeat(), lastSeat, count)) {
                continue;
            }
            var best = bestInRow(Positions.of(layout, row), usable, unavailable, count, asked, refuseSingles);
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    /**
     * Which category codes a block may hold, by character: without a category, those not of a special kind; with
     * one, that category, and for a wheelchair category also companion seats.
     */
    private static boolean[] usableCodes(SeatLayout layout, Category asked) {
        var usable = new boolean[128];
        for (var category : layout.categories()) {
            usable[category.code().charAt(0)] = asked == null
                    ? !category.special()
                    : category.code().equals(asked.code())
                            || (asked.kind() == Kind.WHEELCHAIR && category.kind() == Kind.COMPANION);
        }
        return usable;
    }

    /**
     * Whether seats {@code first..last} hold {@code count} available seats with consecutive numbers: a block can only
     * lie there, as seats side by side have consecutive numbers (the converse fails across a gap).
     */
    private static boolean hasFreeRun(BitSet unavailable, int first, int last, int count) {
        int free = unavailable.nextClearBit(first);
        while (free <= last) {
            int taken = unavailable.nextSetBit(free);
            int end = taken < 0 || taken > last ? last + 1 : taken;
            if (end - free >= count) {
                return true;
            }
            free = unavailable.nextClearBit(end);
        }
        return false;
    }

    private static List<Integer> bestInRow(
            Positions row,
            boolean[] usableCodes,
            BitSet unavailable,
            int count,
            Category asked,
            boolean refuseSingles) {
        int length = row.length();
        // twice the distance from the row's centre, so that it stays a whole number
        int bestDistance = Integer.MAX_VALUE;
        boolean bestStrands = true;
        int bestStart = -1;
        int runStart = 0;
        for (int position = 0; position <= length; position++) {
            boolean usable =
                    position < length && row.freeSeat(position, unavailable) && usableCodes[row.codeAt(position)];
            if (usable) {
                continue;
            }
            // positions runStart .. position - 1 are usable: every block of count seats in them is a candidate
            for (int start = runStart; start + count <= position; start++) {
                int end = start + count - 1;
                if (asked != null && asked.kind() == Kind.WHEELCHAIR && !holdsCategory(row, start, end, asked)) {
                    continue;
                }
                int distance = Math.abs(start + end - (length - 1));
                if (distance > bestDistance) {
                    continue;
                }
                boolean strands = leavesAlone(row, start, end, unavailable);
                if (strands && refuseSingles) {
                    continue;
                }
                if (distance < bestDistance || (bestStrands && !strands)) {
                    bestDistance = distance;
                    bestStrands = strands;
                    bestStart = start;
                }
            }
            runStart = position + 1;
        }
        if (bestStart < 0) {
            return null;
        }
        var seats = new ArrayList<Integer>(count);
        for (int position = bestStart; position < bestStart + count; position++) {
            seats.add(row.seatAt(position));
        }
        return seats;
    }

    private static boolean holdsCategory(Positions row, int start, int end, Category asked) {
        for (int position = start; position <= end; position++) {
            if (row.codeAt(position) == asked.code().charAt(0)) {
                return true;
            }
        }
        return false;
    }

    /** Whether taking positions {@code start..end} leaves the seat just left or just right of them alone. */
    private static boolean leavesAlone(Positions row, int start, int end, BitSet unavailable) {
        return aloneAfter(row, start - 1, start, end, unavailable) || aloneAfter(row, end + 1, start, end, unavailable);
    }

    private static boolean aloneAfter(Positions row, int position, int start, int end, BitSet unavailable) {
        if (!row.strandable(position, unavailable)) {
            return false;
        }
        boolean leftFree = position - 1 < start || position - 1 > end ? row.freeSeat(position - 1, unavailable) : false;
        boolean rightFree =
                position + 1 < start || position + 1 > end ? row.freeSeat(position + 1, unavailable) : false;
        return !leftFree && !rightFree;
    }

    private static void checkAlone(Positions row, int position, BitSet unavailable, TreeSet<Integer> stranded) {
        if (row.strandable(position, unavailable)
                && !row.freeSeat(position - 1, unavailable)
                && !row.freeSeat(position + 1, unavailable)) {
            stranded.add(row.seatAt(position));
        }
    }

    private static Kind kindOf(SeatLayout layout, int seat) {
        return layout.category(layout.categoryOf(seat)).kind();
    }

    /** One row by position: the seat number at each position (0 for a gap) and its category code. */
    private record Positions(PlacedRow row, int[] seats, boolean[] special) {

        static Positions of(SeatLayout layout, int rowIndex) {
            return of(layout, layout.placedRow(rowIndex));
        }

        static Positions of(SeatLayout layout, PlacedRow row) {
            var positions = row.positions();
            var seats = new int[positions.length()];
            var special = new boolean[positions.length()];
            int next = row.firstSeat();
            for (int i = 0; i < seats.length; i++) {
                char code = positions.charAt(i);
                if (code != SeatLayout.GAP) {
                    seats[i] = next++;
                    special[i] = layout.category(code).special();
                }
            }
            return new Positions(row, seats, special);
        }

        /**
         * Whether the position holds an available seat that a booking can leave alone. Wheelchair spaces and companion
         * seats never count: they go to those who need them, one at a time, and a companion seat is only ever sold
         * with a wheelchair space, so a wheelchair user booking a space alone must not be refused for the seat beside.
         */
        boolean strandable(int position, BitSet unavailable) {
            return freeSeat(position, unavailable) && !special[position];
        }

        int length() {
            return seats.length;
        }

        int seatAt(int position) {
            return seats[position];
        }

        char codeAt(int position) {
            return row.positions().charAt(position);
        }

        int positionOf(int seat) {
            for (int i = 0; i < seats.length; i++) {
                if (seats[i] == seat) {
                    return i;
                }
            }
            throw new IllegalArgumentException(
                    "seat " + seat + " is not in row " + row.row().label());
        }

        /** Whether the position holds a seat that is available; positions beyond the row's ends hold none. */
        boolean freeSeat(int position, BitSet unavailable) {
            return position >= 0
                    && position < seats.length
                    && seats[position] != 0
                    && !unavailable.get(seats[position]);
        }
    }
}
