package io.seatwise.web.throttle;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.convert.DurationStyle;

/**
 * How many requests of a kind one key may make in a window, written as a setting is: {@code 5/15m} is five in 15
 * minutes. The window starts with the first request; once it has passed, the key may make as many again. Not a
 * record, so that a setting of this type is one value ({@code SEATWISE_THROTTLE_SIGN_INS=100/15m}).
 */
public final class Rate {

    private final long count;
    private final Duration window;

    private Rate(long count, Duration window) {
        if (count < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate is a positive count per positive window, such as 5/15m");
        }
        this.count = count;
        this.window = window;
    }

    public static Rate of(long count, Duration window) {
        return new Rate(count, window);
    }

    /** Reads {@code 5/15m} (a count, a slash, and a duration as Spring Boot reads one: 30s, 15m, 1h, PT15M). */
    public static Rate valueOf(String text) {
        var slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("A rate is written as count/window, such as 5/15m, not " + text);
        }
        return new Rate(
                Long.parseLong(text.substring(0, slash).strip()),
                DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
    }

    public long count() {
        return count;
    }

    public Duration window() {
        return window;
    }

    /** A bucket of {@code count} tokens, refilled all at once when the window since the bucket's start has passed. */
    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(count)
                        .refillIntervally(count, window)
                        .build())
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rate rate && rate.count == count && rate.window.equals(window);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, window);
    }

    @Override
    public String toString() {
        return count + "/" + window;
    }
}
