package io.seatwise.api.venue;

/** A seat's place: section name, row label, display number within its row, and category. */
public record SeatPlace(int seat, String section, String row, int number, SeatLayout.Category category) {

    public String label() {
        return section + ", Row " + row + ", Seat " + number;
    }
}
