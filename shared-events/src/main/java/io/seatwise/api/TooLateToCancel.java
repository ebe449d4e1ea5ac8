package io.seatwise.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The booking could have been cancelled until {@code cancellableUntil}, {@code cutoff} before the event. */
public record TooLateToCancel(Instant cancellableUntil, Duration cutoff) implements Refusal {

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }

    @Override
    public String reason() {
        return "too-late-to-cancel";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("cancellableUntil", cancellableUntil.toString());
    }
}
