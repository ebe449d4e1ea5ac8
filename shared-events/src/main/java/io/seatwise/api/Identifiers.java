package io.seatwise.api;

/** Checks shared by the identifier value types: short, URL-safe, never blank. */
public final class Identifiers {

    private static final int MAX_LENGTH = 64;

    private Identifiers() {}

    public static String require(String value, String what) {
        if (!isSafe(value)) {
            throw new DomainException(Refusal.Plain.UNKNOWN_ID, "Unknown " + what + " '" + abbreviate(value) + "'");
        }
        return value;
    }

    /**
     * Whether the value is 1..64 ASCII letters, digits and hyphens. A loop rather than a regular expression: every
     * stored event carries identifiers, and a replay checks millions of them.
     */
    private static boolean isSafe(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
