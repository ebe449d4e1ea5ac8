package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Books the given seats of one event for one account, all or nothing. */
public record BookSeats(
        @TargetAggregateIdentifier EventId eventId, BookingId bookingId, AccountId accountId, List<Integer> seats) {}
