package io.seatwise.api.booking;

import io.seatwise.api.venue.SeatLayout;
import java.util.List;

/** The seat map's answer to a booking: the seats booked, ascending, and their labels ("Stalls, Row B, Seat 5"). */
public record BookedSeats(List<Integer> seats, List<String> labels) {

    public static BookedSeats of(SeatLayout layout, List<Integer> seats) {
        return new BookedSeats(
                List.copyOf(seats), seats.stream().map(layout::label).toList());
    }
}
