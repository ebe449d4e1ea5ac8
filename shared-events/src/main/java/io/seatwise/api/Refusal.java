package io.seatwise.api;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * Why the domain said no, with what the answer must name (the seats, the cutoff) as typed values. The web layer
 * turns each into a status and problem members for the API, and into a message in the page's language for the pages;
 * {@link #reason()} names it in both places (the pages' bundle key is {@code refusal.<reason>}).
 *
 * <p>Refusals that name nothing beyond why are the constants of {@link Plain}; each that names details is a record of
 * its own in this package, such as {@link SeatsUnavailable} with the seats taken or {@link InvalidValue} with the
 * field and its bounds.
 */
public sealed interface Refusal extends Serializable
        permits Refusal.Plain,
                AccountLimit,
                AlreadyCheckedIn,
                CompanionWithoutWheelchair,
                InvalidLayout,
                InvalidValue,
                NoAdjacentBlock,
                SeatsUnavailable,
                SeatsUnknownOrRepeated,
                SingleSeat,
                TooLateToCancel,
                TooManySeats {

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

    private static String kebab(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
