package io.seatwise.api;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why the domain said no, with what the answer must name (the seats, the cutoff) as typed values. The web layer
 * turns each into a status and problem members for the API, and into a message in the page's language for the pages;
 * {@link #reason()} names it in both places (the pages' bundle key is {@code refusal.<reason>}).
 */
public sealed interface Refusal extends Serializable {

    ErrorCode code();

    /** A short, stable name in kebab case, such as {@code seats-unavailable}. */
    String reason();

    /** The members beside status and detail that an API problem carries. */
    default Map<String, Object> properties() {
        return Map.of();
    }

    /** Refusals that name nothing beyond why. */
    enum Plain implements Refusal {
        /** An id that no event, venue, booking or review can have. */
        UNKNOWN_ID(ErrorCode.NOT_FOUND),
        NO_SUCH_EVENT(ErrorCode.NOT_FOUND),
        NO_SUCH_VENUE(ErrorCode.NOT_FOUND),
        NO_SUCH_BOOKING(ErrorCode.NOT_FOUND),
        NO_SUCH_REVIEW(ErrorCode.NOT_FOUND),
        NO_SUCH_MAIL(ErrorCode.NOT_FOUND),
        /** No event parked in a processing group's dead letter queue has that letter id. */
        NO_SUCH_DEAD_LETTER(ErrorCode.NOT_FOUND),
        EVENT_STARTED(ErrorCode.CONFLICT),
        /** The event was cancelled: it takes no bookings and no changes any more. */
        EVENT_CANCELLED(ErrorCode.CONFLICT),
        /** The event has started or is over: it can no longer be edited, rescheduled or cancelled. */
        EVENT_OVER(ErrorCode.CONFLICT),
        /** A change of an event that names nothing to change. */
        NOTHING_TO_CHANGE(ErrorCode.INVALID),
        NO_SEATS_CHOSEN(ErrorCode.INVALID),
        SEAT_NOT_A_NUMBER(ErrorCode.INVALID),
        SEATS_AND_BEST_AVAILABLE(ErrorCode.INVALID),
        NOT_YOUR_BOOKING(ErrorCode.FORBIDDEN),
        ALREADY_CANCELLED(ErrorCode.CONFLICT),
        ALREADY_REVIEWED(ErrorCode.CONFLICT),
        NOT_A_BOOKER(ErrorCode.FORBIDDEN),
        NOT_THE_AUTHOR(ErrorCode.FORBIDDEN),
        REVIEW_ID_MISMATCH(ErrorCode.INVALID),
        EMAIL_TAKEN(ErrorCode.CONFLICT),
        NO_SUCH_ACCOUNT(ErrorCode.NOT_FOUND),
        /** An admin tried to take the ADMIN role from themselves, which could leave nobody to run the site. */
        OWN_ADMIN_ROLE(ErrorCode.CONFLICT),
        // door: a ticket's booking is cancelled; a code names no ticket of a booking; a ticket of another event
        CANCELLED(ErrorCode.CONFLICT),
        INVALID_CODE(ErrorCode.INVALID),
        WRONG_EVENT(ErrorCode.INVALID),
        // waitlist: joining an event that can seat you now, or twice; an entry of someone else's or none; accepting
        // before seats are offered, after the offer ran out, or once the entry has ended (booked, left or closed)
        SEATS_AVAILABLE(ErrorCode.CONFLICT),
        ALREADY_WAITING(ErrorCode.CONFLICT),
        NO_SUCH_WAITLIST_ENTRY(ErrorCode.NOT_FOUND),
        NOT_YOUR_WAITLIST_ENTRY(ErrorCode.FORBIDDEN),
        NO_OFFER(ErrorCode.CONFLICT),
        OFFER_EXPIRED(ErrorCode.CONFLICT),
        WAITLIST_ENTRY_ENDED(ErrorCode.CONFLICT),
        // accounts (issue 16): an address not verified yet may not book or review; a mailed link that is unknown,
        // used or expired; a wrong current password; a link asked for again too soon or too often
        EMAIL_NOT_VERIFIED(ErrorCode.FORBIDDEN),
        EMAIL_ALREADY_VERIFIED(ErrorCode.CONFLICT),
        INVALID_TOKEN(ErrorCode.INVALID),
        WRONG_PASSWORD(ErrorCode.FORBIDDEN),
        TOO_MANY_MAILS(ErrorCode.CONFLICT);

        private final ErrorCode code;

        Plain(ErrorCode code) {
            this.code = code;
        }

        @Override
        public ErrorCode code() {
            return code;
        }

        @Override
        public String reason() {
            return kebab(name());
        }
    }

    /** Some of the chosen seats are booked already; the others are still free. */
    record SeatsUnavailable(List<Integer> seats) implements Refusal {

        public SeatsUnavailable {
            seats = List.copyOf(seats);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.CONFLICT;
        }

        @Override
        public String reason() {
            return "seats-unavailable";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("unavailableSeats", seats);
        }
    }

    /** Seats that the event does not have, or that were chosen more than once (either list may be empty). */
    record SeatsUnknownOrRepeated(List<Integer> unknown, List<Integer> repeated, int capacity) implements Refusal {

        public SeatsUnknownOrRepeated {
            unknown = List.copyOf(unknown);
            repeated = List.copyOf(repeated);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.INVALID;
        }

        @Override
        public String reason() {
            return "seats-unknown-or-repeated";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("unknownSeats", unknown, "repeatedSeats", repeated);
        }
    }

    record TooManySeats(int max, int chosen) implements Refusal {

        @Override
        public ErrorCode code() {
            return ErrorCode.INVALID;
        }

        @Override
        public String reason() {
            return "too-many-seats";
        }
    }

    /** The booking could have been cancelled until {@code cancellableUntil}, {@code cutoff} before the event. */
    record TooLateToCancel(Instant cancellableUntil, Duration cutoff) implements Refusal {

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

    /**
     * A value that breaks a rule of its field; {@code min} and {@code max} are the bounds where the rule has them.
     * The reason is {@code invalid-<rule>}.
     */
    record InvalidValue(String field, Rule rule, long min, long max) implements Refusal {

        public enum Rule {
            REQUIRED,
            TOO_LONG,
            TOO_MANY_BYTES,
            CONTROL_CHARACTERS,
            OUT_OF_RANGE,
            NEGATIVE,
            NOT_IN_FUTURE,
            NOT_AN_EMAIL,
            TOO_COMMON,
            LIKE_NAME,
            UNKNOWN_CATEGORY,
            NOT_A_CHOICE,
            NOT_A_REFERENCE,
            /** A time further ahead than the rule allows; {@code max} is in years. */
            TOO_FAR_AHEAD
        }

        public static InvalidValue of(String field, Rule rule) {
            return new InvalidValue(field, rule, 0, 0);
        }

        public static InvalidValue atMost(String field, Rule rule, long max) {
            return new InvalidValue(field, rule, 0, max);
        }

        public static InvalidValue outOfRange(String field, long min, long max) {
            return new InvalidValue(field, Rule.OUT_OF_RANGE, min, max);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.INVALID;
        }

        @Override
        public String reason() {
            return "invalid-" + kebab(rule.name());
        }
    }

    /** A layout that breaks one of SPEC §1's rules; {@code problem} says which, in English. */
    record InvalidLayout(String problem) implements Refusal {

        @Override
        public ErrorCode code() {
            return ErrorCode.INVALID;
        }

        @Override
        public String reason() {
            return "invalid-layout";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("problem", problem);
        }
    }

    /** No {@code count} free seats side by side (of {@code category}, if given) are left. */
    record NoAdjacentBlock(int count, String category) implements Refusal {

        @Override
        public ErrorCode code() {
            return ErrorCode.CONFLICT;
        }

        @Override
        public String reason() {
            return "no-adjacent-block";
        }

        @Override
        public Map<String, Object> properties() {
            return category == null ? Map.of("count", count) : Map.of("count", count, "category", category);
        }
    }

    /** The booking would leave these seats alone between unavailable seats, gaps or row ends. */
    record SingleSeat(List<Integer> strandedSeats) implements Refusal {

        public SingleSeat {
            strandedSeats = List.copyOf(strandedSeats);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.CONFLICT;
        }

        @Override
        public String reason() {
            return "single-seat";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("strandedSeats", strandedSeats);
        }
    }

    /** Companion seats chosen without a wheelchair space of their row in the same booking. */
    record CompanionWithoutWheelchair(List<Integer> companionSeats) implements Refusal {

        public CompanionWithoutWheelchair {
            companionSeats = List.copyOf(companionSeats);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.CONFLICT;
        }

        @Override
        public String reason() {
            return "companion-without-wheelchair";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("companionSeats", companionSeats);
        }
    }

    /**
     * The booking would give the account more seats of the event than {@code limit}, the event's limit per account;
     * it holds {@code held} already (bookings not cancelled).
     */
    record AccountLimit(int limit, int held) implements Refusal {

        @Override
        public ErrorCode code() {
            return ErrorCode.CONFLICT;
        }

        @Override
        public String reason() {
            return "account-limit";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("limit", limit, "held", held);
        }
    }

    /** The ticket was admitted at the door already, at {@code checkedInAt}: a ticket is admitted once. */
    record AlreadyCheckedIn(Instant checkedInAt) implements Refusal {

        @Override
        public ErrorCode code() {
            return ErrorCode.CONFLICT;
        }

        @Override
        public String reason() {
            return "already-checked-in";
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("checkedInAt", checkedInAt.toString());
        }
    }

    private static String kebab(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
