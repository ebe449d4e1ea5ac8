package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The entry's offer was accepted: its held seats are now booking {@code bookingId}, whose {@code SeatsBooked} comes
 * just before this event.
 */
@Revision("1")
public record OfferAccepted(
        EventId eventId, WaitlistEntryId entryId, AccountId accountId, BookingId bookingId, Instant acceptedAt) {}
