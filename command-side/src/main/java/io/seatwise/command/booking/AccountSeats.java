package io.seatwise.command.booking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.seatwise.api.AccountLimit;
import io.seatwise.api.DomainException;
import io.seatwise.api.account.AccountId;
import java.util.HashMap;
import java.util.Map;

/**
 * How many seats of one event each account holds (booked, not cancelled), for {@link SeatMap}, which decides every
 * booking of the event one at a time: so two bookings by one account at the same moment never pass the event's limit
 * together. Counted whether the event has a limit or not, so that a limit set later counts what was booked before.
 *
 * <p>Account id to seats, in the seat map's snapshot (revision 4): an arena sold to 10,000 accounts keeps 10,000
 * counts, a few hundred kilobytes, and finding one is a lookup.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class AccountSeats {

    private Map<String, Integer> held = new HashMap<>();

    /** Refuses {@code adding} more seats for the account when they would take it past {@code limit} (0: none). */
    void checkLimit(AccountId account, int adding, int limit) {
        int holds = held(account);
        if (limit > 0 && holds + adding > limit) {
            throw new DomainException(
                    new AccountLimit(limit, holds),
                    "One account may hold at most " + limit + " seats of this event; you hold " + holds
                            + (adding == 1 ? " and asked for 1 more" : " and asked for " + adding + " more"));
        }
    }

    int held(AccountId account) {
        return held.getOrDefault(account.value(), 0);
    }

    void booked(AccountId account, int seats) {
        held.merge(account.value(), seats, Integer::sum);
    }

    /** A cancelled booking frees its seats; an account that holds none is forgotten. */
    void released(AccountId account, int seats) {
        held.computeIfPresent(account.value(), (id, holds) -> holds > seats ? holds - seats : null);
    }

    // compared by content, as the seat map is when its snapshot is read back
    @Override
    public boolean equals(Object other) {
        return other instanceof AccountSeats that && held.equals(that.held);
    }

    @Override
    public int hashCode() {
        return held.hashCode();
    }

    @Override
    public String toString() {
        return "AccountSeats" + held;
    }
}
