package io.seatwise.api.venue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The seats of a hall (SPEC §1): categories, and sections of labelled rows, each row a string of positions from the
 * audience's left to right, {@code .} for a gap and otherwise the code of the seat's category. Seats are numbered
 * 1..capacity in reading order (section by section, row by row, left to right, skipping gaps); that number is the
 * seat's identity everywhere. Within its row a seat has a display number counting seats only, from 1 at the left.
 *
 * <p>This is the one place that turns a seat number into its place ({@link #place(int)}) and its label ("Stalls, Row B,
 * Seat 5"). A layout is immutable and valid once constructed; only {@link #categories()} and {@link #sections()} are
 * stored, the index over them is rebuilt on reading (a few hundred rows at most).
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.NONE,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
public final class SeatLayout {

    public static final int MAX_ROWS = 200;
    public static final int MAX_SEATS_PER_ROW = 200;
    public static final int MAX_CAPACITY = 40_000;
    public static final int MAX_SECTIONS = 50;
    public static final int MAX_ROWS_IN_ALL = 500;
    public static final int MAX_POSITIONS_PER_ROW = 400;
    public static final int MAX_CATEGORIES = 20;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_ROW_LABEL_LENGTH = 10;
    public static final char GAP = '.';

    /** The section and category of a plain grid. */
    public static final String PLAIN_SECTION = "Main";

    public static final Category STANDARD = new Category("S", "Standard", Category.Kind.STANDARD);

    private final List<Category> categories;
    private final List<Section> sections;

    // the index: per row in reading order, its section, its first seat's number and its positions
    // by the code's character: codes are ASCII letters and digits, and rows are read a character at a time
    private final Category[] categoriesByCode = new Category[128];
    private final int[] rowSection;
    private final int[] rowFirstSeat;
    private final Row[] rows;
    private final int capacity;
    private final int widestRow;

    @JsonCreator
    public SeatLayout(
            @JsonProperty("categories") List<Category> categories, @JsonProperty("sections") List<Section> sections) {
        this.categories = LayoutChecks.categories(categories);
        this.sections = LayoutChecks.sections(sections);
        this.categories.forEach(category -> categoriesByCode[category.code().charAt(0)] = category);
        int rowCount = this.sections.stream()
                .mapToInt(section -> section.rows().size())
                .sum();
        if (rowCount > MAX_ROWS_IN_ALL) {
            throw LayoutChecks.invalid(
                    "a layout has at most " + MAX_ROWS_IN_ALL + " rows in all, this one has " + rowCount);
        }
        rowSection = new int[rowCount];
        rowFirstSeat = new int[rowCount];
        rows = new Row[rowCount];
        int row = 0;
        int seats = 0;
        int widest = 0;
        for (int s = 0; s < this.sections.size(); s++) {
            for (var r : this.sections.get(s).rows()) {
                for (char position : r.seats().toCharArray()) {
                    if (position != GAP && category(position) == null) {
                        throw LayoutChecks.invalid("row " + r.label() + " of "
                                + this.sections.get(s).name() + " has a seat of category " + position
                                + ", which the layout does not define");
                    }
                }
                rowSection[row] = s;
                rowFirstSeat[row] = seats + 1;
                rows[row] = r;
                seats += r.seatCount();
                widest = Math.max(widest, r.seats().length());
                row++;
            }
        }
        if (seats > MAX_CAPACITY) {
            throw LayoutChecks.invalid("a venue holds at most " + MAX_CAPACITY + " seats, this layout has " + seats);
        }
        capacity = seats;
        widestRow = widest;
    }

    /** A plain grid: one section "Main" of rows A, B, … with {@code seatsPerRow} standard seats each. */
    public static SeatLayout grid(int rows, int seatsPerRow) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new DomainException(
                    InvalidValue.outOfRange("rows", 1, MAX_ROWS),
                    "rows must be between 1 and " + MAX_ROWS + ", was " + rows);
        }
        if (seatsPerRow < 1 || seatsPerRow > MAX_SEATS_PER_ROW) {
            throw new DomainException(
                    InvalidValue.outOfRange("seatsPerRow", 1, MAX_SEATS_PER_ROW),
                    "seatsPerRow must be between 1 and " + MAX_SEATS_PER_ROW + ", was " + seatsPerRow);
        }
        if (rows * seatsPerRow > MAX_CAPACITY) {
            throw new DomainException(
                    InvalidValue.outOfRange("capacity", 1, MAX_CAPACITY),
                    "a venue holds at most " + MAX_CAPACITY + " seats, this layout has " + rows * seatsPerRow);
        }
        var seats = STANDARD.code().repeat(seatsPerRow);
        var gridRows = new ArrayList<Row>(rows);
        for (int row = 0; row < rows; row++) {
            gridRows.add(new Row(rowLabel(row), seats));
        }
        return new SeatLayout(List.of(STANDARD), List.of(new Section(PLAIN_SECTION, gridRows)));
    }

    /** Row labels of a plain grid run A..Z, then AA, AB, … like spreadsheet columns. */
    public static String rowLabel(int rowIndex) {
        var label = new StringBuilder();
        for (int n = rowIndex + 1; n > 0; n = (n - 1) / 26) {
            label.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return label.toString();
    }

    @JsonProperty("categories")
    public List<Category> categories() {
        return categories;
    }

    @JsonProperty("sections")
    public List<Section> sections() {
        return sections;
    }

    public int capacity() {
        return capacity;
    }

    public boolean contains(int seat) {
        return seat >= 1 && seat <= capacity;
    }

    /** How many rows the layout has in all sections. */
    public int rowCount() {
        return rows.length;
    }

    /** How many positions (seats and gaps) the longest row has. */
    public int widestRow() {
        return widestRow;
    }

    /** Whether this is a plain grid: one section, one standard category, rows of equal length without gaps. */
    public boolean plainGrid() {
        return sections.size() == 1
                && categories.size() == 1
                && categories.get(0).kind() == Category.Kind.STANDARD
                && capacity == rows.length * widestRow;
    }

    /** The category with the code, or null when the layout has none (or the text is no one-character code). */
    public Category category(String code) {
        return code == null || code.length() != 1 ? null : category(code.charAt(0));
    }

    /** The category with the code, or null when the layout has none. */
    public Category category(char code) {
        return code < categoriesByCode.length ? categoriesByCode[code] : null;
    }

    /** The rows of all sections in reading order; index {@code i} is the row that {@link #placedRow(int)} describes. */
    public PlacedRow placedRow(int rowIndex) {
        var section = sections.get(rowSection[rowIndex]);
        return new PlacedRow(rowIndex, rowSection[rowIndex], section.name(), rows[rowIndex], rowFirstSeat[rowIndex]);
    }

    /** The row (in reading order over all sections) that holds a seat. */
    public int rowIndexOf(int seat) {
        requireSeat(seat);
        // every row has a seat, so first seats ascend strictly
        int found = Arrays.binarySearch(rowFirstSeat, seat);
        return found >= 0 ? found : -found - 2;
    }

    /** Where a seat is: its section, row, display number and category. */
    public SeatPlace place(int seat) {
        var row = placedRow(rowIndexOf(seat));
        int index = seat - row.firstSeat();
        return new SeatPlace(
                seat, row.sectionName(), row.row().label(), index + 1, category(row.categoryCodeAt(index)));
    }

    /** The seat's label in English, such as "Stalls, Row B, Seat 5" (pages word it in their own language). */
    public String label(int seat) {
        return place(seat).label();
    }

    /** The category code of a seat. */
    public String categoryOf(int seat) {
        var row = placedRow(rowIndexOf(seat));
        return row.categoryCodeAt(seat - row.firstSeat());
    }

    private void requireSeat(int seat) {
        if (!contains(seat)) {
            throw new IllegalArgumentException("no seat " + seat + " in a layout of " + capacity);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeatLayout that && categories.equals(that.categories) && sections.equals(that.sections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(categories, sections);
    }

    @Override
    public String toString() {
        return "SeatLayout[" + sections.size() + " sections, " + rows.length + " rows, " + capacity + " seats]";
    }

    /** A kind of seat with a one-character code, a name and a kind (standard unless given). */
    public record Category(String code, String name, Kind kind) {

        public Category {
            kind = kind == null ? Kind.STANDARD : kind;
        }

        /** What a seat of the category is, beyond its price: the seat map treats wheelchair and companion apart. */
        public enum Kind {
            STANDARD,
            RESTRICTED,
            WHEELCHAIR,
            COMPANION;

            @com.fasterxml.jackson.annotation.JsonValue
            public String json() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }

            @JsonCreator
            public static Kind of(String json) {
                for (var kind : values()) {
                    if (kind.json().equals(json)) {
                        return kind;
                    }
                }
                throw LayoutChecks.invalid("a category's kind is standard, restricted, wheelchair or companion, not "
                        + LayoutChecks.quoted(json));
            }
        }

        /** Wheelchair spaces and companion seats are booked only when asked for. */
        public boolean special() {
            return kind == Kind.WHEELCHAIR || kind == Kind.COMPANION;
        }
    }

    public record Section(String name, List<Row> rows) {

        public Section {
            rows = rows == null ? null : List.copyOf(rows);
        }
    }

    /** A row: its label and its positions from the audience's left, {@code .} for a gap. */
    public record Row(String label, String seats) {

        public int seatCount() {
            int count = 0;
            for (int i = 0; i < seats.length(); i++) {
                if (seats.charAt(i) != GAP) {
                    count++;
                }
            }
            return count;
        }
    }
}
