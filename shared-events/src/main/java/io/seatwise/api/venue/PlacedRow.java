package io.seatwise.api.venue;

/**
 * A row in reading order over all sections, with the number of its first seat: its seats are numbered
 * {@code firstSeat .. firstSeat + seatCount - 1} from the left.
 */
public record PlacedRow(int index, int sectionIndex, String sectionName, SeatLayout.Row row, int firstSeat) {

    public int seatCount() {
        return row.seatCount();
    }

    public int lastSeat() {
        return firstSeat + seatCount() - 1;
    }

    public String positions() {
        return row.seats();
    }

    /** The category code of the row's seat with zero-based index {@code seatIndex} (counting seats only). */
    public String categoryCodeAt(int seatIndex) {
        var positions = row.seats();
        int seen = 0;
        for (int i = 0; i < positions.length(); i++) {
            if (positions.charAt(i) != SeatLayout.GAP && seen++ == seatIndex) {
                return String.valueOf(positions.charAt(i));
            }
        }
        throw new IllegalArgumentException("row " + row.label() + " has no seat " + (seatIndex + 1));
    }
}
