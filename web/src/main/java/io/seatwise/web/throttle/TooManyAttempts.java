package io.seatwise.web.throttle;

import java.time.Duration;

/**
 * A client has given too many wrong passwords for an account and must wait before it tries again: 429 with
 * Retry-After on the API, a message on pages. Thrown before the password is checked, so that a guesser never learns
 * that a guess was right.
 */
public class TooManyAttempts extends RuntimeException {

    private final transient Duration wait;

    public TooManyAttempts(Duration wait) {
        this("Too many wrong passwords", wait);
    }

    /** {@code what} there were too many of, as the problem's detail says it before how long to wait. */
    public TooManyAttempts(String what, Duration wait) {
        super(what + "; try again in " + Throttles.retryAfterSeconds(wait) + " seconds");
        this.wait = wait;
    }

    /** Whole seconds for a Retry-After header, rounded up. */
    public long retryAfterSeconds() {
        return Throttles.retryAfterSeconds(wait);
    }
}
