package io.seatwise.command.waitlist;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.waitlist.CloseWaitlist;
import io.seatwise.api.waitlist.ExpireOffer;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.OfferExpired;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistClosed;
import io.seatwise.api.waitlist.WaitlistEntryId;
import io.seatwise.api.waitlist.WaitlistJoined;
import io.seatwise.api.waitlist.WaitlistLeft;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * The clock of one event's waitlist, from the first person joining it until it closes: when each offer runs out, and
 * when the event starts. The seat map decides everything else in the commands that change its seats (who is offered
 * which seats, accepting, leaving), so that no seat can be taken between a release and its offer; this saga only tells
 * it, through durable deadlines, that time has passed. A deadline survives restarts (the application's deadline manager
 * keeps it in the database), and a late or repeated one is harmless: the seat map expires an offer or closes the
 * waitlist once, and changes nothing when the offer was accepted or given up meanwhile.
 *
 * <p>Deadlines are never cancelled, only ignored when they have become pointless (an offer accepted, a start moved):
 * cancelling one that is firing at that moment fails, and a stale one costs a row until its time.
 *
 * <p>Sagas are never replayed ({@link DisallowReplay}): replaying would schedule deadlines again.
 */
@Saga
@ProcessingGroup(WaitlistSaga.GROUP)
@DisallowReplay
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class WaitlistSaga {

    public static final String GROUP = "waitlist-saga";
    static final String OFFER_RUNS_OUT = "waitlist-offer-runs-out";
    static final String EVENT_STARTS = "waitlist-event-starts";
    private static final String EVENT_ID = "eventId";

    private EventId eventId;

    /** When the event starts, as last scheduled: a deadline for an earlier start is stale. */
    private Instant startsAt;

    /** The offers that stand: entry id → when the offer runs out. */
    private Map<String, Instant> offers = new HashMap<>();

    @StartSaga
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(WaitlistJoined event, DeadlineManager deadlines) {
        if (eventId == null) {
            eventId = event.eventId();
            watchStart(event.eventStartsAt(), deadlines);
        }
    }

    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(EventRescheduled event, DeadlineManager deadlines) {
        watchStart(event.startsAt(), deadlines);
    }

    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(SeatsOffered event, DeadlineManager deadlines) {
        offers.put(event.entryId().value(), event.expiresAt());
        deadlines.schedule(event.expiresAt(), OFFER_RUNS_OUT, event.entryId());
    }

    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(OfferAccepted event) {
        offers.remove(event.entryId().value());
    }

    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(OfferExpired event) {
        offers.remove(event.entryId().value());
    }

    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(WaitlistLeft event) {
        offers.remove(event.entryId().value());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = EVENT_ID)
    void on(WaitlistClosed event) {
        offers.clear();
    }

    /** The offer's time is up: the seat map releases its seats to the next entry that fits, or back on sale. */
    @DeadlineHandler(deadlineName = OFFER_RUNS_OUT)
    void offerRunsOut(WaitlistEntryId entryId, CommandGateway commands) {
        if (offers.containsKey(entryId.value())) {
            commands.sendAndWait(new ExpireOffer(eventId, entryId));
        }
    }

    /** The event starts: whoever still waits has waited in vain. */
    @DeadlineHandler(deadlineName = EVENT_STARTS)
    void eventStarts(Instant at, CommandGateway commands) {
        if (at.equals(startsAt)) {
            commands.sendAndWait(new CloseWaitlist(eventId));
        }
    }

    private void watchStart(Instant start, DeadlineManager deadlines) {
        startsAt = start;
        deadlines.schedule(start, EVENT_STARTS, start);
    }
}
