package io.seatwise.api.review;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.RequiresVerifiedEmail;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A booker reviews an event or a venue: rating 1..5, text 1..4,000 characters. */
public record SubmitReview(
        @TargetAggregateIdentifier ReviewId reviewId,
        ReviewSubject subject,
        AccountId authorId,
        int rating,
        String text)
        implements RequiresVerifiedEmail {

    @Override
    public AccountId actor() {
        return authorId;
    }
}
