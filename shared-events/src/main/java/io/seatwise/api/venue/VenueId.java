package io.seatwise.api.venue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.seatwise.api.Identifiers;
import java.io.Serializable;
import java.util.UUID;

/** Identifies one venue; serialized as its plain string value. */
public record VenueId(@JsonValue String value) implements Serializable {

    public VenueId {
        Identifiers.require(value, "venue");
    }

    @JsonCreator
    public static VenueId of(String value) {
        return new VenueId(value);
    }

    public static VenueId random() {
        return new VenueId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
