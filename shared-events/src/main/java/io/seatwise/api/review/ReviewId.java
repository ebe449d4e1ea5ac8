package io.seatwise.api.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.seatwise.api.Identifiers;
import io.seatwise.api.account.AccountId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies one review. A person has at most one review per subject, so the id is derived from the two: a second
 * review by the same person of the same subject is the same aggregate, and the event store's unique key refuses it.
 */
public record ReviewId(@JsonValue String value) {

    public ReviewId {
        Identifiers.require(value, "review");
    }

    @JsonCreator
    public static ReviewId of(String value) {
        return new ReviewId(value);
    }

    public static ReviewId of(ReviewSubject subject, AccountId author) {
        var key = subject.kind() + "/" + subject.id() + "/" + author.value();
        return new ReviewId(
                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
