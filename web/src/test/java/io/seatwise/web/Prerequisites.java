package io.seatwise.web;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine, such as a browser or a database server. Where it is missing the test is
 * skipped with a message that says what to install, except on CI ({@code CI=true}, as CI runs {@code .ci/run}): a
 * skipped test there would let a build pass that tested nothing of it, so it fails instead.
 */
public final class Prerequisites {

    private Prerequisites() {}

    /** Returns when the prerequisite is present; else skips the calling test, or fails it on CI. */
    public static void require(boolean present, String missing) {
        require(present, missing, System.getenv());
    }

    static void require(boolean present, String missing, Map<String, String> environment) {
        if (present) {
            return;
        }
        if (onCi(environment)) {
            throw new IllegalStateException("CI=true, so this test fails rather than being skipped: " + missing);
        }
        Assumptions.abort("Skipped: " + missing);
    }

    /** Whether the tests run on CI, where nothing may be skipped for want of a tool. */
    public static boolean onCi(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.getOrDefault("CI", "").strip());
    }
}
