package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admits the holder of one ticket (a booking's seat) at the door, on behalf of the staff member {@code by}. {@code at}
 * is when a door admitted it while offline, sent later; null means now (a time in the future is taken as now).
 */
public record CheckInTicket(
        @TargetAggregateIdentifier EventId eventId, BookingId bookingId, int seat, AccountId by, Instant at) {}
