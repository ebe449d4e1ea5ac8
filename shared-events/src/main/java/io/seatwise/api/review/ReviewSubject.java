package io.seatwise.api.review;

import io.seatwise.api.Identifiers;

/** What a review is about: an event or a venue, by its id. */
public record ReviewSubject(Kind kind, String id) {

    public enum Kind {
        EVENT,
        VENUE
    }

    public ReviewSubject {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        Identifiers.require(id, kind == Kind.EVENT ? "event" : "venue");
    }

    public static ReviewSubject event(String eventId) {
        return new ReviewSubject(Kind.EVENT, eventId);
    }

    public static ReviewSubject venue(String venueId) {
        return new ReviewSubject(Kind.VENUE, venueId);
    }
}
