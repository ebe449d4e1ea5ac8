package io.seatwise.command.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.SeatsBooked;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What cancelling and the door need of a booking in {@link SeatMap}: its booker and its seats, as a plain array of at
 * most a handful.
 */
record Booking(AccountId accountId, int[] seats, boolean cancelled) {

    static Booking of(SeatsBooked event) {
        return new Booking(
                event.accountId(),
                event.seats().stream().mapToInt(Integer::intValue).toArray(),
                false);
    }

    /**
     * The booking, when {@code accountId} may cancel it: one this event has, of that account, and not cancelled yet;
     * refused otherwise. {@code booking} is null for an id the event does not have.
     */
    static Booking cancellableBy(Booking booking, AccountId accountId) {
        if (booking == null) {
            throw new DomainException(Refusal.Plain.NO_SUCH_BOOKING, "No such booking");
        }
        if (!booking.accountId().equals(accountId)) {
            throw new DomainException(Refusal.Plain.NOT_YOUR_BOOKING, "This booking is not yours");
        }
        if (booking.cancelled()) {
            throw new DomainException(Refusal.Plain.ALREADY_CANCELLED, "This booking is already cancelled");
        }
        return booking;
    }

    boolean holds(int seat) {
        return Arrays.stream(seats).anyMatch(held -> held == seat);
    }

    Booking cancel() {
        return new Booking(accountId, seats, true);
    }

    List<Integer> seatList() {
        return Arrays.stream(seats).sorted().boxed().toList();
    }

    // a record compares arrays by identity, but a booking restored from a snapshot is the same booking
    @Override
    public boolean equals(Object other) {
        return other instanceof Booking that
                && accountId.equals(that.accountId)
                && Arrays.equals(seats, that.seats)
                && cancelled == that.cancelled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, Arrays.hashCode(seats), cancelled);
    }

    @Override
    public String toString() {
        return "Booking[accountId=" + accountId + ", seats=" + Arrays.toString(seats) + ", cancelled=" + cancelled
                + "]";
    }
}
