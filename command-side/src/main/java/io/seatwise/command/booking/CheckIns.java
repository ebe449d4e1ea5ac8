package io.seatwise.command.booking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.seatwise.api.AlreadyCheckedIn;
import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.booking.CheckInTicket;
import io.seatwise.api.booking.TicketCheckedIn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;

/**
 * The tickets of one event admitted at the door, for {@link SeatMap}, which decides each check-in where it knows every
 * booking's seats and whether it is cancelled: so a ticket is admitted once, however many doors scan it at the same
 * moment. A seat is held by one live booking at a time, so an admitted seat stands for its ticket; when a booking is
 * cancelled its seats are forgotten here, so that a later booking of the same seat has a ticket of its own.
 *
 * <p>Two parallel arrays sorted by seat (seat numbers and the epoch milliseconds of their admission): a sold-out
 * arena's 40,000 admissions take 480 KB in memory and a few hundred kilobytes in a snapshot, and finding one is a binary search.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class CheckIns {

    private int[] seats = new int[0];
    private long[] admittedAt = new long[0];

    /**
     * The admission of the command's ticket, or the refusal: a booking this event does not have or a seat that is not
     * the booking's is no ticket of this event; a cancelled booking's tickets are refused; an admitted one is not
     * admitted again, and the refusal says when it was.
     */
    TicketCheckedIn admit(CheckInTicket command, Booking booking, Instant now) {
        if (booking == null || !booking.holds(command.seat())) {
            throw new DomainException(Refusal.Plain.INVALID_CODE, "This is no ticket of this event");
        }
        if (booking.cancelled()) {
            throw new DomainException(Refusal.Plain.CANCELLED, "This ticket's booking is cancelled");
        }
        int index = Arrays.binarySearch(seats, command.seat());
        if (index >= 0) {
            var when = Instant.ofEpochMilli(admittedAt[index]);
            throw new DomainException(new AlreadyCheckedIn(when), "This ticket was admitted already, at " + when);
        }
        // to the millisecond, as kept here and as a refusal later names it
        var at =
                (command.at() == null || command.at().isAfter(now) ? now : command.at()).truncatedTo(ChronoUnit.MILLIS);
        return new TicketCheckedIn(command.eventId(), command.bookingId(), command.seat(), command.by(), at);
    }

    void add(int seat, Instant at) {
        int index = Arrays.binarySearch(seats, seat);
        if (index >= 0) {
            return;
        }
        int insertAt = -index - 1;
        seats = insert(seats, insertAt, seat);
        var times = new long[admittedAt.length + 1];
        System.arraycopy(admittedAt, 0, times, 0, insertAt);
        times[insertAt] = at.toEpochMilli();
        System.arraycopy(admittedAt, insertAt, times, insertAt + 1, admittedAt.length - insertAt);
        admittedAt = times;
    }

    /** A cancelled booking's seats: their admissions, if any, no longer stand for a ticket. */
    void forget(Collection<Integer> released) {
        for (int seat : released) {
            int index = Arrays.binarySearch(seats, seat);
            if (index >= 0) {
                seats = remove(seats, index);
                var times = new long[admittedAt.length - 1];
                System.arraycopy(admittedAt, 0, times, 0, index);
                System.arraycopy(admittedAt, index + 1, times, index, times.length - index);
                admittedAt = times;
            }
        }
    }

    private static int[] insert(int[] values, int at, int value) {
        var larger = new int[values.length + 1];
        System.arraycopy(values, 0, larger, 0, at);
        larger[at] = value;
        System.arraycopy(values, at, larger, at + 1, values.length - at);
        return larger;
    }

    private static int[] remove(int[] values, int at) {
        var smaller = new int[values.length - 1];
        System.arraycopy(values, 0, smaller, 0, at);
        System.arraycopy(values, at + 1, smaller, at, smaller.length - at);
        return smaller;
    }

    // compared by content, as the seat map is when its snapshot is read back
    @Override
    public boolean equals(Object other) {
        return other instanceof CheckIns that
                && Arrays.equals(seats, that.seats)
                && Arrays.equals(admittedAt, that.admittedAt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seats) + Arrays.hashCode(admittedAt);
    }

    @Override
    public String toString() {
        return "CheckIns" + Arrays.toString(seats);
    }
}
