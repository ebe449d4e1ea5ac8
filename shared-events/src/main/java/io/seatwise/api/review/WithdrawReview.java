package io.seatwise.api.review;

import io.seatwise.api.booking.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The author cancelled {@code cancelledBooking}, which may have been their last booking for the review's subject (the
 * event, or any event at the venue): the review decides, against the bookings that still stand, whether it falls.
 */
public record WithdrawReview(@TargetAggregateIdentifier ReviewId reviewId, BookingId cancelledBooking) {}
