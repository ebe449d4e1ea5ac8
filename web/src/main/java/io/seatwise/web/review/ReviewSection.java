package io.seatwise.web.review;

import io.seatwise.api.review.ReviewView;
import io.seatwise.api.review.ReviewsView;

/**
 * The reviews part of an event or venue page.
 *
 * @param reviews the published reviews, newest first, with their average
 * @param path where the forms post to, such as {@code /events/{id}/reviews}
 * @param mine the viewer's own review, which they may edit or delete; null when they have none
 * @param mayWrite whether the viewer may write a review now: signed in, holding a booking, not yet reviewed
 */
public record ReviewSection(ReviewsView reviews, String path, ReviewView mine, boolean mayWrite) {

    public int count() {
        return reviews.reviews().size();
    }

    public boolean edited(ReviewView review) {
        return review.updatedAt().isAfter(review.createdAt());
    }
}
