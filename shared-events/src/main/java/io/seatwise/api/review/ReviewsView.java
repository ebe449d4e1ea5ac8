package io.seatwise.api.review;

import java.util.List;

/** The reviews of one subject; {@code averageRating} is 0 when there are none. */
public record ReviewsView(ReviewSubject subject, List<ReviewView> reviews, double averageRating) {}
