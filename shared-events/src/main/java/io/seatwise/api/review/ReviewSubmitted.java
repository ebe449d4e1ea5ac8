package io.seatwise.api.review;

import io.seatwise.api.account.AccountId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewSubmitted(
        ReviewId reviewId, ReviewSubject subject, AccountId authorId, int rating, String text, Instant submittedAt) {}
