package io.seatwise.command.review;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.review.ReviewId;
import java.time.Instant;

/** A review as its author just left it: what editing answers. */
public record EditedReview(
        ReviewId reviewId, AccountId authorId, int rating, String text, Instant createdAt, Instant updatedAt) {}
