package io.seatwise.api;

import java.util.regex.Pattern;

/** Checks shared by the identifier value types: short, URL-safe, never blank. */
public final class Identifiers {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private Identifiers() {}

    public static String require(String value, String what) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "Unknown " + what + " '" + abbreviate(value) + "'");
        }
        return value;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
