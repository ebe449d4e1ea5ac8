package io.seatwise.api.waitlist;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a waitlist entry stands; written in lower case, as SPEC §3 names them. */
public enum WaitlistStatus {
    WAITING,
    OFFERED,
    BOOKED,
    EXPIRED,
    LEFT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Waiting or offered seats: the entry still counts on the waitlist. */
    public boolean open() {
        return this == WAITING || this == OFFERED;
    }
}
