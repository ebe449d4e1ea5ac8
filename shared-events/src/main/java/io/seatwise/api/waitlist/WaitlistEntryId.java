package io.seatwise.api.waitlist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.seatwise.api.Identifiers;

/** Identifies one person's place on one event's waitlist; serialized as its plain string value. */
public record WaitlistEntryId(@JsonValue String value) {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    public WaitlistEntryId {
        Identifiers.require(value, "waitlist entry");
    }

    @JsonCreator
    public static WaitlistEntryId of(String value) {
        return new WaitlistEntryId(value);
    }

    /** A new, time-ordered id (a version 7 UUID), as bookings have. */
    public static WaitlistEntryId next() {
        return new WaitlistEntryId(IDS.generate().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
