package io.seatwise.web.mail;

import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.LanguageChanged;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.review.ReviewDeleted;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.api.review.ReviewSubmitted;
import io.seatwise.api.review.ReviewWithdrawn;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.OfferExpired;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistClosed;
import io.seatwise.api.waitlist.WaitlistLeft;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts mails into the outbox as bookings are made and cancelled: a confirmation due at once, a review prompt due a
 * while after the booking, a review reminder due once the event is over, and a confirmation of a cancellation; and
 * as events are rescheduled or cancelled, one mail to each of their bookers. What
 * the mails will say, and whether a prompt or reminder is still wanted when it falls due, it keeps in the
 * {@link MailDirectory}. The mails themselves are written later by the {@link Postman}: these handlers run in
 * transactions that hold SQLite's write lock, so they only record facts and due times.
 *
 * <p>Sending is a side effect, so this group is never replayed: {@code @DisallowReplay} makes Axon refuse to reset it
 * and skip it in any replay. Every write is idempotent and the outbox is keyed by booking and kind, so an event that is
 * delivered again (after a crash before the group's position was stored) adds no second mail.
 */
@Component
@ProcessingGroup(MailProjection.GROUP)
@DisallowReplay
class MailProjection {

    static final String GROUP = "mail";
    private static final Logger log = LoggerFactory.getLogger(MailProjection.class);

    private final MailDirectory directory;
    private final Outbox outbox;
    private final MailWriter writer;
    private final MailProperties properties;
    private final Clock clock;
    private volatile Instant installedAt;

    MailProjection(MailDirectory directory, Outbox outbox, MailWriter writer, MailProperties properties, Clock clock) {
        this.directory = directory;
        this.outbox = outbox;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    @EventHandler
    void on(AccountRegistered event) {
        directory.account(event.accountId().value(), event.email(), event.displayName(), event.language());
    }

    /**
     * Mail written from now on is in the new language. Mail already in the outbox but not yet written (prompts and
     * reminders that are not due, mail held up by an outage) gets its subject again in that language, so that subject
     * and body, written when it is sent, agree; mail that has gone out stays as it was.
     */
    @EventHandler
    void on(LanguageChanged event) {
        var accountId = event.accountId().value();
        directory.language(accountId, event.language());
        for (var mail : outbox.unwrittenTo(accountId)) {
            directory
                    .facts(mail.bookingId())
                    .ifPresent(facts -> outbox.resubject(mail.key(), writer.subject(mail.kind(), facts)));
        }
    }

    @EventHandler
    void on(VenueCreated event) {
        directory.venue(event.venueId().value(), event.name(), event.city());
    }

    @EventHandler
    void on(EventScheduled event) {
        directory.event(
                event.eventId().value(), event.venueId().value(), event.title(), event.startsAt(), event.layout());
    }

    @EventHandler
    void on(SeatsBooked event, @Timestamp Instant storedAt) {
        directory.booking(
                event.bookingId(), event.eventId().value(), event.accountId().value(), event.seats());
        if (storedBeforeMail(storedAt)) {
            return;
        }
        facts(event.bookingId()).ifPresent(facts -> {
            enqueue(MailKind.BOOKING_CONFIRMATION, facts, event.bookedAt());
            enqueue(MailKind.REVIEW_PROMPT, facts, MailTimes.plus(event.bookedAt(), properties.reviewPromptDelay()));
            enqueue(MailKind.REVIEW_REMINDER, facts, MailTimes.plus(facts.startsAt(), properties.eventDuration()));
        });
    }

    @EventHandler
    void on(EventEdited event) {
        if (event.title() != null) {
            directory.eventTitle(event.eventId().value(), event.title());
        }
    }

    /**
     * Mails each booker once (at their first standing booking), with the old and the new start, and moves the
     * pending review reminders to after the new end. The key names the reschedule's place in the event's stream, so
     * a second reschedule mails again and a redelivered one does not.
     */
    @EventHandler
    void on(EventRescheduled event, @Timestamp Instant storedAt, @SequenceNumber long sequence) {
        var eventId = event.eventId().value();
        directory.eventRescheduled(eventId, event.startsAt());
        outbox.moveReminders(eventId, MailTimes.plus(event.startsAt(), properties.eventDuration()));
        if (storedBeforeMail(storedAt)) {
            return;
        }
        var notice = new Notice(event.previousStartsAt(), event.startsAt(), null);
        for (var bookingId : directory.bookersFirstBookings(eventId)) {
            facts(BookingId.of(bookingId))
                    .ifPresent(facts -> enqueue(
                            MailKind.EVENT_RESCHEDULED,
                            facts,
                            event.rescheduledAt(),
                            String.valueOf(sequence),
                            notice));
        }
    }

    /**
     * Mails each booker once, with the reason. The seat map follows this event with the release of every booking
     * that stood; those releases send no cancellation mail of their own (see {@link #on(SeatsReleased, Instant)}).
     */
    @EventHandler
    void on(EventCancelled event, @Timestamp Instant storedAt) {
        var eventId = event.eventId().value();
        directory.eventCancelled(eventId, event.reason());
        if (storedBeforeMail(storedAt)) {
            return;
        }
        var notice = new Notice(null, null, event.reason());
        for (var bookingId : directory.bookersFirstBookings(eventId)) {
            facts(BookingId.of(bookingId))
                    .ifPresent(facts -> enqueue(MailKind.EVENT_CANCELLED, facts, event.cancelledAt(), null, notice));
        }
    }

    @EventHandler
    void on(SeatsReleased event, @Timestamp Instant storedAt) {
        directory.cancelled(event.bookingId());
        outbox.skipScheduled(event.bookingId().value());
        if (storedBeforeMail(storedAt) || directory.isCancelled(event.eventId().value())) {
            // a booking released with its cancelled event: its booker has the event's mail instead
            return;
        }
        facts(event.bookingId()).ifPresent(facts -> enqueue(MailKind.CANCELLATION, facts, event.releasedAt()));
    }

    /** Mails the offer at once; it is not sent once the offer has ended (see {@link MailDirectory#stillWanted}). */
    @EventHandler
    void on(SeatsOffered event, @Timestamp Instant storedAt) {
        directory.offer(
                event.bookingId(),
                event.entryId().value(),
                event.eventId().value(),
                event.accountId().value(),
                event.seats(),
                event.expiresAt());
        if (storedBeforeMail(storedAt)) {
            return;
        }
        facts(event.bookingId()).ifPresent(facts -> enqueue(MailKind.WAITLIST_OFFER, facts, event.offeredAt()));
    }

    @EventHandler
    void on(OfferAccepted event) {
        directory.offerEnded(event.entryId().value());
    }

    @EventHandler
    void on(OfferExpired event) {
        directory.offerEnded(event.entryId().value());
    }

    @EventHandler
    void on(WaitlistLeft event) {
        directory.offerEnded(event.entryId().value());
    }

    @EventHandler
    void on(WaitlistClosed event) {
        directory.offersOfEventEnded(event.eventId().value());
    }

    @EventHandler
    void on(ReviewSubmitted event) {
        if (event.subject().kind() == ReviewSubject.Kind.EVENT) {
            directory.reviewed(
                    event.reviewId().value(),
                    event.subject().id(),
                    event.authorId().value());
        }
    }

    @EventHandler
    void on(ReviewDeleted event) {
        directory.reviewDeleted(event.reviewId().value());
    }

    /** A withdrawn review is no review: had its author a booking still, the reminder would be wanted again. */
    @EventHandler
    void on(ReviewWithdrawn event) {
        directory.reviewDeleted(event.reviewId().value());
    }

    private void enqueue(MailKind kind, BookingFacts facts, Instant due) {
        outbox.add(
                new Letter(kind, facts.bookingId(), facts.email(), writer.subject(kind, facts), due), clock.instant());
    }

    /** A mail about the event's change, with what it tells beyond the booking kept beside it under the same key. */
    private void enqueue(MailKind kind, BookingFacts facts, Instant due, String occasion, Notice notice) {
        var letter = new Letter(kind, facts.bookingId(), facts.email(), writer.subject(kind, facts), due, occasion);
        directory.notice(letter.key(), notice);
        outbox.add(letter, clock.instant());
    }

    /** Events stored before mail was installed are history: they were answered without mail and get none now. */
    private boolean storedBeforeMail(Instant storedAt) {
        if (installedAt == null) {
            installedAt = directory.installedAt();
        }
        return storedAt.isBefore(installedAt);
    }

    /**
     * The group has one segment, so the account, the event and its venue were all handled before any booking that
     * names them; if one is missing all the same, no mail can be written, and holding up every later mail for it
     * would not help.
     */
    private Optional<BookingFacts> facts(BookingId bookingId) {
        var facts = directory.facts(bookingId.value());
        if (facts.isEmpty()) {
            log.warn("No mail about booking {}: its account, event or venue is unknown to the mail group", bookingId);
        }
        return facts;
    }
}
