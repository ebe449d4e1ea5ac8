package io.seatwise.web.page;

import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A seat map laid out for a page, as the hall's layout has it: sections in order, rows with their gaps, seats with
 * their categories and prices. A map of up to {@value #WHOLE_MAP_UP_TO} seats is shown whole; a bigger one is cut into
 * blocks, each within one section of the layout and at most {@value #MAX_BLOCK_ROWS} rows by
 * {@value #MAX_BLOCK_COLUMNS} positions, and the page shows one block's seats and an overview of all blocks. A
 * 40,000-seat grid is then 50 blocks of 800 seats, and its page carries 800 seat controls instead of 40,000.
 *
 * @param booked the booked seats, bit {@code n} for seat {@code n}
 * @param held the seats held for waitlist offers, in the same form
 * @param selected the seats the person has chosen (shown selected unless booked meanwhile)
 * @param categories the layout's categories with their prices, in the layout's order
 * @param blocks every block of the map (one for a map shown whole)
 * @param shown the block shown
 */
public record SeatMapModel(
        SeatLayout layout,
        BitSet booked,
        int bookedCount,
        Set<Integer> selected,
        List<PricedCategory> categories,
        List<Block> blocks,
        Block shown,
        BitSet held) {

    public static final int WHOLE_MAP_UP_TO = 2_000;
    public static final int MAX_BLOCK_ROWS = 20;
    public static final int MAX_BLOCK_COLUMNS = 40;

    /** Colours the stylesheet has for categories ({@code sw-cat-0} ..); more categories reuse them with their kind. */
    static final int CATEGORY_COLOURS = 8;

    /** A category of the layout with its price and the classes that draw its seats. */
    public record PricedCategory(String code, String name, Kind kind, long cents, String styleClass) {

        /** Wheelchair spaces and companion seats: never part of "any" in best available. */
        public boolean special() {
            return kind == Kind.WHEELCHAIR || kind == Kind.COMPANION;
        }

        public String kindName() {
            return kind.json();
        }
    }

    /**
     * A block of seats: rows {@code firstRow..lastRow} (zero-based over all sections, inclusive, all of one section)
     * and positions {@code firstColumn..lastColumn} (one-based, inclusive) of each; {@code number} counts from 1 for
     * addresses ({@code ?block=3}). The one block of a map shown whole spans every section ({@code section} -1).
     */
    public record Block(
            int number,
            int section,
            String sectionName,
            int rowBand,
            int firstRow,
            int lastRow,
            int firstColumn,
            int lastColumn,
            int capacity,
            int available) {

        public boolean whole() {
            return section < 0;
        }

        /** 0..4, a coarse share of free seats that the overview shows as a fill pattern. */
        public int fillLevel() {
            return available == 0 ? 0 : 1 + (int) Math.min(3, (long) available * 4 / (capacity + 1));
        }

        boolean contains(SeatLayout layout, int seat) {
            int row = layout.rowIndexOf(seat);
            int column = columnOf(layout, seat);
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }
    }

    public boolean sectioned() {
        return blocks.size() > 1;
    }

    public int capacity() {
        return layout.capacity();
    }

    /** What the chosen seats that are still free cost together, each at its category's price. */
    public long selectedCents() {
        var prices = new java.util.HashMap<String, Long>();
        categories.forEach(category -> prices.put(category.code(), category.cents()));
        return selected.stream()
                .filter(seat -> layout.contains(seat) && !booked.get(seat))
                .mapToLong(seat -> prices.getOrDefault(layout.categoryOf(seat), 0L))
                .sum();
    }

    public boolean anySelected() {
        return selected.stream().anyMatch(seat -> layout.contains(seat) && !booked.get(seat));
    }

    /** The blocks of each section of the layout, each section's as bands of rows, for the overview. */
    public List<List<List<Block>>> blocksBySectionAndBand() {
        var sections = new ArrayList<List<List<Block>>>();
        Block previous = null;
        for (var block : blocks) {
            if (previous == null || previous.section() != block.section()) {
                sections.add(new ArrayList<>());
            }
            var bands = sections.get(sections.size() - 1);
            if (previous == null || previous.section() != block.section() || previous.rowBand() != block.rowBand()) {
                bands.add(new ArrayList<>());
            }
            bands.get(bands.size() - 1).add(block);
            previous = block;
        }
        return sections;
    }

    /**
     * The map with the requested block shown (numbered from 1), or else the block of the requested seat, or of the
     * first selected seat, or else the first block.
     */
    public static SeatMapModel of(
            SeatAvailability availability,
            Map<String, Long> prices,
            Set<Integer> selected,
            Integer requestedBlock,
            Integer requestedSeat) {
        var layout = availability.layout();
        var booked = availability.bookedSeats();
        var blocks = blocks(layout, booked);
        Block shown;
        if (requestedBlock != null && requestedBlock >= 1 && requestedBlock <= blocks.size()) {
            shown = blocks.get(requestedBlock - 1);
        } else {
            var seat = requestedSeat != null && layout.contains(requestedSeat)
                    ? Optional.of(requestedSeat)
                    : selected.stream().filter(layout::contains).min(Integer::compare);
            shown = seat.flatMap(number -> blocks.stream()
                            .filter(block -> block.contains(layout, number))
                            .findFirst())
                    .orElse(blocks.get(0));
        }
        return new SeatMapModel(
                layout,
                booked,
                availability.bookedCount(),
                selected,
                categories(layout, prices),
                blocks,
                shown,
                availability.heldSeats());
    }

    private static List<PricedCategory> categories(SeatLayout layout, Map<String, Long> prices) {
        var categories = new ArrayList<PricedCategory>();
        for (var category : layout.categories()) {
            var style = "sw-cat-" + categories.size() % CATEGORY_COLOURS
                    + (category.kind() == Kind.STANDARD
                            ? ""
                            : " sw-" + category.kind().json());
            categories.add(new PricedCategory(
                    category.code(),
                    category.name(),
                    category.kind(),
                    prices == null ? 0L : prices.getOrDefault(category.code(), 0L),
                    style));
        }
        return categories;
    }

    private static List<Block> blocks(SeatLayout layout, BitSet booked) {
        if (layout.capacity() <= WHOLE_MAP_UP_TO) {
            var all = layout.capacity();
            return List.of(new Block(
                    1, -1, null, 0, 0, layout.rowCount() - 1, 1, layout.widestRow(), all, all - booked.cardinality()));
        }
        var blocks = new ArrayList<Block>();
        int firstRowOfSection = 0;
        for (int s = 0; s < layout.sections().size(); s++) {
            var section = layout.sections().get(s);
            int rows = section.rows().size();
            int width = section.rows().stream()
                    .mapToInt(row -> row.seats().length())
                    .max()
                    .orElse(1);
            int rowBands = ceilDiv(rows, MAX_BLOCK_ROWS);
            int columnBands = ceilDiv(width, MAX_BLOCK_COLUMNS);
            for (int rowBand = 0; rowBand < rowBands; rowBand++) {
                int firstRow = firstRowOfSection + rowBand * rows / rowBands;
                int lastRow = firstRowOfSection + (rowBand + 1) * rows / rowBands - 1;
                for (int columnBand = 0; columnBand < columnBands; columnBand++) {
                    int firstColumn = columnBand * width / columnBands + 1;
                    int lastColumn = (columnBand + 1) * width / columnBands;
                    int capacity = 0;
                    int taken = 0;
                    for (int row = firstRow; row <= lastRow; row++) {
                        var placed = layout.placedRow(row);
                        int from = placed.firstSeat() + seatsBefore(placed.positions(), firstColumn);
                        int count = seatsBefore(placed.positions(), lastColumn + 1) - (from - placed.firstSeat());
                        capacity += count;
                        taken += booked.get(from, from + count).cardinality();
                    }
                    if (capacity > 0) {
                        blocks.add(new Block(
                                blocks.size() + 1,
                                s,
                                section.name(),
                                rowBand,
                                firstRow,
                                lastRow,
                                firstColumn,
                                lastColumn,
                                capacity,
                                capacity - taken));
                    }
                }
            }
            firstRowOfSection += rows;
        }
        return blocks;
    }

    /** How many seats a row's positions have left of {@code column} (one-based). */
    static int seatsBefore(String positions, int column) {
        int seats = 0;
        for (int i = 0; i < Math.min(column - 1, positions.length()); i++) {
            if (positions.charAt(i) != SeatLayout.GAP) {
                seats++;
            }
        }
        return seats;
    }

    /** The position (one-based, counting gaps) of a seat in its row. */
    static int columnOf(SeatLayout layout, int seat) {
        var row = layout.placedRow(layout.rowIndexOf(seat));
        var positions = row.positions();
        int seatIndex = seat - row.firstSeat();
        for (int i = 0, seen = 0; i < positions.length(); i++) {
            if (positions.charAt(i) != SeatLayout.GAP && seen++ == seatIndex) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no seat " + seat);
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
