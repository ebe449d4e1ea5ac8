package io.seatwise.command.booking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.TooLateToCancel;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.CancelEvent;
import io.seatwise.api.event.EditEvent;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.event.Prices;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.command.Starts;
import io.seatwise.command.Texts;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an event's seat map knows of the event's life beyond its seats: whether it was cancelled, and which bookings
 * may be cancelled without the cutoff because the event was rescheduled after they were made. Part of the seat map's
 * snapshot (revision 3).
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class EventLife {

    /** The same bounds as when the venue schedules an event. */
    static final int MAX_TITLE_LENGTH = 200;

    static final int MAX_DESCRIPTION_LENGTH = 4_000;

    /** Null while the event is not cancelled. */
    private String cancelReason;

    /** Ids of the bookings that stood when the event was last rescheduled: cancellable until the start. */
    private Set<String> freelyCancellable = new HashSet<>();

    boolean cancelled() {
        return cancelReason != null;
    }

    /** Refuses bookings of an event that is cancelled, or has started. */
    void checkBookable(Instant startsAt, Instant now) {
        if (cancelled()) {
            throw new DomainException(
                    Refusal.Plain.EVENT_CANCELLED, "The event was cancelled; its seats can no longer be booked");
        }
        if (!now.isBefore(startsAt)) {
            throw new DomainException(
                    Refusal.Plain.EVENT_STARTED, "The event has already started; its seats can no longer be booked");
        }
    }

    /** Refuses any change of an event that is cancelled, or has started. */
    void checkChangeable(Instant startsAt, Instant now) {
        if (cancelled()) {
            throw new DomainException(Refusal.Plain.EVENT_CANCELLED, "The event is already cancelled");
        }
        if (!now.isBefore(startsAt)) {
            throw new DomainException(
                    Refusal.Plain.EVENT_OVER, "The event has started or is over; it can no longer be changed");
        }
    }

    /** The reason of a cancellation, checked. */
    static String reason(CancelEvent command) {
        return Texts.required(command.reason(), "reason", CancelEvent.MAX_REASON_LENGTH);
    }

    /**
     * The edit that the command asks for, if it changes title, description, prices or the limit of seats per account;
     * null otherwise.
     */
    static EventEdited edit(
            EditEvent command, SeatLayout layout, Map<String, Long> prices, int maxSeatsPerAccount, Instant now) {
        if (command.empty()) {
            throw new DomainException(
                    Refusal.Plain.NOTHING_TO_CHANGE,
                    "Give at least one of title, description, startsAt, priceCents, prices or maxSeatsPerAccount");
        }
        var title = command.title() == null ? null : Texts.requiredLine(command.title(), "title", MAX_TITLE_LENGTH);
        var description = command.description() == null
                ? null
                : Texts.optional(command.description(), "description", MAX_DESCRIPTION_LENGTH);
        var newPrices = command.priceCents() == null && command.prices() == null
                ? null
                : Prices.of(layout, command.priceCents(), command.prices());
        if (newPrices != null && newPrices.equals(prices)) {
            newPrices = null;
        }
        var limit =
                command.maxSeatsPerAccount() == null ? null : BookingRules.checkedLimit(command.maxSeatsPerAccount());
        if (limit != null && limit == maxSeatsPerAccount) {
            limit = null;
        }
        if (command.startsAt() != null) {
            Starts.checked(command.startsAt(), now);
        }
        if (title == null && description == null && newPrices == null && limit == null) {
            return null;
        }
        return new EventEdited(
                command.eventId(),
                title,
                description,
                newPrices,
                newPrices == null ? null : Prices.fromCents(layout, newPrices),
                now,
                limit);
    }

    /** The reschedule that the command asks for, if it moves the start; null otherwise. */
    static EventRescheduled reschedule(EditEvent command, Instant startsAt, Instant now) {
        if (command.startsAt() == null || command.startsAt().equals(startsAt)) {
            return null;
        }
        return new EventRescheduled(command.eventId(), startsAt, command.startsAt(), now);
    }

    /** The last moment the booking may be cancelled: the start if the event moved after it was made. */
    private Instant cancellableUntil(BookingId bookingId, Instant startsAt, BookingRules rules) {
        return freelyCancellable.contains(bookingId.value()) ? startsAt : rules.cancellableUntil(startsAt);
    }

    /** Refuses cancelling the booking after {@link #cancellableUntil}, and says until when it could have been. */
    void checkCancellable(BookingId bookingId, Instant startsAt, BookingRules rules, Instant now) {
        var cancellableUntil = cancellableUntil(bookingId, startsAt, rules);
        if (now.isAfter(cancellableUntil)) {
            throw new DomainException(
                    new TooLateToCancel(cancellableUntil, rules.cancellationCutoff()),
                    "Bookings can be cancelled until " + SeatRequests.describe(rules.cancellationCutoff())
                            + " before the event starts; this one could be cancelled until " + cancellableUntil);
        }
    }

    void rescheduled(Collection<String> standingBookings) {
        freelyCancellable.addAll(standingBookings);
    }

    void released(BookingId bookingId) {
        freelyCancellable.remove(bookingId.value());
    }

    void cancelled(String reason) {
        cancelReason = reason;
    }
}
