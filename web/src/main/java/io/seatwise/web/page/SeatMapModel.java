package io.seatwise.web.page;

import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.venue.SeatLayout;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A seat map laid out for a page. A map of up to {@value #WHOLE_MAP_UP_TO} seats is shown whole; a bigger one is cut
 * into sections of at most {@value #MAX_SECTION_ROWS} rows by {@value #MAX_SECTION_COLUMNS} seats, and the page shows
 * one section's seats and an overview of all sections. A 40,000-seat map is then 50 sections of 800 seats, and its
 * page carries 800 seat controls instead of 40,000.
 *
 * @param rows the rows of the section shown, each with its seats
 * @param sections every section, row band by row band (one section for a small map)
 * @param section the section shown
 */
public record SeatMapModel(
        int capacity, int booked, int seatsPerRow, List<Row> rows, List<List<Section>> sections, Section section) {

    public static final int WHOLE_MAP_UP_TO = 2_000;
    public static final int MAX_SECTION_ROWS = 20;
    public static final int MAX_SECTION_COLUMNS = 40;

    public record Row(String label, List<Seat> seats) {}

    /** {@code status} is one of the SPEC's hooks: available, booked or selected. */
    public record Seat(int number, int column, String status) {

        public boolean booked() {
            return "booked".equals(status);
        }

        public boolean selected() {
            return "selected".equals(status);
        }
    }

    /**
     * A block of seats: rows {@code firstRow..lastRow} (zero-based, inclusive) and seats {@code firstColumn..lastColumn}
     * (one-based, inclusive) of each; {@code number} counts from 1 for addresses ({@code ?section=3}).
     */
    public record Section(
            int number, int firstRow, int lastRow, int firstColumn, int lastColumn, int capacity, int available) {

        public String firstRowLabel() {
            return SeatLayout.rowLabel(firstRow);
        }

        public String lastRowLabel() {
            return SeatLayout.rowLabel(lastRow);
        }

        public boolean contains(SeatLayout layout, int seat) {
            int row = layout.rowIndexOf(seat);
            int column = layout.place(seat).number();
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }

        /** 0..4, a coarse share of free seats that the overview shows as a fill pattern. */
        public int fillLevel() {
            return available == 0 ? 0 : 1 + (int) Math.min(3, (long) available * 4 / (capacity + 1));
        }
    }

    public boolean sectioned() {
        return sections.size() > 1 || sections.get(0).size() > 1;
    }

    public int rowCount() {
        return capacity / seatsPerRow;
    }

    public int sectionCount() {
        return sections.stream().mapToInt(List::size).sum();
    }

    /**
     * The map with the requested section shown (numbered from 1), or else the section of the requested seat, or of the
     * first selected seat, or else the first section.
     */
    public static SeatMapModel of(
            SeatAvailability availability, Set<Integer> selected, Integer requestedSection, Integer requestedSeat) {
        var layout = availability.layout();
        var booked = availability.bookedSeats();
        var sections = sections(layout, booked);
        var all = sections.stream().flatMap(List::stream).toList();
        Section shown;
        if (requestedSection != null && requestedSection >= 1 && requestedSection <= all.size()) {
            shown = all.get(requestedSection - 1);
        } else {
            var seat = requestedSeat != null && layout.contains(requestedSeat)
                    ? Optional.of(requestedSeat)
                    : selected.stream().filter(layout::contains).min(Integer::compare);
            shown = seat.flatMap(number -> all.stream()
                            .filter(section -> section.contains(layout, number))
                            .findFirst())
                    .orElse(all.get(0));
        }
        var rows = new ArrayList<Row>(shown.lastRow() - shown.firstRow() + 1);
        for (int rowIndex = shown.firstRow(); rowIndex <= shown.lastRow(); rowIndex++) {
            var seats = new ArrayList<Seat>(shown.lastColumn() - shown.firstColumn() + 1);
            for (int column = shown.firstColumn(); column <= shown.lastColumn(); column++) {
                int number = seatAt(layout, rowIndex, column);
                var status = booked.get(number) ? "booked" : selected.contains(number) ? "selected" : "available";
                seats.add(new Seat(number, column, status));
            }
            rows.add(new Row(SeatLayout.rowLabel(rowIndex), seats));
        }
        return new SeatMapModel(
                layout.capacity(), availability.bookedCount(), layout.widestRow(), rows, sections, shown);
    }

    private static List<List<Section>> sections(SeatLayout layout, BitSet booked) {
        boolean whole = layout.capacity() <= WHOLE_MAP_UP_TO;
        int rowBands = whole ? 1 : ceilDiv(layout.rowCount(), MAX_SECTION_ROWS);
        int columnBands = whole ? 1 : ceilDiv(layout.widestRow(), MAX_SECTION_COLUMNS);
        var bands = new ArrayList<List<Section>>(rowBands);
        int number = 1;
        for (int rowBand = 0; rowBand < rowBands; rowBand++) {
            int firstRow = rowBand * layout.rowCount() / rowBands;
            int lastRow = (rowBand + 1) * layout.rowCount() / rowBands - 1;
            var band = new ArrayList<Section>(columnBands);
            for (int columnBand = 0; columnBand < columnBands; columnBand++) {
                int firstColumn = columnBand * layout.widestRow() / columnBands + 1;
                int lastColumn = (columnBand + 1) * layout.widestRow() / columnBands;
                int capacity = (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1);
                int taken = 0;
                for (int row = firstRow; row <= lastRow; row++) {
                    int from = seatAt(layout, row, firstColumn);
                    taken += booked.get(from, from + lastColumn - firstColumn + 1)
                            .cardinality();
                }
                band.add(new Section(number++, firstRow, lastRow, firstColumn, lastColumn, capacity, capacity - taken));
            }
            bands.add(band);
        }
        return bands;
    }

    // TODO(issue 14): sections and gaps of the layout; a grid until the page draws them
    private static int seatAt(SeatLayout layout, int rowIndex, int column) {
        return layout.placedRow(rowIndex).firstSeat() + column - 1;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
