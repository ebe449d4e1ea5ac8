package io.seatwise.api.review;

import io.seatwise.api.booking.BookingId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The author cancelled their last booking for the subject ({@code cancelledBooking}) before it took place, so their
 * review no longer stands: it is gone from every list and average, as a deleted one is, and they may review again once
 * they book again.
 */
@Revision("1")
public record ReviewWithdrawn(
        ReviewId reviewId, ReviewSubject subject, BookingId cancelledBooking, Instant withdrawnAt) {}
