package io.seatwise.command.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.venue.SeatLayout;
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
 * @param maxSeatsPerAccount how many seats one account may hold for an event scheduled without a limit of its own; 0
 *     for none
 */
@ConfigurationProperties("seatwise.booking")
public record BookingRules(
        @DefaultValue("10") int maxSeatsPerBooking,
        @DefaultValue("2000") int seatMapCacheSize,
        @DefaultValue("5000") int snapshotThreshold,
        @DefaultValue("24h") Duration cancellationCutoff,
        @DefaultValue("20") int maxSeatsPerAccount) {

    /** The highest limit of seats per account an event may have: no event has more seats. */
    public static final int MAX_SEATS_PER_ACCOUNT = SeatLayout.MAX_CAPACITY;

    public BookingRules {
        if (maxSeatsPerBooking < 1) {
            throw new IllegalArgumentException("seatwise.booking.max-seats-per-booking must be at least 1");
        }
        if (cancellationCutoff == null || cancellationCutoff.isNegative()) {
            throw new IllegalArgumentException("seatwise.booking.cancellation-cutoff must not be negative");
        }
        if (maxSeatsPerAccount < 0 || maxSeatsPerAccount > MAX_SEATS_PER_ACCOUNT) {
            throw new IllegalArgumentException(
                    "seatwise.booking.max-seats-per-account must be between 0 (no limit) and " + MAX_SEATS_PER_ACCOUNT);
        }
    }

    /** The limit of seats per account an event is scheduled with: the one asked for, or else the default. */
    public int limitOrDefault(Integer asked) {
        return asked == null ? maxSeatsPerAccount : checkedLimit(asked);
    }

    /** A limit of seats per account, checked: 0 (none) up to {@link #MAX_SEATS_PER_ACCOUNT}. */
    public static int checkedLimit(int maxSeatsPerAccount) {
        if (maxSeatsPerAccount < 0 || maxSeatsPerAccount > MAX_SEATS_PER_ACCOUNT) {
            throw new DomainException(
                    InvalidValue.outOfRange("maxSeatsPerAccount", 0, MAX_SEATS_PER_ACCOUNT),
                    "maxSeatsPerAccount must be between 0 (no limit) and " + MAX_SEATS_PER_ACCOUNT);
        }
        return maxSeatsPerAccount;
    }

    /** The last moment a booking for an event starting at {@code startsAt} can be cancelled. */
    public Instant cancellableUntil(Instant startsAt) {
        return startsAt.minus(cancellationCutoff);
    }

    public static BookingRules defaults() {
        return new BookingRules(10, 2000, 5000, Duration.ofHours(24), 20);
    }
}
