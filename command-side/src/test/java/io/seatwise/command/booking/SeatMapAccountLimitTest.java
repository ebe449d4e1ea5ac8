package io.seatwise.command.booking;

import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.AccountLimit;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EditEvent;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.StoredMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limit of seats one account may hold for an event (SPEC §1): the seat map counts every seat each account holds,
 * in bookings of chosen seats and of the best available alike, and a cancelled booking frees its seats.
 */
class SeatMapAccountLimitTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(7));
    private static final long PRICE = 2_500;
    private static final int LIMIT = 4;

    private static final EventId EVENT = EventId.of("event-1");
    private static final AccountId ANNA = AccountId.of("anna");
    private static final AccountId BEN = AccountId.of("ben");
    private static final BookingId FIRST = BookingId.of("booking-1");
    private static final BookingId SECOND = BookingId.of("booking-2");
    private static final BookingId NEW = BookingId.of("booking-new");

    private FixtureConfiguration<SeatMap> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(BookingRules.defaults())
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void accountBooksUpToTheLimit() {
        fixture.given(scheduled(LIMIT), booked(FIRST, ANNA, 1, 2))
                .when(book(ANNA, 3, 4))
                .expectEvents(booked(NEW, ANNA, 3, 4));
    }

    @Test
    void bookingPastTheLimitIsRefusedNamingTheLimitAndTheSeatsHeld() {
        fixture.given(scheduled(LIMIT), booked(FIRST, ANNA, 1, 2), booked(SECOND, ANNA, 7))
                .when(book(ANNA, 3, 4))
                .expectException(refused(new AccountLimit(LIMIT, 3))
                        .naming("limit", LIMIT)
                        .naming("held", 3))
                .expectExceptionMessage(
                        "One account may hold at most 4 seats of this event; you hold 3 and asked for 2 more")
                .expectNoEvents();
    }

    @Test
    void oneBookingLargerThanTheLimitIsRefused() {
        fixture.given(scheduled(2))
                .when(book(ANNA, 1, 2, 3))
                .expectException(refused(new AccountLimit(2, 0)))
                .expectNoEvents();
    }

    @Test
    void otherAccountsCountTheirOwnSeats() {
        fixture.given(scheduled(LIMIT), booked(FIRST, ANNA, 1, 2, 3, 4))
                .when(book(BEN, 5, 6, 7, 8))
                .expectEvents(booked(NEW, BEN, 5, 6, 7, 8));
    }

    @Test
    void cancelledBookingFreesItsSeatsForTheLimit() {
        fixture.given(
                        scheduled(LIMIT),
                        booked(FIRST, ANNA, 1, 2, 3),
                        booked(SECOND, ANNA, 4),
                        released(FIRST, ANNA, 1, 2, 3))
                .when(book(ANNA, 10, 11, 12))
                .expectEvents(booked(NEW, ANNA, 10, 11, 12));
    }

    @Test
    void bestAvailableSeatsCountTowardsTheLimit() {
        fixture.given(scheduled(LIMIT), booked(FIRST, ANNA, 50, 51, 52))
                .when(bestAvailable(ANNA, 2))
                .expectException(refused(new AccountLimit(LIMIT, 3)))
                .expectNoEvents();
    }

    @Test
    void bestAvailableSeatsWithinTheLimitAreBooked() {
        fixture.given(scheduled(LIMIT), booked(FIRST, ANNA, 50, 51, 52))
                .when(bestAvailable(ANNA, 1))
                .expectEvents(booked(NEW, ANNA, 5));
    }

    @Test
    void seatsBookedByBestAvailableCountForTheNextBooking() {
        fixture.given(scheduled(LIMIT))
                .andGivenCommands(bestAvailable(ANNA, 3))
                .when(new BookSeats(EVENT, BookingId.of("booking-after"), ANNA, List.of(90, 91)))
                .expectException(refused(new AccountLimit(LIMIT, 3)))
                .expectNoEvents();
    }

    @Test
    void withoutALimitOneAccountMayBookTheWholeHall() {
        var given = new Object[11];
        given[0] = scheduled(0);
        for (int i = 0; i < 10; i++) {
            given[i + 1] = booked(BookingId.of("b" + i), ANNA, seats(i * 10 + 1, i * 10 + 9));
        }
        fixture.given(given)
                .when(book(ANNA, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100))
                .expectEvents(booked(NEW, ANNA, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100));
    }

    @Test
    void theLimitCountsSeatsBookedBeforeItWasSet() {
        fixture.given(scheduled(0), booked(FIRST, ANNA, 1, 2, 3, 4, 5, 6), edited(LIMIT))
                .when(book(ANNA, 7))
                .expectException(refused(new AccountLimit(LIMIT, 6)))
                .expectNoEvents();
    }

    @Test
    void aRaisedLimitLetsTheAccountBookMore() {
        fixture.given(scheduled(LIMIT), booked(FIRST, ANNA, 1, 2, 3, 4), edited(6))
                .when(book(ANNA, 5, 6))
                .expectEvents(booked(NEW, ANNA, 5, 6));
    }

    @Test
    void editingTheLimitIsRecorded() {
        fixture.given(scheduled(LIMIT)).when(editLimit(6)).expectEvents(edited(6));
    }

    @Test
    void editingTheLimitToNoneIsRecorded() {
        fixture.given(scheduled(LIMIT)).when(editLimit(0)).expectEvents(edited(0));
    }

    @Test
    void editingTheLimitToWhatItIsChangesNothing() {
        fixture.given(scheduled(LIMIT)).when(editLimit(LIMIT)).expectNoEvents();
    }

    @Test
    void limitOutOfRangeIsRefused() {
        fixture.given(scheduled(LIMIT))
                .when(editLimit(-1))
                .expectException(refused(InvalidValue.outOfRange("maxSeatsPerAccount", 0, 40_000)))
                .expectNoEvents();
    }

    @Test
    void rescheduleMoreThanFiveYearsAheadIsRefused() {
        fixture.given(scheduled(LIMIT))
                .when(EditEvent.reschedule(EVENT, NOW.plus(Duration.ofDays(5 * 366))))
                .expectException(refused(InvalidValue.atMost("startsAt", Rule.TOO_FAR_AHEAD, 5)))
                .expectNoEvents();
    }

    @Test
    void editedTitleWithALineBreakIsRefused() {
        fixture.given(scheduled(LIMIT))
                .when(new EditEvent(EVENT, "Quartet\r\nBcc: everyone", null, null, null, null))
                .expectException(refused(InvalidValue.of("title", Rule.CONTROL_CHARACTERS)))
                .expectNoEvents();
    }

    @Test
    void snapshotKeepsTheSeatsEachAccountHolds() {
        var seatMap = seatMapFrom(
                scheduled(LIMIT), booked(FIRST, ANNA, 1, 2, 3), booked(SECOND, BEN, 4), released(SECOND, BEN, 4));

        var restored = snapshotRoundTrip(seatMap);

        assertThat(restored).usingRecursiveComparison().usingOverriddenEquals().isEqualTo(seatMap);
        fixture.givenState(() -> restored)
                .when(book(ANNA, 5, 6))
                .expectException(refused(new AccountLimit(LIMIT, 3)))
                .expectNoEvents();
    }

    @Test
    void seatMapRestoredFromSnapshotCountsReleasedSeatsAsFree() {
        var restored = snapshotRoundTrip(seatMapFrom(
                scheduled(LIMIT), booked(FIRST, ANNA, 1, 2, 3), booked(SECOND, BEN, 4), released(SECOND, BEN, 4)));

        fixture.givenState(() -> restored).when(book(BEN, 5, 6, 7, 8)).expectEvents(booked(NEW, BEN, 5, 6, 7, 8));
    }

    private static EventScheduled scheduled(int maxSeatsPerAccount) {
        return new EventScheduled(
                EVENT,
                VenueId.of("venue-1"),
                "Gala",
                "",
                STARTS_AT,
                Map.of("S", PRICE),
                SeatLayout.grid(10, 10),
                SingleSeatRule.ALLOW,
                maxSeatsPerAccount);
    }

    private static BookSeats book(AccountId account, Integer... seats) {
        return new BookSeats(EVENT, NEW, account, Arrays.asList(seats));
    }

    private static BookSeats bestAvailable(AccountId account, int count) {
        return new BookSeats(EVENT, NEW, account, null, new BestAvailable(count, null));
    }

    private static SeatsBooked booked(BookingId booking, AccountId account, Integer... seats) {
        return new SeatsBooked(EVENT, booking, account, List.of(seats), NOW, Map.of("S", PRICE * seats.length));
    }

    private static SeatsReleased released(BookingId booking, AccountId account, Integer... seats) {
        return new SeatsReleased(EVENT, booking, account, List.of(seats), NOW);
    }

    private static EditEvent editLimit(int maxSeatsPerAccount) {
        return new EditEvent(EVENT, null, null, null, null, null, maxSeatsPerAccount);
    }

    private static EventEdited edited(int maxSeatsPerAccount) {
        return new EventEdited(EVENT, null, null, null, null, NOW, maxSeatsPerAccount);
    }

    private static Integer[] seats(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().toArray(Integer[]::new);
    }

    private static SeatMap seatMapFrom(Object... events) {
        var seatMap = new SeatMap();
        for (var event : events) {
            if (event instanceof EventScheduled scheduled) {
                seatMap.on(scheduled);
            } else if (event instanceof SeatsBooked booked) {
                seatMap.on(booked);
            } else if (event instanceof SeatsReleased released) {
                seatMap.on(released);
            } else if (event instanceof EventEdited edited) {
                seatMap.on(edited);
            }
        }
        return seatMap;
    }

    private static SeatMap snapshotRoundTrip(SeatMap seatMap) {
        Serializer serializer = StoredMessages.serializer();
        return serializer.deserialize(serializer.serialize(seatMap, byte[].class));
    }
}
