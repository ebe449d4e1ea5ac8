package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.RequiresVerifiedEmail;
import io.seatwise.api.event.EventId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Books seats of one event for one account, all or nothing: either the given {@code seats}, or the best available
 * block that the seat map chooses ({@code bestAvailable}); exactly one of the two is given.
 */
public record BookSeats(
        @TargetAggregateIdentifier EventId eventId,
        BookingId bookingId,
        AccountId accountId,
        List<Integer> seats,
        BestAvailable bestAvailable)
        implements RequiresVerifiedEmail {

    public BookSeats(EventId eventId, BookingId bookingId, AccountId accountId, List<Integer> seats) {
        this(eventId, bookingId, accountId, seats, null);
    }

    @Override
    public AccountId actor() {
        return accountId;
    }

    /** {@code count} seats side by side, all of {@code category} when it is given (a category code, else null). */
    public record BestAvailable(int count, String category) {}
}
