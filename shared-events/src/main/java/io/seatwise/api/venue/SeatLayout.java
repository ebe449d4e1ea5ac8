package io.seatwise.api.venue;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal.InvalidValue;

/**
 * A rectangular seat layout. Seats are numbered 1..capacity, row-major: seat 1 is row A, column 1; seat
 * {@code seatsPerRow + 1} is row B, column 1.
 */
public record SeatLayout(int rows, int seatsPerRow) {

    public static final int MAX_ROWS = 200;
    public static final int MAX_SEATS_PER_ROW = 200;
    public static final int MAX_CAPACITY = 40_000;

    public SeatLayout {
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
    }

    public int capacity() {
        return rows * seatsPerRow;
    }

    public boolean contains(int seat) {
        return seat >= 1 && seat <= capacity();
    }

    /** The zero-based row of a seat. */
    public int rowIndexOf(int seat) {
        return (seat - 1) / seatsPerRow;
    }

    /** The one-based position of a seat within its row. */
    public int columnOf(int seat) {
        return (seat - 1) % seatsPerRow + 1;
    }

    /** The seat at a zero-based row and one-based column. */
    public int seatAt(int rowIndex, int column) {
        return rowIndex * seatsPerRow + column;
    }

    /** Row labels run A..Z, then AA, AB, … like spreadsheet columns. */
    public static String rowLabel(int rowIndex) {
        var label = new StringBuilder();
        for (int n = rowIndex + 1; n > 0; n = (n - 1) / 26) {
            label.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return label.toString();
    }

    public String rowLabelOf(int seat) {
        return rowLabel(rowIndexOf(seat));
    }
}
