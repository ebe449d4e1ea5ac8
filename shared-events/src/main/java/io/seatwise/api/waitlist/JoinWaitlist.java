package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.RequiresVerifiedEmail;
import io.seatwise.api.event.EventId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to be told when {@code count} seats side by side (of {@code category}, if not null) free up, because the event
 * cannot seat them now. Answered with the entry's position among those waiting, from 1.
 */
public record JoinWaitlist(
        @TargetAggregateIdentifier EventId eventId,
        WaitlistEntryId entryId,
        AccountId accountId,
        int count,
        String category)
        implements RequiresVerifiedEmail {

    @Override
    public AccountId actor() {
        return accountId;
    }
}
