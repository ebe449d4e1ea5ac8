package io.seatwise.api.review;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.RequiresVerifiedEmail;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author changes the rating and text of a review. */
public record EditReview(@TargetAggregateIdentifier ReviewId reviewId, AccountId editorId, int rating, String text)
        implements RequiresVerifiedEmail {

    @Override
    public AccountId actor() {
        return editorId;
    }
}
