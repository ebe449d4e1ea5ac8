package io.seatwise.web.page;

import io.seatwise.api.booking.SeatMapView;
import io.seatwise.api.venue.SeatLayout;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/** A seat map laid out for a page: rows of seats, each with its number, column and status. */
public record SeatMapModel(List<Row> rows, int capacity, int booked) {

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

    public static SeatMapModel of(SeatMapView view, Set<Integer> selected) {
        var layout = new SeatLayout(view.rows(), view.seatsPerRow());
        var booked = new BitSet(layout.capacity() + 1);
        view.booked().forEach(booked::set);
        var rows = new ArrayList<Row>(layout.rows());
        for (int rowIndex = 0; rowIndex < layout.rows(); rowIndex++) {
            var seats = new ArrayList<Seat>(layout.seatsPerRow());
            for (int column = 1; column <= layout.seatsPerRow(); column++) {
                int number = layout.seatAt(rowIndex, column);
                var status = booked.get(number) ? "booked" : selected.contains(number) ? "selected" : "available";
                seats.add(new Seat(number, column, status));
            }
            rows.add(new Row(SeatLayout.rowLabel(rowIndex), seats));
        }
        return new SeatMapModel(rows, layout.capacity(), view.booked().size());
    }
}
