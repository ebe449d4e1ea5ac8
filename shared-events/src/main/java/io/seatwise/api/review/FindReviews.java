package io.seatwise.api.review;

/**
 * The reviews of an event or a venue, newest first, one page at a time ({@code page} from 0, {@code size} 1 to
 * {@link #MAX_SIZE}), with their number and average over all pages. Answered with {@link ReviewsView}.
 */
public record FindReviews(ReviewSubject subject, int page, int size) {

    /** The most reviews one page holds. */
    public static final int MAX_SIZE = 100;

    /** The first page, as large as a page may be. */
    public FindReviews(ReviewSubject subject) {
        this(subject, 0, MAX_SIZE);
    }
}
