package io.seatwise.command;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The check of an event's start, when it is scheduled or moved: in the future, and not absurdly far: no hall plans
 * further than {@link #MAX_YEARS_AHEAD} years, and a start of the year 300,000,000 is no date that mails, calendars and
 * read models can hold.
 */
public final class Starts {

    public static final int MAX_YEARS_AHEAD = 5;

    private Starts() {}

    public static Instant checked(Instant startsAt, Instant now) {
        if (startsAt == null || !startsAt.isAfter(now)) {
            throw new DomainException(
                    InvalidValue.of("startsAt", Rule.NOT_IN_FUTURE), "startsAt must be in the future");
        }
        if (startsAt.isAfter(latest(now))) {
            throw new DomainException(
                    InvalidValue.atMost("startsAt", Rule.TOO_FAR_AHEAD, MAX_YEARS_AHEAD),
                    "startsAt must be at most " + MAX_YEARS_AHEAD + " years ahead");
        }
        return startsAt;
    }

    /** The latest start allowed now. */
    public static Instant latest(Instant now) {
        return now.atOffset(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant();
    }
}
