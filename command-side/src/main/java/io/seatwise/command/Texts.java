package io.seatwise.command;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal.InvalidValue;
import io.seatwise.api.Refusal.InvalidValue.Rule;

/** Checks of free text in commands: trimmed, not blank where required, not too long, no control characters. */
public final class Texts {

    private Texts() {}

    public static String required(String value, String field, int maxLength) {
        var text = optional(value, field, maxLength);
        if (text.isEmpty()) {
            throw new DomainException(InvalidValue.of(field, Rule.REQUIRED), field + " must not be blank");
        }
        return text;
    }

    public static String optional(String value, String field, int maxLength) {
        if (value == null) {
            return "";
        }
        var text = value.strip();
        if (text.length() > maxLength) {
            throw new DomainException(
                    InvalidValue.atMost(field, Rule.TOO_LONG, maxLength),
                    field + " must be at most " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new DomainException(
                    InvalidValue.of(field, Rule.CONTROL_CHARACTERS), field + " must not contain control characters");
        }
        return text;
    }
}
