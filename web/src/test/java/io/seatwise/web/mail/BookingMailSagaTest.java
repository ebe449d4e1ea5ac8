package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.venue.SeatLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A booking's mails as its saga times them: the confirmation at once, the prompt after its delay, the reminder once
 * the event is over (as last rescheduled), one deadline at a time; a cancelled booking or event ends it, and a booking
 * stored before mail starts none. The outbox here is a list of what was posted.
 */
class BookingMailSagaTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Duration PROMPT_DELAY = Duration.ofHours(1);
    private static final Duration EVENT_DURATION = Duration.ofHours(3);
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(2));
    private static final Instant ENDS_AT = STARTS_AT.plus(EVENT_DURATION);
    private static final EventId EVENT = EventId.of("event-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final AccountId ANN = AccountId.of("ann");

    private final Posted mailbox = new Posted();
    private SagaTestFixture<BookingMailSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BookingMailSaga.class);
        fixture.registerResource(mailbox);
    }

    @Test
    void aBookingIsConfirmedAtOnceAndItsPromptAwaitsItsDelay() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(booked())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(PROMPT_DELAY, BookingMailSaga.MAIL_DUE);
        assertThat(mailbox.posted).containsExactly("BOOKING_CONFIRMATION at " + NOW);
    }

    @Test
    void thePromptGoesOutAfterItsDelayAndTheReminderWaitsForTheEventsEnd() {
        fixture.givenCurrentTime(NOW).andThenAPublished(booked()).whenTimeElapses(PROMPT_DELAY);
        assertThat(mailbox.posted)
                .containsExactly("BOOKING_CONFIRMATION at " + NOW, "REVIEW_PROMPT at " + NOW.plus(PROMPT_DELAY));
    }

    @Test
    void theReminderGoesOutOnceTheEventIsOverAndTheSagaEnds() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .whenTimeElapses(Duration.between(NOW, ENDS_AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.posted)
                .endsWith("REVIEW_PROMPT at " + NOW.plus(PROMPT_DELAY), "REVIEW_REMINDER at " + ENDS_AT);
    }

    @Test
    void theReminderIsNotSentBeforeTheEventIsOver() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .whenTimeElapses(Duration.between(NOW, ENDS_AT).minusSeconds(1))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), BookingMailSaga.MAIL_DUE);
        assertThat(mailbox.posted).noneMatch(mail -> mail.startsWith("REVIEW_REMINDER"));
    }

    @Test
    void aCancelledBookingIsConfirmedAndGetsNoPromptOrReminder() throws Exception {
        var releasedAt = NOW.plus(Duration.ofMinutes(10));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .andThenTimeElapses(Duration.ofMinutes(10))
                .whenPublishingA(new SeatsReleased(EVENT, BOOKING, ANN, List.of(4, 5), releasedAt))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.posted).containsExactly("BOOKING_CONFIRMATION at " + NOW, "CANCELLATION at " + releasedAt);
    }

    @Test
    void aRescheduleMovesTheReminderToAfterTheNewEnd() throws Exception {
        var later = STARTS_AT.plus(Duration.ofDays(7));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .andThenTimeElapses(PROMPT_DELAY)
                .whenPublishingA(new EventRescheduled(EVENT, STARTS_AT, later, NOW.plus(PROMPT_DELAY)))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(
                        Duration.between(NOW.plus(PROMPT_DELAY), later.plus(EVENT_DURATION)), BookingMailSaga.MAIL_DUE);
    }

    @Test
    void afterARescheduleNothingGoesOutAtTheOldEnd() {
        var later = STARTS_AT.plus(Duration.ofDays(7));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .andThenAPublished(new EventRescheduled(EVENT, STARTS_AT, later, NOW))
                .whenTimeElapses(Duration.between(NOW, ENDS_AT).plusHours(1))
                .expectActiveSagas(1);
        assertThat(mailbox.posted)
                .containsExactly("BOOKING_CONFIRMATION at " + NOW, "REVIEW_PROMPT at " + NOW.plus(PROMPT_DELAY));
    }

    /** A reschedule that the saga's state lost (two nodes storing it at once) is found in the mail group's facts. */
    @Test
    void aReminderWhoseEventMovedWithoutTheSagaKnowingWaitsForTheNewEnd() {
        var later = STARTS_AT.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(NOW).andThenAPublished(booked());
        mailbox.startsAt = later;
        fixture.whenTimeElapses(Duration.between(NOW, ENDS_AT))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofDays(1), BookingMailSaga.MAIL_DUE);
        assertThat(mailbox.posted).noneMatch(mail -> mail.startsWith("REVIEW_REMINDER"));
    }

    @Test
    void aPromptDueAfterTheEventsEndGoesOutAfterTheReminderAndEndsTheSaga() {
        mailbox.promptDelay = Duration.ofDays(5);
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .whenTimeElapses(Duration.ofDays(5))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.posted)
                .containsExactly(
                        "BOOKING_CONFIRMATION at " + NOW,
                        "REVIEW_REMINDER at " + ENDS_AT,
                        "REVIEW_PROMPT at " + NOW.plus(Duration.ofDays(5)));
    }

    @Test
    void theEventsCancellationEndsTheSagaWithoutAMailOfItsOwn() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .andThenAPublished(new EventCancelled(EVENT, "Fog", NOW))
                .whenPublishingA(new SeatsReleased(EVENT, BOOKING, ANN, List.of(4, 5), NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.posted).containsExactly("BOOKING_CONFIRMATION at " + NOW);
    }

    @Test
    void aBookingStoredBeforeMailStartsNoSaga() {
        mailbox.installedAt = NOW.plusSeconds(1);
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(booked())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.posted).isEmpty();
    }

    @Test
    void aReminderBeyondAnyDeadlineIsNeverDue() {
        mailbox.startsAt = Instant.MAX.minus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked())
                .whenTimeElapses(PROMPT_DELAY)
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.posted).last().isEqualTo("REVIEW_PROMPT at " + NOW.plus(PROMPT_DELAY));
    }

    private static SeatsBooked booked() {
        return new SeatsBooked(EVENT, BOOKING, ANN, List.of(4, 5), NOW, Map.of("S", 2000L));
    }

    /** The mails the saga posts, each as its kind and due time; the mail group knows every booking. */
    static final class Posted implements BookingMailbox {

        final List<String> posted = new ArrayList<>();
        Instant installedAt = Instant.EPOCH;
        Instant startsAt = STARTS_AT;
        Duration promptDelay = PROMPT_DELAY;

        @Override
        public boolean storedBeforeMail(Instant storedAt) {
            return storedAt.isBefore(installedAt);
        }

        @Override
        public Instant promptDue(Instant bookedAt) {
            return MailTimes.plus(bookedAt, promptDelay);
        }

        @Override
        public Instant reminderDue(Instant startsAt) {
            return MailTimes.plus(startsAt, EVENT_DURATION);
        }

        @Override
        public Optional<Instant> reminderDue(BookingId bookingId) {
            return Optional.of(reminderDue(startsAt));
        }

        @Override
        public Optional<BookingFacts> post(MailKind kind, BookingId bookingId, Instant due) {
            posted.add(kind + " at " + due);
            return Optional.of(new BookingFacts(
                    bookingId,
                    "ann@example.org",
                    "Ann",
                    EVENT.value(),
                    "Harp Night",
                    startsAt,
                    SeatLayout.grid(2, 5),
                    "venue-1",
                    "Assembly Rooms",
                    "Testville",
                    List.of(4, 5),
                    Locale.ENGLISH));
        }
    }
}
