package io.seatwise.web.mail;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventRescheduled;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Saga;

/**
 * The mails of one booking made between V18 and V20, from the booking until its last mail is due: the review prompt
 * {@code review-prompt-delay} after the booking, the review reminder once the event is over ({@code event-duration}
 * after its start, as last rescheduled), and the confirmation of its cancellation. Since V20 no booking starts one: an
 * event's bookings share its saga ({@link EventMailSaga}), which costs a booking storm far less. The sagas already
 * stored run on until their last mail, so that a database of that release keeps its pending mails; this class is how
 * Axon reads and runs them. (When it started, it posted the confirmation and set its first deadline.)
 *
 * <p>The saga keeps one durable deadline at a time, for the next of its mails, and a reschedule touches the deadline
 * only when the next mail's time changes. When the deadline goes off, the mails due by its time go into the outbox and
 * the deadline for the next one is set; after the last, the saga ends. A cancelled booking or event cancels the
 * deadline and ends the saga. A deadline is cancelled only as far as that is possible (one that is going off at that
 * moment is not): whatever goes off afterwards finds the saga ended, or its time no longer the saga's next, and does
 * nothing.
 *
 * <p>It runs in the mail group's processor ({@link MailProjection#GROUP}), after the group's own handlers of each event,
 * and is never replayed ({@link DisallowReplay}): a replay would mail again. (Public because Axon makes a saga through
 * its public constructor; its handlers stay the package's.)
 */
@Saga
@ProcessingGroup(MailProjection.GROUP)
@DisallowReplay
@Revision("1")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class BookingMailSaga {

    static final String MAIL_DUE = "booking-mail-due";
    private static final String BOOKING_ID = "bookingId";
    private static final String EVENT_ID = "eventId";

    private BookingId bookingId;

    /** When the review prompt is due; null once it went out. */
    private Instant promptDue;

    /** When the review reminder is due, after the event's end as last rescheduled; null once it went out. */
    private Instant reminderDue;

    /** The deadline set for the next mail, while one is set. */
    private String deadline;

    /** The reminder moves to after the new end; the deadline moves only if the next mail's time changed. */
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(EventRescheduled event, BookingMailbox mailbox, DeadlineManager deadlines) {
        if (reminderDue == null) {
            return;
        }
        var before = next();
        reminderDue = mailbox.reminderDue(event.startsAt());
        if (!Objects.equals(before, next())) {
            cancelDeadline(deadlines);
            scheduleNext(deadlines);
        }
    }

    /** The event's own mail tells its bookers; their bookings' releases that follow find no saga. */
    @EndSaga
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(EventCancelled event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(SeatsReleased event, BookingMailbox mailbox, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
        mailbox.post(MailKind.CANCELLATION, bookingId, event.releasedAt());
    }

    /** The next mail's time has come: the mails due by then go out, and the deadline for the one after is set. */
    @DeadlineHandler(deadlineName = MAIL_DUE)
    void mailDue(Instant at, BookingMailbox mailbox, DeadlineManager deadlines) {
        if (!at.equals(next())) {
            // set before a reschedule, and going off while the reschedule cancelled it
            return;
        }
        deadline = null;
        if (promptDue != null && !promptDue.isAfter(at)) {
            mailbox.post(MailKind.REVIEW_PROMPT, bookingId, promptDue);
            promptDue = null;
        }
        if (reminderDue != null && !reminderDue.isAfter(at)) {
            var end = mailbox.reminderDue(bookingId).orElse(reminderDue);
            if (end.isAfter(at)) {
                // moved meanwhile: on PostgreSQL this deadline may have gone off on another node while this node
                // handled the reschedule, and its saga state was the one stored last
                reminderDue = end;
            } else {
                mailbox.post(MailKind.REVIEW_REMINDER, bookingId, reminderDue);
                reminderDue = null;
            }
        }
        if (promptDue == null && reminderDue == null) {
            SagaLifecycle.end();
        } else {
            scheduleNext(deadlines);
        }
    }

    /**
     * When the next mail is due, or null when none is left that a deadline can be set for (a reminder after an event
     * of an extreme date, stored before starts were bounded, waits for a reschedule).
     */
    private Instant next() {
        return Stream.of(promptDue, reminderDue)
                .filter(Objects::nonNull)
                .filter(MailTimes::schedulable)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private void scheduleNext(DeadlineManager deadlines) {
        var at = next();
        deadline = at == null ? null : deadlines.schedule(at, MAIL_DUE, at);
    }

    private void cancelDeadline(DeadlineManager deadlines) {
        if (deadline != null) {
            deadlines.cancelSchedule(MAIL_DUE, deadline);
            deadline = null;
        }
    }
}
