package io.seatwise.api.review;

import java.util.List;

/**
 * One page of the reviews of one subject; {@code total} and {@code averageRating} count every review that stands, on
 * every page ({@code averageRating} is 0 when there are none).
 */
public record ReviewsView(ReviewSubject subject, List<ReviewView> reviews, double averageRating, int total) {}
