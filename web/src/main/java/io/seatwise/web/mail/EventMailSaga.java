package io.seatwise.web.mail;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventRescheduled;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Saga;

/**
 * The mails of an event's bookings, from its first booking until the last of their mails is due: each booking's
 * confirmation at once (and its cancellation, should it be cancelled), its review prompt {@code review-prompt-delay}
 * after it was made, and every booking's review reminder once the event is over ({@code event-duration} after its
 * start, as last rescheduled). A mail that falls due goes into the outbox, due at its time; the {@link Postman} sends
 * it once, and only if it is still wanted then (the booking stands, the booker has not reviewed the event).
 *
 * <p>One saga per event rather than per booking, so that a booking storm costs the mail group no saga or deadline of
 * its own per booking: the saga's state is the same few fields however many bookings its event has. The bookings
 * themselves are in the {@link MailDirectory}, with the times they were made. The event's reminders go out on one
 * deadline, and its prompts on one deadline per time slot ({@link BookingMailbox#promptSlot}): when a slot's deadline
 * goes off, the prompts of the bookings whose prompt fell due in that slot go out, up to {@link #BATCH} per run (the
 * rest at once in the next). What the directory finds with a mail in the outbox already is skipped, so a deadline that
 * goes off twice, or two that overlap, change nothing. A booking whose prompt or reminder is due within {@link #SOON}
 * when the saga handles it (the mail group was behind, or the event is nearly over) has it put into the outbox at once,
 * due at its time, rather than left to a deadline that may be going off while the booking's transaction commits.
 *
 * <p>The deadlines run outside the mail group's processor, and on PostgreSQL on whichever node takes them, so the saga's
 * state may be stored by both at once and one of them lost. Nothing depends on it alone: the deadlines find the
 * bookings and the event's start in the directory, a slot scheduled twice sends nothing twice, and the reminder's
 * deadline that goes off before a reschedule it did not see finds the new start and waits for it.
 *
 * <p>It runs in the mail group's processor ({@link MailProjection#GROUP}), after the group's own handlers of each event:
 * the directory knows the booking before the saga looks it up, and one transaction per batch stores both. Sagas are
 * never replayed ({@link DisallowReplay}): a replay would mail again. Bookings stored before mail was installed get no
 * mail and start no saga. The bookings made before this saga (V20) keep their own ({@link BookingMailSaga}).
 */
@Saga
@ProcessingGroup(MailProjection.GROUP)
@DisallowReplay
@Revision("1")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class EventMailSaga {

    static final String PROMPTS_DUE = "review-prompts-due";
    static final String REMINDERS_DUE = "review-reminders-due";

    /** How many mails one deadline puts into the outbox: its transaction holds SQLite's write lock. */
    static final int BATCH = 1_000;

    /** A mail due this soon goes into the outbox at once, due at its time, instead of waiting for a deadline. */
    static final Duration SOON = Duration.ofSeconds(2);

    private static final String EVENT_ID = "eventId";

    private String eventId;

    /** When the event's reminders are due; null once they all went out. */
    private Instant reminderDue;

    /** The deadline set for the reminders, while one is set. */
    private String reminderDeadline;

    /** The latest prompt slot a deadline is set for. */
    private Instant promptsScheduled;

    /** The latest prompt slot whose prompts all went out. */
    private Instant promptsSent;

    @StartSaga
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(SeatsBooked event, @Timestamp Instant storedAt, BookingMailbox mailbox, DeadlineManager deadlines) {
        boolean started = eventId == null;
        var facts = mailbox.storedBeforeMail(storedAt)
                ? null
                : mailbox.post(MailKind.BOOKING_CONFIRMATION, event.bookingId(), event.bookedAt())
                        .orElse(null);
        if (facts == null) {
            // history from before mail, or nothing can be written about it (see Mailbox#facts)
            if (started) {
                SagaLifecycle.end();
            }
            return;
        }
        var now = mailbox.now();
        var remindAt = mailbox.reminderDue(facts.startsAt());
        if (started) {
            eventId = event.eventId().value();
            reminderDue = remindAt;
            scheduleReminders(deadlines);
        }
        if (soon(remindAt, now)) {
            mailbox.post(MailKind.REVIEW_REMINDER, event.bookingId(), remindAt);
        }
        var promptDue = mailbox.promptDue(event.bookedAt());
        var slot = mailbox.promptSlot(promptDue);
        if (soon(slot, now)) {
            mailbox.post(MailKind.REVIEW_PROMPT, event.bookingId(), promptDue);
        } else if (MailTimes.schedulable(slot) && !slot.equals(promptsScheduled)) {
            deadlines.schedule(slot, PROMPTS_DUE, slot);
            if (promptsScheduled == null || slot.isAfter(promptsScheduled)) {
                promptsScheduled = slot;
            }
        }
    }

    /** A booking's cancellation is confirmed; its prompt and reminder are no longer wanted, so none go out. */
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(SeatsReleased event, BookingMailbox mailbox) {
        if (mailbox.timedByEventSaga(event.bookingId())) {
            mailbox.post(MailKind.CANCELLATION, event.bookingId(), event.releasedAt());
        }
    }

    /** The reminders move to after the new end. */
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(EventRescheduled event, BookingMailbox mailbox, DeadlineManager deadlines) {
        var due = mailbox.reminderDue(event.startsAt());
        if (!due.equals(reminderDue)) {
            cancelReminders(deadlines);
            reminderDue = due;
            scheduleReminders(deadlines);
        }
    }

    /** The event's own mail tells its bookers; their bookings' releases that follow find no saga. */
    @EndSaga
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(EventCancelled event, DeadlineManager deadlines) {
        cancelReminders(deadlines);
        deadlines.cancelAllWithinScope(PROMPTS_DUE);
    }

    /** The prompts that fell due in the slot ending at {@code slot} go out. */
    @DeadlineHandler(deadlineName = PROMPTS_DUE)
    void promptsDue(Instant slot, BookingMailbox mailbox, DeadlineManager deadlines) {
        if (mailbox.postPrompts(eventId, slot, BATCH) == BATCH) {
            deadlines.schedule(mailbox.now(), PROMPTS_DUE, slot);
            return;
        }
        if (promptsSent == null || slot.isAfter(promptsSent)) {
            promptsSent = slot;
        }
        endWhenAllWentOut();
    }

    /** The event is over: its reminders go out, unless it moved meanwhile. */
    @DeadlineHandler(deadlineName = REMINDERS_DUE)
    void remindersDue(Instant at, BookingMailbox mailbox, DeadlineManager deadlines) {
        var due = mailbox.eventReminderDue(eventId).orElse(at);
        if (due.isAfter(at)) {
            // moved, and this deadline going off before the reschedule could cancel it (on PostgreSQL, on another node)
            if (!due.equals(reminderDue) || reminderDeadline == null) {
                reminderDue = due;
                scheduleReminders(deadlines);
            }
            return;
        }
        if (mailbox.postReminders(eventId, due, BATCH) == BATCH) {
            reminderDeadline = deadlines.schedule(mailbox.now(), REMINDERS_DUE, at);
            return;
        }
        reminderDue = null;
        reminderDeadline = null;
        endWhenAllWentOut();
    }

    private void endWhenAllWentOut() {
        boolean promptsOut =
                promptsScheduled == null || (promptsSent != null && !promptsSent.isBefore(promptsScheduled));
        if (reminderDue == null && promptsOut) {
            SagaLifecycle.end();
        }
    }

    private static boolean soon(Instant due, Instant now) {
        return !due.isAfter(now.plus(SOON));
    }

    /** Sets the reminders' deadline, unless they are due too far ahead for one (see {@link MailTimes#schedulable}). */
    private void scheduleReminders(DeadlineManager deadlines) {
        reminderDeadline =
                MailTimes.schedulable(reminderDue) ? deadlines.schedule(reminderDue, REMINDERS_DUE, reminderDue) : null;
    }

    private void cancelReminders(DeadlineManager deadlines) {
        if (reminderDeadline != null) {
            deadlines.cancelSchedule(REMINDERS_DUE, reminderDeadline);
            reminderDeadline = null;
        }
    }
}
