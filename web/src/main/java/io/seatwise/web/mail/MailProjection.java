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
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps what the mails tell in the {@link MailDirectory} and mails what concerns the event as a whole: as events are
 * rescheduled or cancelled, one mail to each of their bookers. Each booking's own mails (confirmation, review prompt,
 * review reminder, cancellation) are its event's saga's, {@link EventMailSaga}, which runs in this group's processor
 * after these handlers. Bookings made before that saga keep what timed their mails then: their own saga
 * ({@link BookingMailSaga}, V18 to V20), or before V18 their prompts and reminders in the outbox, due at their times,
 * which this group still skips, moves and whose cancellation it confirms. What the
 * mails say, and whether a prompt or reminder is still wanted when it falls due, is decided by the {@link Postman}
 * from the directory: these handlers run in transactions that hold SQLite's write lock, so they only record.
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

    private final MailDirectory directory;
    private final Outbox outbox;
    private final Mailbox mailbox;
    private final MailWriter writer;

    MailProjection(MailDirectory directory, Outbox outbox, Mailbox mailbox, MailWriter writer) {
        this.directory = directory;
        this.outbox = outbox;
        this.mailbox = mailbox;
        this.writer = writer;
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

    /**
     * The booking's mails are its event's saga's, which times them for every booking stored since mail was installed,
     * by when each was made.
     */
    @EventHandler
    void on(SeatsBooked event, @Timestamp Instant storedAt) {
        directory.booking(
                event.bookingId(),
                event.eventId().value(),
                event.accountId().value(),
                event.seats(),
                mailbox.storedBeforeMail(storedAt) ? null : event.bookedAt());
    }

    @EventHandler
    void on(EventEdited event) {
        if (event.title() != null) {
            directory.eventTitle(event.eventId().value(), event.title());
        }
    }

    /**
     * Mails each booker once (at their first standing booking), with the old and the new start. The key names the
     * reschedule's place in the event's stream, so a second reschedule mails again and a redelivered one does not.
     * The mail sagas move their reminders' deadlines; the reminders that already wait in the outbox (bookings of the
     * release before the sagas, and those a saga put there because they were nearly due) move here, to after the new
     * end.
     */
    @EventHandler
    void on(EventRescheduled event, @Timestamp Instant storedAt, @SequenceNumber long sequence) {
        var eventId = event.eventId().value();
        directory.eventRescheduled(eventId, event.startsAt());
        outbox.moveReminders(eventId, mailbox.reminderDue(event.startsAt()));
        if (mailbox.storedBeforeMail(storedAt)) {
            return;
        }
        var notice = new Notice(event.previousStartsAt(), event.startsAt(), null);
        for (var bookingId : directory.bookersFirstBookings(eventId)) {
            mailbox.facts(BookingId.of(bookingId))
                    .ifPresent(facts -> mailbox.post(
                            MailKind.EVENT_RESCHEDULED,
                            facts,
                            event.rescheduledAt(),
                            String.valueOf(sequence),
                            notice));
        }
    }

    /**
     * Mails each booker once, with the reason. The event's mail sagas end here; the seat map follows this event with the
     * release of every booking that stood, and those releases send no cancellation mail of their own.
     */
    @EventHandler
    void on(EventCancelled event, @Timestamp Instant storedAt) {
        var eventId = event.eventId().value();
        directory.eventCancelled(eventId, event.reason());
        if (mailbox.storedBeforeMail(storedAt)) {
            return;
        }
        var notice = new Notice(null, null, event.reason());
        for (var bookingId : directory.bookersFirstBookings(eventId)) {
            mailbox.facts(BookingId.of(bookingId))
                    .ifPresent(
                            facts -> mailbox.post(MailKind.EVENT_CANCELLED, facts, event.cancelledAt(), null, notice));
        }
    }

    /**
     * A booking's saga confirms its cancellation. A booking made before the saga has none: its prompt and reminder,
     * waiting in the outbox, are skipped, and its cancellation is confirmed here.
     */
    @EventHandler
    void on(SeatsReleased event, @Timestamp Instant storedAt) {
        directory.cancelled(event.bookingId());
        if (directory.timedBySaga(event.bookingId())) {
            return;
        }
        outbox.skipScheduled(event.bookingId().value());
        if (mailbox.storedBeforeMail(storedAt)
                || directory.isCancelled(event.eventId().value())) {
            // a booking released with its cancelled event: its booker has the event's mail instead
            return;
        }
        mailbox.facts(event.bookingId())
                .ifPresent(facts -> mailbox.post(MailKind.CANCELLATION, facts, event.releasedAt()));
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
        if (mailbox.storedBeforeMail(storedAt)) {
            return;
        }
        mailbox.facts(event.bookingId())
                .ifPresent(facts -> mailbox.post(MailKind.WAITLIST_OFFER, facts, event.offeredAt()));
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
}
