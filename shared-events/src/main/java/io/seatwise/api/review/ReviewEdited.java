package io.seatwise.api.review;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewEdited(ReviewId reviewId, ReviewSubject subject, int rating, String text, Instant editedAt) {}
