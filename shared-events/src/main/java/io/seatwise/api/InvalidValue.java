package io.seatwise.api;

import java.util.Locale;

/**
 * A value that breaks a rule of its field; {@code min} and {@code max} are the bounds where the rule has them.
 * The reason is {@code invalid-<rule>}.
 */
public record InvalidValue(String field, Rule rule, long min, long max) implements Refusal {

    public enum Rule {
        REQUIRED,
        TOO_LONG,
        TOO_MANY_BYTES,
        CONTROL_CHARACTERS,
        OUT_OF_RANGE,
        NEGATIVE,
        NOT_IN_FUTURE,
        NOT_AN_EMAIL,
        TOO_COMMON,
        LIKE_NAME,
        UNKNOWN_CATEGORY,
        NOT_A_CHOICE,
        NOT_A_REFERENCE,
        /** A time further ahead than the rule allows; {@code max} is in years. */
        TOO_FAR_AHEAD
    }

    public static InvalidValue of(String field, Rule rule) {
        return new InvalidValue(field, rule, 0, 0);
    }

    public static InvalidValue atMost(String field, Rule rule, long max) {
        return new InvalidValue(field, rule, 0, max);
    }

    public static InvalidValue outOfRange(String field, long min, long max) {
        return new InvalidValue(field, Rule.OUT_OF_RANGE, min, max);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID;
    }

    @Override
    public String reason() {
        return "invalid-" + rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
