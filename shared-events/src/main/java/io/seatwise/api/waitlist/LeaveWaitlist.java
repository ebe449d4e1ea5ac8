package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives up a place on the waitlist, and the seats offered to it if there is an offer. */
public record LeaveWaitlist(@TargetAggregateIdentifier EventId eventId, WaitlistEntryId entryId, AccountId accountId) {}
