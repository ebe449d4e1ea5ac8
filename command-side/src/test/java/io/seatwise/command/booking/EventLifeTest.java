package io.seatwise.command.booking;

import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal.Plain;
import io.seatwise.api.TooLateToCancel;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.CancelBooking;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.CancelEvent;
import io.seatwise.api.event.EditEvent;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventChanges;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.Layouts;
import io.seatwise.command.StoredMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editing, rescheduling and cancelling an event, as its seat map decides them. */
class EventLifeTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(7));
    private static final Instant LATER = STARTS_AT.plus(Duration.ofDays(3));
    private static final EventId EVENT = EventId.of("event-1");
    private static final AccountId ANNA = AccountId.of("anna");
    private static final AccountId BEN = AccountId.of("ben");
    private static final BookingId FIRST = BookingId.of("booking-1");
    private static final BookingId SECOND = BookingId.of("booking-2");
    private static final BookingId THIRD = BookingId.of("booking-3");

    private FixtureConfiguration<SeatMap> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureAt(NOW);
    }

    private static FixtureConfiguration<SeatMap> fixtureAt(Instant now) {
        return new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(BookingRules.defaults())
                .registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void editingTitleDescriptionAndPricesIsRecorded() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, "  Quintet ", "Five strings", null, null, Map.of("P", 9000L, "S", 3000L)))
                .expectEvents(
                        new EventEdited(EVENT, "Quintet", "Five strings", Map.of("P", 9000L, "S", 3000L), 3000L, NOW))
                .expectResultMessagePayload(new EventChanges(
                        new EventEdited(EVENT, "Quintet", "Five strings", Map.of("P", 9000L, "S", 3000L), 3000L, NOW),
                        null));
    }

    @Test
    void onePriceForEverySeatIsAPriceForEveryCategory() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, null, null, null, 4000L, null))
                .expectEvents(new EventEdited(EVENT, null, null, Map.of("P", 4000L, "S", 4000L), 4000L, NOW));
    }

    @Test
    void newPricesApplyToBookingsMadeAfterwards() {
        fixture.given(
                        scheduled(STARTS_AT),
                        booked(FIRST, ANNA, 1),
                        new EventEdited(EVENT, null, null, Map.of("P", 9000L, "S", 3000L), 3000L, NOW))
                .when(new BookSeats(EVENT, SECOND, BEN, List.of(2, 5)))
                .expectEvents(new SeatsBooked(EVENT, SECOND, BEN, List.of(2, 5), NOW, Map.of("P", 9000L, "S", 3000L)));
    }

    @Test
    void pricesMissingACategoryAreRefused() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, null, null, null, null, Map.of("P", 9000L)))
                .expectException(refused(InvalidValue.of("prices", Rule.REQUIRED)))
                .expectNoEvents();
    }

    @Test
    void priceAndPricesTogetherAreRefused() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, null, null, null, 100L, Map.of("P", 9000L, "S", 1L)))
                .expectException(refused(InvalidValue.of("prices", Rule.NOT_A_CHOICE)))
                .expectNoEvents();
    }

    @Test
    void blankTitleIsRefused() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, "  ", null, null, null, null))
                .expectException(refused(InvalidValue.of("title", Rule.REQUIRED)))
                .expectNoEvents();
    }

    @Test
    void tooLongTitleIsRefused() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, "x".repeat(201), null, null, null, null))
                .expectException(refused(InvalidValue.atMost("title", Rule.TOO_LONG, 200)))
                .expectNoEvents();
    }

    @Test
    void emptyEditIsRefused() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, null, null, null, null, null))
                .expectException(refused(Plain.NOTHING_TO_CHANGE))
                .expectNoEvents();
    }

    @Test
    void samePricesAndStartChangeNothing() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, null, null, STARTS_AT, null, Map.of("P", 5000L, "S", 2500L)))
                .expectNoEvents()
                .expectResultMessagePayload(new EventChanges(null, null));
    }

    @Test
    void reschedulingMovesTheStart() {
        fixture.given(scheduled(STARTS_AT))
                .when(EditEvent.reschedule(EVENT, LATER))
                .expectEvents(new EventRescheduled(EVENT, STARTS_AT, LATER, NOW));
    }

    @Test
    void editAndRescheduleAreStoredTogether() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, "Quintet", null, LATER, null, null))
                .expectEvents(
                        new EventEdited(EVENT, "Quintet", null, null, null, NOW),
                        new EventRescheduled(EVENT, STARTS_AT, LATER, NOW));
    }

    @Test
    void reschedulingIntoThePastIsRefused() {
        fixture.given(scheduled(STARTS_AT))
                .when(new EditEvent(EVENT, "Quintet", null, NOW, null, null))
                .expectException(refused(InvalidValue.of("startsAt", Rule.NOT_IN_FUTURE)))
                .expectNoEvents();
    }

    @Test
    void aRescheduledEventIsBookedUntilItsNewStart() {
        fixtureAt(STARTS_AT.plusSeconds(1))
                .given(scheduled(STARTS_AT.minus(Duration.ofDays(1))), rescheduled(STARTS_AT.minus(Duration.ofDays(1))))
                .when(new BookSeats(EVENT, FIRST, ANNA, List.of(3)))
                .expectEvents(
                        new SeatsBooked(EVENT, FIRST, ANNA, List.of(3), STARTS_AT.plusSeconds(1), Map.of("S", 2500L)));
    }

    @Test
    void bookingsMadeBeforeARescheduleMayBeCancelledUntilTheNewStart() {
        var withinCutoff = LATER.minus(Duration.ofHours(1));
        fixtureAt(withinCutoff)
                .given(scheduled(STARTS_AT), booked(FIRST, ANNA, 1), rescheduled(STARTS_AT))
                .when(new CancelBooking(EVENT, FIRST, ANNA))
                .expectEvents(new SeatsReleased(EVENT, FIRST, ANNA, List.of(1), withinCutoff));
    }

    @Test
    void bookingsMadeAfterARescheduleKeepTheCutoff() {
        var withinCutoff = LATER.minus(Duration.ofHours(1));
        fixtureAt(withinCutoff)
                .given(scheduled(STARTS_AT), rescheduled(STARTS_AT), booked(SECOND, BEN, 2))
                .when(new CancelBooking(EVENT, SECOND, BEN))
                .expectException(refused(new TooLateToCancel(LATER.minus(Duration.ofHours(24)), Duration.ofHours(24))))
                .expectNoEvents();
    }

    @Test
    void noBookingIsCancelledAfterTheNewStart() {
        fixtureAt(LATER.plusSeconds(1))
                .given(scheduled(STARTS_AT), booked(FIRST, ANNA, 1), rescheduled(STARTS_AT))
                .when(new CancelBooking(EVENT, FIRST, ANNA))
                .expectException(refused(new TooLateToCancel(LATER, Duration.ofHours(24))))
                .expectNoEvents();
    }

    @Test
    void cancellingReleasesEveryStandingBookingAfterSayingWhy() {
        fixture.given(
                        scheduled(STARTS_AT),
                        booked(FIRST, ANNA, 1, 2),
                        booked(SECOND, BEN, 3),
                        booked(THIRD, ANNA, 4),
                        new SeatsReleased(EVENT, SECOND, BEN, List.of(3), NOW))
                .when(new CancelEvent(EVENT, " The band is ill "))
                .expectEvents(
                        new EventCancelled(EVENT, "The band is ill", NOW),
                        new SeatsReleased(EVENT, FIRST, ANNA, List.of(1, 2), NOW),
                        new SeatsReleased(EVENT, THIRD, ANNA, List.of(4), NOW));
    }

    @Test
    void cancellingWithoutReasonIsRefused() {
        fixture.given(scheduled(STARTS_AT), booked(FIRST, ANNA, 1))
                .when(new CancelEvent(EVENT, " "))
                .expectException(refused(InvalidValue.of("reason", Rule.REQUIRED)))
                .expectNoEvents();
    }

    @Test
    void tooLongReasonIsRefused() {
        fixture.given(scheduled(STARTS_AT))
                .when(new CancelEvent(EVENT, "x".repeat(CancelEvent.MAX_REASON_LENGTH + 1)))
                .expectException(refused(InvalidValue.atMost("reason", Rule.TOO_LONG, CancelEvent.MAX_REASON_LENGTH)))
                .expectNoEvents();
    }

    @Test
    void cancellingTwiceIsRefused() {
        fixture.given(scheduled(STARTS_AT), cancelled())
                .when(new CancelEvent(EVENT, "Again"))
                .expectException(refused(Plain.EVENT_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void cancellingAnEventThatHasStartedIsRefused() {
        fixtureAt(STARTS_AT)
                .given(scheduled(STARTS_AT))
                .when(new CancelEvent(EVENT, "Too late"))
                .expectException(refused(Plain.EVENT_OVER))
                .expectNoEvents();
    }

    @Test
    void editingAnEventThatIsOverIsRefused() {
        fixtureAt(STARTS_AT.plusSeconds(60))
                .given(scheduled(STARTS_AT))
                .when(EditEvent.reschedule(EVENT, LATER))
                .expectException(refused(Plain.EVENT_OVER))
                .expectNoEvents();
    }

    @Test
    void editingACancelledEventIsRefused() {
        fixture.given(scheduled(STARTS_AT), cancelled())
                .when(new EditEvent(EVENT, "Back on", null, null, null, null))
                .expectException(refused(Plain.EVENT_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void reschedulingACancelledEventIsRefused() {
        fixture.given(scheduled(STARTS_AT), cancelled())
                .when(EditEvent.reschedule(EVENT, LATER))
                .expectException(refused(Plain.EVENT_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void bookingACancelledEventIsRefused() {
        fixture.given(scheduled(STARTS_AT), cancelled())
                .when(new BookSeats(EVENT, FIRST, ANNA, List.of(1)))
                .expectException(refused(Plain.EVENT_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void bookingsReleasedByTheCancellationCannotBeCancelledAgain() {
        fixture.given(
                        scheduled(STARTS_AT),
                        booked(FIRST, ANNA, 1),
                        cancelled(),
                        new SeatsReleased(EVENT, FIRST, ANNA, List.of(1), NOW))
                .when(new CancelBooking(EVENT, FIRST, ANNA))
                .expectException(refused(Plain.ALREADY_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void snapshotKeepsTheEventsLife() {
        var seatMap = new SeatMap();
        seatMap.on(scheduled(STARTS_AT));
        seatMap.on(booked(FIRST, ANNA, 1));
        seatMap.on(rescheduled(STARTS_AT));
        Serializer serializer = StoredMessages.serializer();
        SeatMap restored = serializer.deserialize(serializer.serialize(seatMap, byte[].class));

        assertThat(restored).usingRecursiveComparison().usingOverriddenEquals().isEqualTo(seatMap);
        fixtureAt(LATER.minusSeconds(60))
                .givenState(() -> restored)
                .when(new CancelBooking(EVENT, FIRST, ANNA))
                .expectEvents(new SeatsReleased(EVENT, FIRST, ANNA, List.of(1), LATER.minusSeconds(60)));
    }

    @Test
    void snapshotKeepsTheCancellation() {
        var seatMap = new SeatMap();
        seatMap.on(scheduled(STARTS_AT));
        seatMap.on(cancelled());
        Serializer serializer = StoredMessages.serializer();
        SeatMap restored = serializer.deserialize(serializer.serialize(seatMap, byte[].class));

        fixture.givenState(() -> restored)
                .when(new BookSeats(EVENT, FIRST, ANNA, List.of(1)))
                .expectException(refused(Plain.EVENT_CANCELLED));
    }

    /** Seats 1 and 2 are premium (P), the rest standard (S). */
    private static EventScheduled scheduled(Instant startsAt) {
        var layout = new SeatLayout(
                List.of(Layouts.PREMIUM, Layouts.STANDARD), List.of(Layouts.section("Main", "PPSSS", "SSSSS")));
        return new EventScheduled(
                EVENT,
                VenueId.of("venue-1"),
                "Quartet",
                "Strings",
                startsAt,
                Map.of("P", 5000L, "S", 2500L),
                layout,
                SingleSeatRule.ALLOW);
    }

    private static EventRescheduled rescheduled(Instant from) {
        return new EventRescheduled(EVENT, from, LATER, NOW);
    }

    private static EventCancelled cancelled() {
        return new EventCancelled(EVENT, "Storm", NOW);
    }

    private static SeatsBooked booked(BookingId bookingId, AccountId accountId, Integer... seats) {
        return new SeatsBooked(
                EVENT, bookingId, accountId, List.of(seats), NOW.minusSeconds(60), Map.of("S", 2500L * seats.length));
    }
}
