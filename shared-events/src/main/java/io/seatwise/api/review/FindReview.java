package io.seatwise.api.review;

/** One review as lists show it, while it stands (not deleted or withdrawn). Answered with an optional {@link ReviewView}. */
public record FindReview(ReviewId reviewId) {}
