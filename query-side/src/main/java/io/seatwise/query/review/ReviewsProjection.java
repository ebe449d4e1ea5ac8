package io.seatwise.query.review;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.review.FindReview;
import io.seatwise.api.review.FindReviews;
import io.seatwise.api.review.ReviewDeleted;
import io.seatwise.api.review.ReviewEdited;
import io.seatwise.api.review.ReviewId;
import io.seatwise.api.review.ReviewSubmitted;
import io.seatwise.api.review.ReviewView;
import io.seatwise.api.review.ReviewWithdrawn;
import io.seatwise.api.review.ReviewsView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reviews of each event and venue, newest first, with their authors' names, which this group keeps itself so
 * that it never waits for another. Every change to a review is applied only when it is newer than what the row holds
 * (by the review's sequence number), and a deleted or withdrawn review stays as a marked row, so redelivered events
 * change nothing. Lists are read a page at a time; their number and average count every review that stands.
 */
@Component
@ProcessingGroup(ReviewsProjection.GROUP)
class ReviewsProjection {

    static final String GROUP = "reviews";

    private static final String SELECT =
            "SELECT r.review_id, r.author_id, a.display_name, r.rating, r.text, r.created_at, r.updated_at"
                    + " FROM reviews r LEFT JOIN review_authors a ON a.account_id = r.author_id";

    private final JdbcTemplate jdbc;

    ReviewsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event) {
        jdbc.update(
                "INSERT INTO review_authors (account_id, display_name) VALUES (?, ?) "
                        + "ON CONFLICT (account_id) DO NOTHING",
                event.accountId().value(),
                event.displayName());
    }

    @EventHandler
    void on(ReviewSubmitted event, @SequenceNumber long sequence) {
        var at = event.submittedAt().toEpochMilli();
        jdbc.update(
                """
                INSERT INTO reviews (review_id, subject_kind, subject_id, author_id, rating, text,
                                     created_at, updated_at, deleted, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)
                ON CONFLICT (review_id) DO UPDATE SET
                    rating = excluded.rating, text = excluded.text, created_at = excluded.created_at,
                    updated_at = excluded.updated_at, deleted = FALSE, last_sequence = excluded.last_sequence
                WHERE excluded.last_sequence > reviews.last_sequence
                """,
                event.reviewId().value(),
                event.subject().kind().name(),
                event.subject().id(),
                event.authorId().value(),
                event.rating(),
                event.text(),
                at,
                at,
                sequence);
    }

    @EventHandler
    void on(ReviewEdited event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                UPDATE reviews SET rating = ?, text = ?, updated_at = ?, last_sequence = ?
                WHERE review_id = ? AND last_sequence < ?
                """,
                event.rating(),
                event.text(),
                event.editedAt().toEpochMilli(),
                sequence,
                event.reviewId().value(),
                sequence);
    }

    @EventHandler
    void on(ReviewDeleted event, @SequenceNumber long sequence) {
        jdbc.update(
                "UPDATE reviews SET deleted = TRUE, last_sequence = ? WHERE review_id = ? AND last_sequence < ?",
                sequence,
                event.reviewId().value(),
                sequence);
    }

    /** Withdrawn with its author's last booking: gone from lists and averages, as a deleted review is. */
    @EventHandler
    void on(ReviewWithdrawn event, @SequenceNumber long sequence) {
        jdbc.update(
                "UPDATE reviews SET deleted = TRUE, last_sequence = ? WHERE review_id = ? AND last_sequence < ?",
                sequence,
                event.reviewId().value(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM reviews");
        jdbc.update("DELETE FROM review_authors");
    }

    @QueryHandler
    ReviewsView handle(FindReviews query) {
        var kind = query.subject().kind().name();
        var id = query.subject().id();
        var reviews = jdbc.query(
                SELECT + " WHERE r.subject_kind = ? AND r.subject_id = ? AND NOT r.deleted"
                        + " ORDER BY r.created_at DESC, r.review_id LIMIT ? OFFSET ?",
                ReviewsProjection::review,
                kind,
                id,
                query.size(),
                (long) query.page() * query.size());
        var summary = jdbc.queryForObject(
                "SELECT count(*), avg(rating) FROM reviews WHERE subject_kind = ? AND subject_id = ? AND NOT deleted",
                (rs, row) -> new double[] {rs.getInt(1), rs.getDouble(2)},
                kind,
                id);
        return new ReviewsView(query.subject(), reviews, summary[1], (int) summary[0]);
    }

    @QueryHandler
    Optional<ReviewView> handle(FindReview query) {
        return jdbc
                .query(
                        SELECT + " WHERE r.review_id = ? AND NOT r.deleted",
                        ReviewsProjection::review,
                        query.reviewId().value())
                .stream()
                .findFirst();
    }

    private static ReviewView review(ResultSet rs, int row) throws SQLException {
        return new ReviewView(
                ReviewId.of(rs.getString(1)),
                AccountId.of(rs.getString(2)),
                rs.getString(3) == null ? "" : rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7)));
    }
}
