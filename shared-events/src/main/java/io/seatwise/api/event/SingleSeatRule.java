package io.seatwise.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an event lets a booking leave one available seat alone in its row (SPEC §1). */
public enum SingleSeatRule {
    ALLOW,
    REFUSE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule named {@code allow} or {@code refuse}, or null for any other text. */
    @JsonCreator
    public static SingleSeatRule of(String json) {
        for (var rule : values()) {
            if (rule.json().equals(json)) {
                return rule;
            }
        }
        return null;
    }
}
