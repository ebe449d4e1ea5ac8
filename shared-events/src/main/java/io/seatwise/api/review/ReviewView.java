package io.seatwise.api.review;

import io.seatwise.api.account.AccountId;
import java.time.Instant;

public record ReviewView(
        ReviewId id,
        AccountId authorId,
        String authorName,
        int rating,
        String text,
        Instant createdAt,
        Instant updatedAt) {}
