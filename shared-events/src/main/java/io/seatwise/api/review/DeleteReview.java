package io.seatwise.api.review;

import io.seatwise.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author withdraws a review. */
public record DeleteReview(@TargetAggregateIdentifier ReviewId reviewId, AccountId editorId) {}
