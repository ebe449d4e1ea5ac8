package io.seatwise.command;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;

/**
 * Checks of free text in commands: trimmed, not blank where required, not too long, no control characters. Texts of
 * one line (names, titles, cities) hold no line breaks either: they end up in mail headers and plain-text mails, where
 * a line break would start a line of its own.
 */
public final class Texts {

    private Texts() {}

    public static String required(String value, String field, int maxLength) {
        var text = optional(value, field, maxLength);
        if (text.isEmpty()) {
            throw new DomainException(InvalidValue.of(field, Rule.REQUIRED), field + " must not be blank");
        }
        return text;
    }

    /** A required text of one line: no line break, tab or other control character. */
    public static String requiredLine(String value, String field, int maxLength) {
        var text = required(value, field, maxLength);
        if (!isOneLine(text)) {
            throw new DomainException(
                    InvalidValue.of(field, Rule.CONTROL_CHARACTERS),
                    field + " must be one line, without line breaks or other control characters");
        }
        return text;
    }

    /** Whether the text holds no control character, line and paragraph separators included. */
    public static boolean isOneLine(String text) {
        return text.codePoints()
                .noneMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
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
