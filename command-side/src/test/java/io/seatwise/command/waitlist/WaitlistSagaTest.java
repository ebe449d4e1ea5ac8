package io.seatwise.command.waitlist;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waitlist's clock: an offer that is not accepted in time is expired by the seat map, the next offer gets a clock
 * of its own, and the waitlist closes when the event starts, as it is when the deadline comes.
 */
class WaitlistSagaTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(2));
    private static final EventId EVENT = EventId.of("event-1");
    private static final AccountId ANN = AccountId.of("ann");
    private static final AccountId BOB = AccountId.of("bob");
    private static final WaitlistEntryId ANNS = WaitlistEntryId.of("anns-entry");
    private static final WaitlistEntryId BOBS = WaitlistEntryId.of("bobs-entry");

    private FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(WaitlistSaga.class);
    }

    @Test
    void theFirstToJoinStartsTheWaitlistsClockUntilTheEventStarts() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(joined(ANNS, ANN))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.between(NOW, STARTS_AT), WaitlistSaga.EVENT_STARTS)
                .expectNoDispatchedCommands();
    }

    @Test
    void anOfferNotAcceptedInTimeIsExpiredBySeatMap() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(offered(ANNS, ANN))
                .whenTimeElapses(TTL)
                .expectDispatchedCommands(new ExpireOffer(EVENT, ANNS));
    }

    @Test
    void anOfferIsNotExpiredBeforeItsTime() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(offered(ANNS, ANN))
                .whenTimeElapses(TTL.minusSeconds(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void anAcceptedOfferIsNotExpired() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(offered(ANNS, ANN))
                .andThenAPublished(new OfferAccepted(EVENT, ANNS, ANN, BookingId.of(ANNS.value()), NOW))
                .whenTimeElapses(TTL)
                .expectNoDispatchedCommands();
    }

    @Test
    void anOfferGivenUpIsNotExpired() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(offered(ANNS, ANN))
                .andThenAPublished(new WaitlistLeft(EVENT, ANNS, ANN, List.of(1, 2), NOW))
                .whenTimeElapses(TTL)
                .expectNoDispatchedCommands();
    }

    @Test
    void theNextOfferRunsOnAClockOfItsOwn() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(joined(BOBS, BOB))
                .andThenAPublished(offered(ANNS, ANN))
                .andThenTimeElapses(TTL)
                .andThenAPublished(new OfferExpired(EVENT, ANNS, ANN, List.of(1, 2), NOW.plus(TTL)))
                .andThenAPublished(new SeatsOffered(
                        EVENT,
                        BOBS,
                        BOB,
                        BookingId.of(BOBS.value()),
                        List.of(1, 2),
                        NOW.plus(TTL),
                        NOW.plus(TTL).plus(TTL)))
                .whenTimeElapses(TTL)
                .expectDispatchedCommands(new ExpireOffer(EVENT, BOBS));
    }

    @Test
    void theWaitlistClosesWhenTheEventStarts() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .whenTimeElapses(Duration.between(NOW, STARTS_AT))
                .expectDispatchedCommands(new CloseWaitlist(EVENT));
    }

    @Test
    void aRescheduledEventClosesItsWaitlistAtTheNewStartOnly() {
        var later = STARTS_AT.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(new EventRescheduled(EVENT, STARTS_AT, later, NOW))
                .whenTimeElapses(Duration.between(NOW, STARTS_AT))
                .expectNoDispatchedCommands();
    }

    @Test
    void aRescheduledEventClosesItsWaitlistAtTheNewStart() {
        var later = STARTS_AT.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(new EventRescheduled(EVENT, STARTS_AT, later, NOW))
                .whenTimeElapses(Duration.between(NOW, later))
                .expectDispatchedCommands(new CloseWaitlist(EVENT));
    }

    @Test
    void aClosedWaitlistEndsItsSaga() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(joined(ANNS, ANN))
                .andThenAPublished(offered(ANNS, ANN))
                .whenPublishingA(new WaitlistClosed(EVENT, WaitlistClosed.Reason.EVENT_CANCELLED, List.of(1, 2), NOW))
                .expectActiveSagas(0);
    }

    private static WaitlistJoined joined(WaitlistEntryId entry, AccountId account) {
        return new WaitlistJoined(EVENT, entry, account, 2, null, TTL, STARTS_AT, NOW);
    }

    private static SeatsOffered offered(WaitlistEntryId entry, AccountId account) {
        return new SeatsOffered(EVENT, entry, account, BookingId.of(entry.value()), List.of(1, 2), NOW, NOW.plus(TTL));
    }
}
