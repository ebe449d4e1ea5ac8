package io.seatwise.api.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.seatwise.api.Identifiers;

/** Identifies one booking; serialized as its plain string value. */
public record BookingId(@JsonValue String value) {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    public BookingId {
        Identifiers.require(value, "booking");
    }

    @JsonCreator
    public static BookingId of(String value) {
        return new BookingId(value);
    }

    /**
     * A new, time-ordered id (a version 7 UUID): the read models keep bookings in indexes on their ids, and ids that
     * grow with time are added at the end of those indexes, where ids at random would land on a different page of a
     * large index each time and make every commit write them all.
     */
    public static BookingId next() {
        return new BookingId(IDS.generate().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
