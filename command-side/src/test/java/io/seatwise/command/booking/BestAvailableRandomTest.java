package io.seatwise.command.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.venue.PlacedRow;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Best available over many random halls (sections, gaps, every kind of category) and random booked states, against a
 * reference that tries every block by brute force; and the single-seat and companion rules for seats chosen at random,
 * against a reference that looks at every seat of every row. Every run starts from a new seed, printed first; a failure names
 * the seed of its hall, and {@code -DbestAvailable.seed=<seed>} runs exactly that hall first.
 */
class BestAvailableRandomTest {

    private static final int HALLS = 500;
    private static final List<Category> CATEGORIES = List.of(
            new Category("P", "Premium", Kind.STANDARD),
            new Category("S", "Standard", Kind.STANDARD),
            new Category("R", "Restricted view", Kind.RESTRICTED),
            new Category("W", "Wheelchair space", Kind.WHEELCHAIR),
            new Category("V", "Wheelchair space with a view", Kind.WHEELCHAIR),
            new Category("C", "Companion seat", Kind.COMPANION));

    @Test
    void bestAvailableAgreesWithTryingEveryBlock() {
        long base = Long.getLong("bestAvailable.seed", new Random().nextLong());
        System.out.println("BestAvailableRandomTest: first seed " + base);
        int blocksFound = 0;
        for (int i = 0; i < HALLS; i++) {
            long seed = base + i;
            try {
                blocksFound += checkHall(seed);
            } catch (AssertionError failure) {
                throw new AssertionError(
                        "Hall of seed " + seed + " (run again with -DbestAvailable.seed=" + seed + "): "
                                + failure.getMessage(),
                        failure);
            }
        }
        // the halls must be full enough to refuse some requests and free enough to grant many
        assertThat(blocksFound).isBetween(HALLS, HALLS * 2 * 6 * (CATEGORIES.size() + 1) - HALLS);
    }

    @Test
    void chosenSeatsStrandAndLackWheelchairSpacesAsTryingEverySeatSays() {
        long base = Long.getLong("bestAvailable.seed", new Random().nextLong());
        System.out.println("BestAvailableRandomTest, chosen seats: first seed " + base);
        for (int i = 0; i < HALLS; i++) {
            long seed = base + i;
            var random = new Random(seed);
            var layout = randomLayout(random);
            var unavailable = new BitSet();
            double fill = random.nextDouble();
            for (int seat = 1; seat <= layout.capacity(); seat++) {
                if (random.nextDouble() < fill) {
                    unavailable.set(seat);
                }
            }
            var free = new ArrayList<Integer>();
            for (int seat = 1; seat <= layout.capacity(); seat++) {
                if (!unavailable.get(seat)) {
                    free.add(seat);
                }
            }
            for (int tries = 0; tries < 20 && !free.isEmpty(); tries++) {
                java.util.Collections.shuffle(free, random);
                var chosen = List.copyOf(free.subList(0, 1 + random.nextInt(Math.min(free.size(), 6))));
                var situation = "seed " + seed + " (-DbestAvailable.seed=" + seed + "), seats " + chosen + " chosen in"
                        + describe(layout, unavailable, new BestAvailable(chosen.size(), null), true, Optional.empty());
                assertThat(SeatBlocks.stranded(layout, unavailable, chosen))
                        .as(situation)
                        .isEqualTo(Reference.stranded(layout, unavailable, chosen));
                assertThat(SeatBlocks.companionsWithoutWheelchair(layout, chosen))
                        .as(situation)
                        .isEqualTo(Reference.companionsWithoutWheelchair(layout, chosen));
            }
        }
    }

    /** Checks every count and category on one random hall in one random booked state; answers how many blocks. */
    private static int checkHall(long seed) {
        var random = new Random(seed);
        var layout = randomLayout(random);
        var unavailable = new BitSet();
        double fill = random.nextDouble();
        for (int seat = 1; seat <= layout.capacity(); seat++) {
            if (random.nextDouble() < fill) {
                unavailable.set(seat);
            }
        }
        int found = 0;
        var asked = new ArrayList<String>();
        asked.add(null);
        CATEGORIES.forEach(category -> asked.add(category.code()));
        for (boolean refuseSingles : new boolean[] {false, true}) {
            for (int count = 1; count <= 6; count++) {
                for (var category : asked) {
                    var wanted = new BestAvailable(count, category);
                    var before = (BitSet) unavailable.clone();
                    var actual = SeatBlocks.bestAvailable(layout, unavailable, wanted, refuseSingles);
                    var situation = describe(layout, unavailable, wanted, refuseSingles, actual);
                    assertThat(unavailable).as("unchanged, " + situation).isEqualTo(before);
                    assertThat(actual)
                            .as(situation)
                            .isEqualTo(Reference.best(layout, unavailable, wanted, refuseSingles));
                    if (actual.isPresent()) {
                        checkRules(layout, unavailable, wanted, refuseSingles, actual.get(), situation);
                        found++;
                    }
                }
            }
        }
        return found;
    }

    /** The rules of SPEC §1, checked one by one on the answer, so that a mistake shared with the reference shows. */
    private static void checkRules(
            SeatLayout layout,
            BitSet unavailable,
            BestAvailable wanted,
            boolean refuseSingles,
            List<Integer> seats,
            String situation) {
        assertThat(seats).as(situation).hasSize(wanted.count()).isSorted();
        int row = layout.rowIndexOf(seats.get(0));
        var placed = layout.placedRow(row);
        int firstPosition = Reference.positionOf(placed, seats.get(0));
        for (int i = 0; i < seats.size(); i++) {
            int seat = seats.get(i);
            assertThat(unavailable.get(seat))
                    .as("seat %d is available, %s", seat, situation)
                    .isFalse();
            assertThat(layout.rowIndexOf(seat))
                    .as("seat %d in one row, %s", seat, situation)
                    .isEqualTo(row);
            assertThat(Reference.positionOf(placed, seat))
                    .as("seat %d side by side with no gap, %s", seat, situation)
                    .isEqualTo(firstPosition + i);
            var kind = layout.category(layout.categoryOf(seat)).kind();
            if (wanted.category() == null) {
                assertThat(kind).as("seat %d unasked, %s", seat, situation).isIn(Kind.STANDARD, Kind.RESTRICTED);
            }
        }
        if (wanted.category() != null && layout.category(wanted.category()).kind() == Kind.WHEELCHAIR) {
            assertThat(seats)
                    .as("holds a wheelchair space, %s", situation)
                    .anyMatch(seat -> layout.categoryOf(seat).equals(wanted.category()));
        }
        assertThat(SeatBlocks.companionsWithoutWheelchair(layout, seats))
                .as(situation)
                .isEmpty();
        for (int front = 0; front < row; front++) {
            assertThat(Reference.candidates(layout, front, unavailable, wanted, refuseSingles))
                    .as("row %d in front has no block, %s", front, situation)
                    .isEmpty();
        }
        var stranded = SeatBlocks.stranded(layout, unavailable, seats);
        if (refuseSingles) {
            assertThat(stranded).as(situation).isEmpty();
        }
        if (!stranded.isEmpty()) {
            int distance = Reference.distance(placed, firstPosition, firstPosition + seats.size() - 1);
            assertThat(Reference.candidates(layout, row, unavailable, wanted, refuseSingles))
                    .as("no block of the same rank leaves none alone, %s", situation)
                    .noneMatch(block -> block.distance() == distance && !block.strands());
        }
    }

    private static SeatLayout randomLayout(Random random) {
        // each hall weighs the categories differently, so that some are full of wheelchair spaces and some have none
        var weights = random.doubles(CATEGORIES.size(), 0, 1).toArray();
        double gaps = random.nextDouble() * 0.4;
        var sections = new ArrayList<Section>();
        int sectionCount = 1 + random.nextInt(3);
        for (int s = 0; s < sectionCount; s++) {
            var rows = new ArrayList<Row>();
            int rowCount = 1 + random.nextInt(6);
            for (int r = 0; r < rowCount; r++) {
                var positions = new StringBuilder();
                int length = 1 + random.nextInt(random.nextBoolean() ? 8 : 24);
                for (int p = 0; p < length; p++) {
                    positions.append(random.nextDouble() < gaps ? SeatLayout.GAP : pick(random, weights));
                }
                if (positions.chars().allMatch(c -> c == SeatLayout.GAP)) {
                    positions.setCharAt(random.nextInt(length), pick(random, weights));
                }
                rows.add(new Row(SeatLayout.rowLabel(r), positions.toString()));
            }
            sections.add(new Section("Section " + s, rows));
        }
        return new SeatLayout(CATEGORIES, sections);
    }

    private static char pick(Random random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return CATEGORIES.get(i).code().charAt(0);
            }
        }
        return CATEGORIES.get(weights.length - 1).code().charAt(0);
    }

    private static String describe(
            SeatLayout layout,
            BitSet unavailable,
            BestAvailable wanted,
            boolean refuseSingles,
            Optional<List<Integer>> actual) {
        var drawing = new StringBuilder();
        for (int row = 0; row < layout.rowCount(); row++) {
            var placed = layout.placedRow(row);
            drawing.append("\n  ")
                    .append(placed.sectionName())
                    .append(' ')
                    .append(placed.row().label())
                    .append(": ");
            int seat = placed.firstSeat();
            for (char position : placed.positions().toCharArray()) {
                if (position == SeatLayout.GAP) {
                    drawing.append(position);
                } else {
                    drawing.append(unavailable.get(seat++) ? 'x' : position);
                }
            }
            drawing.append("  (seats ")
                    .append(placed.firstSeat())
                    .append("..")
                    .append(placed.lastSeat())
                    .append(')');
        }
        return wanted + (refuseSingles ? " refusing single seats" : " allowing single seats") + " gave " + actual
                + " in (x = unavailable)" + drawing;
    }

    /** Best available by brute force: every block of every row, ranked as SPEC §1 says. */
    static final class Reference {

        record Block(int row, int start, int end, int distance, boolean strands, List<Integer> seats) {}

        static Optional<List<Integer>> best(
                SeatLayout layout, BitSet unavailable, BestAvailable wanted, boolean refuseSingles) {
            for (int row = 0; row < layout.rowCount(); row++) {
                var best = candidates(layout, row, unavailable, wanted, refuseSingles).stream()
                        .min(Comparator.comparingInt(Block::distance)
                                .thenComparing(Block::strands)
                                .thenComparingInt(Block::start));
                if (best.isPresent()) {
                    return Optional.of(best.get().seats());
                }
            }
            return Optional.empty();
        }

        /** Every block of the row that the request may have, leaving out those that strand a seat when refused. */
        static List<Block> candidates(
                SeatLayout layout, int row, BitSet unavailable, BestAvailable wanted, boolean refuseSingles) {
            var placed = layout.placedRow(row);
            var positions = placed.positions();
            var blocks = new ArrayList<Block>();
            for (int start = 0; start + wanted.count() <= positions.length(); start++) {
                int end = start + wanted.count() - 1;
                var seats = new ArrayList<Integer>();
                boolean fits = true;
                boolean holdsAsked = false;
                for (int position = start; position <= end && fits; position++) {
                    char code = positions.charAt(position);
                    Integer seat = seatAt(placed, position);
                    fits = seat != null && !unavailable.get(seat) && allowed(layout, String.valueOf(code), wanted);
                    holdsAsked |= String.valueOf(code).equals(wanted.category());
                    seats.add(seat);
                }
                if (!fits) {
                    continue;
                }
                if (wanted.category() != null
                        && layout.category(wanted.category()).kind() == Kind.WHEELCHAIR
                        && !holdsAsked) {
                    continue;
                }
                var after = (BitSet) unavailable.clone();
                seats.forEach(after::set);
                var newlyAlone = new HashSet<>(alone(layout, placed, after));
                newlyAlone.removeAll(alone(layout, placed, unavailable));
                boolean strands = !newlyAlone.isEmpty();
                if (strands && refuseSingles) {
                    continue;
                }
                blocks.add(new Block(row, start, end, distance(placed, start, end), strands, List.copyOf(seats)));
            }
            return blocks;
        }

        /** The seats, ascending, that are alone in their rows once {@code chosen} are booked and were not before. */
        static List<Integer> stranded(SeatLayout layout, BitSet unavailable, List<Integer> chosen) {
            var after = (BitSet) unavailable.clone();
            chosen.forEach(after::set);
            var stranded = new java.util.TreeSet<Integer>();
            for (int row = 0; row < layout.rowCount(); row++) {
                var placed = layout.placedRow(row);
                var newlyAlone = alone(layout, placed, after);
                newlyAlone.removeAll(alone(layout, placed, unavailable));
                stranded.addAll(newlyAlone);
            }
            return List.copyOf(stranded);
        }

        /** The chosen companion seats, ascending, with no chosen wheelchair space in their row. */
        static List<Integer> companionsWithoutWheelchair(SeatLayout layout, List<Integer> chosen) {
            return chosen.stream()
                    .filter(seat -> kindOf(layout, seat) == Kind.COMPANION)
                    .filter(seat -> chosen.stream()
                            .noneMatch(other -> kindOf(layout, other) == Kind.WHEELCHAIR
                                    && layout.placedRow(layout.rowIndexOf(other))
                                            .equals(layout.placedRow(layout.rowIndexOf(seat)))))
                    .sorted()
                    .toList();
        }

        private static Kind kindOf(SeatLayout layout, int seat) {
            return layout.place(seat).category().kind();
        }

        private static boolean allowed(SeatLayout layout, String code, BestAvailable wanted) {
            var kind = layout.category(code).kind();
            if (wanted.category() == null) {
                return kind != Kind.WHEELCHAIR && kind != Kind.COMPANION;
            }
            var askedKind = layout.category(wanted.category()).kind();
            return switch (askedKind) {
                case COMPANION -> false; // a companion seat goes with a wheelchair space, never on its own
                case WHEELCHAIR -> code.equals(wanted.category()) || kind == Kind.COMPANION;
                default -> code.equals(wanted.category());
            };
        }

        /** The free seats of a row with no free seat right beside them. */
        /** Wheelchair spaces and companion seats are never counted as alone (SeatBlocks says why). */
        private static boolean special(SeatLayout layout, PlacedRow placed, int position) {
            return layout.category(String.valueOf(placed.positions().charAt(position)))
                    .special();
        }

        private static Set<Integer> alone(SeatLayout layout, PlacedRow placed, BitSet unavailable) {
            var alone = new HashSet<Integer>();
            int length = placed.positions().length();
            for (int position = 0; position < length; position++) {
                if (free(placed, position, unavailable)
                        && !special(layout, placed, position)
                        && !free(placed, position - 1, unavailable)
                        && !free(placed, position + 1, unavailable)) {
                    alone.add(seatAt(placed, position));
                }
            }
            return alone;
        }

        private static boolean free(PlacedRow placed, int position, BitSet unavailable) {
            if (position < 0 || position >= placed.positions().length()) {
                return false;
            }
            Integer seat = seatAt(placed, position);
            return seat != null && !unavailable.get(seat);
        }

        /** Twice the distance of the block's middle from the row's middle, both counted in positions. */
        static int distance(PlacedRow placed, int start, int end) {
            double rowMiddle = (placed.positions().length() - 1) / 2.0;
            double blockMiddle = (start + end) / 2.0;
            return (int) Math.round(2 * Math.abs(blockMiddle - rowMiddle));
        }

        /** The seat at a position, or null for a gap: seats are counted from the row's first, skipping gaps. */
        static Integer seatAt(PlacedRow placed, int position) {
            var positions = placed.positions();
            if (positions.charAt(position) == SeatLayout.GAP) {
                return null;
            }
            int seat = placed.firstSeat();
            for (int i = 0; i < position; i++) {
                if (positions.charAt(i) != SeatLayout.GAP) {
                    seat++;
                }
            }
            return seat;
        }

        static int positionOf(PlacedRow placed, int seat) {
            for (int position = 0; position < placed.positions().length(); position++) {
                if (Integer.valueOf(seat).equals(seatAt(placed, position))) {
                    return position;
                }
            }
            throw new IllegalArgumentException(
                    "seat " + seat + " is not in row " + placed.row().label());
        }
    }
}
