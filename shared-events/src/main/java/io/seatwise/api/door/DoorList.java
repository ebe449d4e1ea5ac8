package io.seatwise.api.door;

import java.util.List;

/**
 * An event's bookings as the door sees them: each live booking with its booker's name, its seats and those of them
 * admitted already, and the ids of the cancelled ones (so that a door tells a cancelled ticket from one booked after
 * it loaded the list).
 */
public record DoorList(List<Entry> bookings, List<String> cancelled) {

    public DoorList {
        bookings = List.copyOf(bookings);
        cancelled = List.copyOf(cancelled);
    }

    public record Entry(String bookingId, String holder, List<Integer> seats, List<Integer> checkedIn) {

        public Entry {
            seats = List.copyOf(seats);
            checkedIn = List.copyOf(checkedIn);
        }
    }
}
