package io.seatwise.api.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.seatwise.api.Identifiers;
import java.util.UUID;

/** Identifies one booking; serialized as its plain string value. */
public record BookingId(String value) {

    public BookingId {
        Identifiers.require(value, "booking");
    }

    @JsonCreator
    public static BookingId of(String value) {
        return new BookingId(value);
    }

    public static BookingId random() {
        return new BookingId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
