package io.seatwise.query;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores instants as epoch milliseconds: sortable and identical on SQLite and PostgreSQL. An instant beyond what epoch
 * milliseconds hold (an event's start stored before starts were bounded could lie in the year 1,000,000,000) is held
 * to their range instead of failing the read model's transaction again and again.
 */
@Converter
public class InstantAsEpochMillis implements AttributeConverter<Instant, Long> {

    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);

    /** The instant in epoch milliseconds, held to the range they cover. */
    public static long millis(Instant instant) {
        if (instant.isAfter(LATEST)) {
            return Long.MAX_VALUE;
        }
        return instant.isBefore(EARLIEST) ? Long.MIN_VALUE : instant.toEpochMilli();
    }

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : millis(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
