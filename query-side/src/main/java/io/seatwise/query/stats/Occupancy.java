package io.seatwise.query.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The share of seats booked, 0..1, rounded to four decimals (half up) so that it reads the same everywhere. */
final class Occupancy {

    private Occupancy() {}

    static double of(long booked, long capacity) {
        if (capacity <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(booked)
                .divide(BigDecimal.valueOf(capacity), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
