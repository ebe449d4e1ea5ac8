package io.seatwise.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.seatwise.api.Identifiers;
import java.io.Serializable;
import java.util.UUID;

/** Identifies one event; serialized as its plain string value. */
public record EventId(@JsonValue String value) implements Serializable {

    public EventId {
        Identifiers.require(value, "event");
    }

    @JsonCreator
    public static EventId of(String value) {
        return new EventId(value);
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
