package io.seatwise.command.booking;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What venues configure rather than code, injected into the seat map's command handlers.
 *
 * @param maxSeatsPerBooking how many seats one booking may hold
 * @param seatMapCacheSize how many seat maps stay in memory between commands
 * @param snapshotThreshold after how many events a seat map is snapshotted
 * @param cancellationCutoff how long before the event a booking can last be cancelled
 */
@ConfigurationProperties("seatwise.booking")
public record BookingRules(
        @DefaultValue("10") int maxSeatsPerBooking,
        @DefaultValue("2000") int seatMapCacheSize,
        @DefaultValue("5000") int snapshotThreshold,
        @DefaultValue("24h") Duration cancellationCutoff) {

    public BookingRules {
        if (maxSeatsPerBooking < 1) {
            throw new IllegalArgumentException("seatwise.booking.max-seats-per-booking must be at least 1");
        }
        if (cancellationCutoff == null || cancellationCutoff.isNegative()) {
            throw new IllegalArgumentException("seatwise.booking.cancellation-cutoff must not be negative");
        }
    }

    /** The last moment a booking for an event starting at {@code startsAt} can be cancelled. */
    public Instant cancellableUntil(Instant startsAt) {
        return startsAt.minus(cancellationCutoff);
    }

    public static BookingRules defaults() {
        return new BookingRules(10, 2000, 5000, Duration.ofHours(24));
    }
}
