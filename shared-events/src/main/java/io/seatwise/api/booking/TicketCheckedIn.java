package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The ticket of one seat of a booking was admitted at the door, once and for all, by {@code checkedInBy}. */
@Revision("1")
public record TicketCheckedIn(
        EventId eventId, BookingId bookingId, int seat, AccountId checkedInBy, Instant checkedInAt) {}
