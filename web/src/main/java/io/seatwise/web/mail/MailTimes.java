package io.seatwise.web.mail;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * The times the mail group computes and stores, as epoch milliseconds, for any start an event may have. Its handlers
 * stop the group when they fail and try the same event again and again ({@link MailConfiguration}), so a start so far
 * ahead that a reminder's due time overflows (events scheduled before starts were bounded could be years of the order
 * of a billion) must not fail one: such a time is kept as {@link #NEVER}, the latest millisecond, and that mail is
 * simply never due.
 */
final class MailTimes {

    /** The latest time epoch milliseconds hold, in the year 292,278,994: a due time that never comes. */
    static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);

    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);

    /**
     * The latest time a mail's deadline is set for, the last second of the year 9999: PostgreSQL keeps the deadlines'
     * times as timestamps, which end in the year 294,276, and no event lasts until then. A mail due later is never due.
     */
    static final Instant LATEST_DEADLINE = Instant.parse("9999-12-31T23:59:59Z");

    private MailTimes() {}

    /** {@code time} plus {@code delay}, or {@link #NEVER} when that lies beyond it. */
    static Instant plus(Instant time, Duration delay) {
        try {
            var sum = time.plus(delay);
            return sum.isAfter(NEVER) ? NEVER : sum;
        } catch (DateTimeException | ArithmeticException beyondInstant) {
            return NEVER;
        }
    }

    /** Whether a deadline can be set for the time (see {@link #LATEST_DEADLINE}). */
    static boolean schedulable(Instant time) {
        return !time.isAfter(LATEST_DEADLINE);
    }

    /** The time in epoch milliseconds, held to the range they cover. */
    static long millis(Instant time) {
        if (time.isAfter(NEVER)) {
            return Long.MAX_VALUE;
        }
        return time.isBefore(EARLIEST) ? Long.MIN_VALUE : time.toEpochMilli();
    }
}
