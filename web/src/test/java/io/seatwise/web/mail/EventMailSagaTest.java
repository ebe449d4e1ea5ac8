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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event's bookings' mails as its saga times them: each confirmation at once, the prompts when their time slot's
 * deadline goes off, every reminder once the event is over (as last rescheduled), a cancellation confirmed; a
 * cancelled event ends it, and a booking stored before mail starts none. The directory and the outbox here are maps;
 * the outbox keeps one mail per kind and booking, as the real one does.
 */
class EventMailSagaTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:10Z");
    private static final Duration PROMPT_DELAY = Duration.ofHours(1);
    private static final Duration SLOT = Duration.ofMinutes(1);
    private static final Duration EVENT_DURATION = Duration.ofHours(3);
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(2));
    private static final Instant ENDS_AT = STARTS_AT.plus(EVENT_DURATION);
    private static final EventId EVENT = EventId.of("event-1");
    private static final AccountId ANN = AccountId.of("ann");

    private final Directory mailbox = new Directory();
    private SagaTestFixture<EventMailSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EventMailSaga.class);
        fixture.registerResource(mailbox);
        mailbox.fixture = fixture;
    }

    @Test
    void theEventsBookingsShareOneSagaAndAreConfirmedAtOnce() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .andThenTimeElapses(Duration.ofSeconds(20))
                .whenPublishingA(booked("b2", NOW.plusSeconds(20)))
                .expectActiveSagas(1);
        assertThat(mailbox.outbox)
                .containsExactly(
                        Map.entry("BOOKING_CONFIRMATION:b1", NOW),
                        Map.entry("BOOKING_CONFIRMATION:b2", NOW.plusSeconds(20)));
    }

    @Test
    void thePromptsOfOneTimeSlotGoOutTogetherWhenItEnds() throws Exception {
        var slotEnd = mailbox.promptSlot(NOW.plus(PROMPT_DELAY));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .andThenTimeElapses(Duration.ofSeconds(20))
                .andThenAPublished(booked("b2", NOW.plusSeconds(20)))
                .andThenTimeAdvancesTo(slotEnd.minusMillis(1))
                .whenTimeAdvancesTo(slotEnd)
                .expectActiveSagas(1);
        assertThat(mailbox.outbox)
                .containsEntry("REVIEW_PROMPT:b1", NOW.plus(PROMPT_DELAY))
                .containsEntry("REVIEW_PROMPT:b2", NOW.plusSeconds(20).plus(PROMPT_DELAY));
        assertThat(mailbox.prompted).as("in one go").containsExactly(2);
    }

    @Test
    void noPromptGoesOutBeforeItsSlotEnds() throws Exception {
        var slotEnd = mailbox.promptSlot(NOW.plus(PROMPT_DELAY));
        fixture.givenCurrentTime(NOW).andThenAPublished(booked("b1", NOW)).whenTimeAdvancesTo(slotEnd.minusMillis(1));
        assertThat(mailbox.outbox).containsOnlyKeys("BOOKING_CONFIRMATION:b1");
    }

    @Test
    void everyStandingBookingIsRemindedOnceTheEventIsOverAndTheSagaEnds() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .andThenAPublished(booked("b2", NOW))
                .andThenAPublished(released("b2", NOW.plusSeconds(5)))
                .whenTimeAdvancesTo(ENDS_AT)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.outbox)
                .containsEntry("REVIEW_REMINDER:b1", ENDS_AT)
                .containsEntry("CANCELLATION:b2", NOW.plusSeconds(5))
                .doesNotContainKeys("REVIEW_PROMPT:b2", "REVIEW_REMINDER:b2");
    }

    @Test
    void theReminderIsNotSentBeforeTheEventIsOver() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .whenTimeAdvancesTo(ENDS_AT.minusSeconds(1))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), EventMailSaga.REMINDERS_DUE);
        assertThat(mailbox.outbox).doesNotContainKey("REVIEW_REMINDER:b1");
    }

    @Test
    void aRescheduleMovesTheRemindersToAfterTheNewEnd() throws Exception {
        var later = STARTS_AT.plus(Duration.ofDays(7));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .andThenAPublished(rescheduled(later))
                .whenTimeAdvancesTo(ENDS_AT.plus(Duration.ofHours(1)))
                .expectActiveSagas(1);
        assertThat(mailbox.outbox).doesNotContainKey("REVIEW_REMINDER:b1");
        fixture.whenTimeAdvancesTo(later.plus(EVENT_DURATION)).expectActiveSagas(0);
        assertThat(mailbox.outbox).containsEntry("REVIEW_REMINDER:b1", later.plus(EVENT_DURATION));
    }

    /** A reschedule that the saga's state lost (two nodes storing it at once) is found in the mail group's facts. */
    @Test
    void remindersWhoseEventMovedWithoutTheSagaKnowingWaitForTheNewEnd() throws Exception {
        var later = STARTS_AT.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(NOW).andThenAPublished(booked("b1", NOW));
        mailbox.startsAt = later;
        fixture.whenTimeAdvancesTo(ENDS_AT)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofDays(1), EventMailSaga.REMINDERS_DUE);
        assertThat(mailbox.outbox).doesNotContainKey("REVIEW_REMINDER:b1");
    }

    @Test
    void aBookingHandledAfterItsPromptsSlotEndedHasItPutIntoTheOutboxAtOnce() throws Exception {
        var bookedAt = NOW.minus(PROMPT_DELAY).minus(SLOT);
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(booked("late", bookedAt))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.between(NOW, ENDS_AT), EventMailSaga.REMINDERS_DUE);
        assertThat(mailbox.outbox).containsEntry("REVIEW_PROMPT:late", bookedAt.plus(PROMPT_DELAY));
    }

    @Test
    void moreBookingsThanOneBatchAllGetTheirPromptsAndReminders() throws Exception {
        fixture.givenCurrentTime(NOW);
        for (int i = 0; i <= EventMailSaga.BATCH; i++) {
            fixture.andThenAPublished(booked("b" + i, NOW));
        }
        fixture.whenTimeAdvancesTo(ENDS_AT).expectActiveSagas(0);
        assertThat(mailbox.outbox.keySet().stream().filter(key -> key.startsWith("REVIEW_PROMPT")))
                .hasSize(EventMailSaga.BATCH + 1);
        assertThat(mailbox.outbox.keySet().stream().filter(key -> key.startsWith("REVIEW_REMINDER")))
                .hasSize(EventMailSaga.BATCH + 1);
        assertThat(mailbox.prompted).containsExactly(EventMailSaga.BATCH, 1);
    }

    @Test
    void aPromptDueAfterTheEventsEndGoesOutAfterTheRemindersAndEndsTheSaga() throws Exception {
        mailbox.promptDelay = Duration.ofDays(5);
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .whenTimeAdvancesTo(ENDS_AT)
                .expectActiveSagas(1);
        assertThat(mailbox.outbox).containsKey("REVIEW_REMINDER:b1").doesNotContainKey("REVIEW_PROMPT:b1");
        fixture.whenTimeAdvancesTo(mailbox.promptSlot(NOW.plus(Duration.ofDays(5))))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.outbox).containsKey("REVIEW_PROMPT:b1");
    }

    @Test
    void theEventsCancellationEndsTheSagaAndItsDeadlines() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .andThenAPublished(new EventCancelled(EVENT, "Fog", NOW))
                .whenPublishingA(released("b1", NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.outbox).containsOnlyKeys("BOOKING_CONFIRMATION:b1");
    }

    @Test
    void aBookingStoredBeforeMailStartsNoSaga() throws Exception {
        mailbox.installedAt = NOW.plusSeconds(1);
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(booked("b1", NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.outbox).isEmpty();
    }

    @Test
    void remindersBeyondAnyDeadlineAreNeverDue() throws Exception {
        mailbox.startsAt = Instant.MAX.minus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(booked("b1", NOW))
                .whenTimeElapses(Duration.ofDays(1))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
        assertThat(mailbox.outbox).containsKey("REVIEW_PROMPT:b1").doesNotContainKey("REVIEW_REMINDER:b1");
    }

    private SeatsBooked booked(String bookingId, Instant bookedAt) {
        mailbox.bookings.put(bookingId, bookedAt);
        return new SeatsBooked(EVENT, BookingId.of(bookingId), ANN, List.of(4, 5), bookedAt, Map.of("S", 2000L));
    }

    private SeatsReleased released(String bookingId, Instant releasedAt) {
        mailbox.cancelled.add(bookingId);
        return new SeatsReleased(EVENT, BookingId.of(bookingId), ANN, List.of(4, 5), releasedAt);
    }

    private EventRescheduled rescheduled(Instant to) {
        var from = mailbox.startsAt;
        mailbox.startsAt = to;
        return new EventRescheduled(EVENT, from, to, NOW);
    }

    /**
     * What the mail group knows: the event's start, its bookings with the times they were made (in the order they
     * were), which were cancelled; and the outbox, by kind and booking, with each mail's due time.
     */
    static final class Directory implements BookingMailbox {

        final Map<String, Instant> bookings = new LinkedHashMap<>();
        final List<String> cancelled = new ArrayList<>();
        final Map<String, Instant> outbox = new LinkedHashMap<>();
        /** How many prompts each of the prompt deadlines put into the outbox. */
        final List<Integer> prompted = new ArrayList<>();

        SagaTestFixture<?> fixture;
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
        public Instant now() {
            return fixture.currentTime();
        }

        @Override
        public Instant promptSlot(Instant promptDue) {
            var minute = promptDue.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            return minute.equals(promptDue) ? minute : minute.plus(SLOT);
        }

        @Override
        public boolean timedByEventSaga(BookingId bookingId) {
            return bookings.containsKey(bookingId.value());
        }

        @Override
        public int postPrompts(String eventId, Instant slot, int limit) {
            var due = standing("REVIEW_PROMPT").stream()
                    .filter(id -> {
                        var promptDue = promptDue(bookings.get(id));
                        return promptDue.isAfter(slot.minus(SLOT)) && !promptDue.isAfter(slot);
                    })
                    .limit(limit)
                    .toList();
            due.forEach(id -> post(MailKind.REVIEW_PROMPT, BookingId.of(id), promptDue(bookings.get(id))));
            prompted.add(due.size());
            return due.size();
        }

        @Override
        public int postReminders(String eventId, Instant due, int limit) {
            var unreminded = standing("REVIEW_REMINDER").stream().limit(limit).toList();
            unreminded.forEach(id -> post(MailKind.REVIEW_REMINDER, BookingId.of(id), due));
            return unreminded.size();
        }

        /** The standing bookings without a mail of this kind. */
        private List<String> standing(String kind) {
            return bookings.keySet().stream()
                    .filter(id -> !cancelled.contains(id) && !outbox.containsKey(kind + ":" + id))
                    .toList();
        }

        @Override
        public Optional<Instant> eventReminderDue(String eventId) {
            return Optional.of(reminderDue(startsAt));
        }

        @Override
        public Optional<BookingFacts> post(MailKind kind, BookingId bookingId, Instant due) {
            outbox.putIfAbsent(kind + ":" + bookingId.value(), due);
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
