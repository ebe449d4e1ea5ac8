package io.seatwise.web;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates for tests that name an event's day: the given day and time in the year after next, which is in the future on
 * any day the tests run and within the five years ahead that an event may be scheduled.
 */
public final class FutureDates {

    /** The year after next. */
    public static final int YEAR = Year.now(ZoneOffset.UTC).getValue() + 2;

    private FutureDates() {}

    /** The instant of {@code monthDayTime}, such as {@code 06-05T17:30:00Z}, in {@link #YEAR}. */
    public static Instant at(String monthDayTime) {
        return Instant.parse(YEAR + "-" + monthDayTime);
    }

    /** A local date and time as a form's {@code datetime-local} field sends it, such as {@code 2028-01-01T20:00}. */
    public static String local(String monthDayTime) {
        return YEAR + "-" + monthDayTime;
    }

    /** The instant as people of the language write it in the zone, by the pattern (e.g. {@code EEEE d MMMM yyyy}). */
    public static String written(Instant instant, String pattern, Locale locale, String zone) {
        return DateTimeFormatter.ofPattern(pattern, locale).format(instant.atZone(ZoneId.of(zone)));
    }

    /** The instant as a calendar entry's {@code DTSTART} has it, in UTC: {@code 20280605T173000Z}. */
    public static String calendar(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(instant.atZone(ZoneOffset.UTC));
    }
}
