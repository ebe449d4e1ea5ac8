package io.seatwise.api.review;

/** The reviews of an event or a venue, newest first, with their average. Answered with {@link ReviewsView}. */
public record FindReviews(ReviewSubject subject) {}
