package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a whole booking on behalf of the account that asks; only the booker may, and only until the cutoff. */
public record CancelBooking(@TargetAggregateIdentifier EventId eventId, BookingId bookingId, AccountId accountId) {}
