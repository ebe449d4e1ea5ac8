package io.seatwise.api.review;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewDeleted(ReviewId reviewId, ReviewSubject subject, Instant deletedAt) {}
