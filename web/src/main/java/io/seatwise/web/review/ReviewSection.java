package io.seatwise.web.review;

import io.seatwise.api.review.ReviewView;
import io.seatwise.api.review.ReviewsView;

/**
 * The reviews part of an event or venue page.
 *
 * @param reviews one page of the published reviews, newest first, with the number and average of them all
 * @param path where the forms post to, such as {@code /events/{id}/reviews}
 * @param mine the viewer's own review, which they may edit or delete, on whichever page it is; null when they have none
 * @param mayWrite whether the viewer may write a review now: signed in, holding a booking, not yet reviewed
 * @param page the page shown, from 0
 * @param pages how many pages there are, at least 1
 */
public record ReviewSection(ReviewsView reviews, String path, ReviewView mine, boolean mayWrite, int page, int pages) {

    /** Reviews a page shows. */
    public static final int PAGE_SIZE = 10;

    /** The last page a page link may name: a hundred thousand reviews, far beyond any real subject. */
    static final int MAX_PAGE = 9_999;

    /** How many reviews there are, on every page. */
    public int count() {
        return reviews.total();
    }

    public boolean edited(ReviewView review) {
        return review.updatedAt().isAfter(review.createdAt());
    }

    /** The page the section is part of, such as {@code /events/{id}}: where the links to other pages lead. */
    public String pagePath() {
        return path.substring(0, path.length() - "/reviews".length());
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
