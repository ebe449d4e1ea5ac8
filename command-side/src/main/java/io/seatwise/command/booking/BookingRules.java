package io.seatwise.command.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What venues configure rather than code, injected into the seat map's command handlers.
 *
 * @param maxSeatsPerBooking how many seats one booking may hold
 * @param seatMapCacheSize how many seat maps stay in memory between commands
 * @param snapshotThreshold after how many events a seat map is snapshotted
 */
@ConfigurationProperties("seatwise.booking")
public record BookingRules(
        @DefaultValue("10") int maxSeatsPerBooking,
        @DefaultValue("2000") int seatMapCacheSize,
        @DefaultValue("250") int snapshotThreshold) {

    public BookingRules {
        if (maxSeatsPerBooking < 1) {
            throw new IllegalArgumentException("seatwise.booking.max-seats-per-booking must be at least 1");
        }
    }

    public static BookingRules defaults() {
        return new BookingRules(10, 2000, 250);
    }
}
