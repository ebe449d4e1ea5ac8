package io.seatwise.api.venue;

/**
 * A venue with its layout. {@code rows} counts the rows of all sections and {@code seatsPerRow} is the longest row's
 * positions (for a plain grid, exactly the grid's two sides).
 */
public record VenueView(VenueId id, String name, String city, SeatLayout layout) {

    public int rows() {
        return layout.rowCount();
    }

    public int seatsPerRow() {
        return layout.widestRow();
    }

    public int capacity() {
        return layout.capacity();
    }
}
