package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Books the seats held for the entry. {@code bookingId} is null for the booking id the offer named; another id only
 * when that one's reference turned out to be taken. Answered with the seats booked.
 */
public record AcceptOffer(
        @TargetAggregateIdentifier EventId eventId,
        WaitlistEntryId entryId,
        AccountId accountId,
        BookingId bookingId) {}
