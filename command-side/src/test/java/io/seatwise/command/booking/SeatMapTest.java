package io.seatwise.command.booking;

import static io.seatwise.api.ErrorCode.CONFLICT;
import static io.seatwise.api.ErrorCode.INVALID;
import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.seatwise.api.Refusal.Plain;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.SeatsUnknownOrRepeated;
import io.seatwise.api.TooLateToCancel;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.CancelBooking;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
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

class SeatMapTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(7));
    private static final int ROWS = 10;
    private static final int SEATS_PER_ROW = 10;
    private static final int CAPACITY = ROWS * SEATS_PER_ROW;
    private static final long PRICE = 2_500;

    private static final EventId EVENT = EventId.of("event-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final AccountId ACCOUNT = AccountId.of("account-1");

    private FixtureConfiguration<SeatMap> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(BookingRules.defaults())
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void bookingFreeSeatsBooksThemInAscendingOrder() {
        fixture.given(eventScheduled()).when(bookSeats(70, 17, 3)).expectEvents(seatsBooked(3, 17, 70));
    }

    @Test
    void firstAndLastSeatCanBeBooked() {
        fixture.given(eventScheduled()).when(bookSeats(CAPACITY, 1)).expectEvents(seatsBooked(1, CAPACITY));
    }

    @Test
    void seatsNextToTakenOnesCanBeBooked() {
        fixture.given(eventScheduled(), earlierBooking(4, 6))
                .when(bookSeats(3, 5, 7))
                .expectEvents(seatsBooked(3, 5, 7));
    }

    @Test
    void bookingTakenSeatIsRejected() {
        fixture.given(eventScheduled(), earlierBooking(4))
                .when(bookSeats(4))
                .expectException(refused(new SeatsUnavailable(List.of(4))))
                .expectExceptionMessage("Already booked: 4")
                .expectNoEvents();
    }

    @Test
    void rejectionNamesExactlyTheTakenSeats() {
        fixture.given(eventScheduled(), earlierBooking(4, 9), earlierBooking(30))
                .when(bookSeats(30, 5, 4, 6))
                .expectException(refused(new SeatsUnavailable(List.of(4, 30))));
    }

    @Test
    void nothingIsBookedWhenOneOfSeveralSeatsIsTaken() {
        fixture.given(eventScheduled(), earlierBooking(5))
                .when(bookSeats(3, 4, 5, 6))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void unknownSeatsAreRejectedNamingThem() {
        fixture.given(eventScheduled())
                .when(bookSeats(CAPACITY + 1, 2, 0, -1))
                .expectException(refused(new SeatsUnknownOrRepeated(List.of(-1, 0, CAPACITY + 1), List.of(), CAPACITY)))
                .expectExceptionMessage("No such seat: -1, 0, 101 (this event has seats 1 to 100)")
                .expectNoEvents();
    }

    @Test
    void repeatedSeatsAreRejectedNamingThem() {
        fixture.given(eventScheduled())
                .when(bookSeats(8, 3, 8, 5, 3, 8))
                .expectException(
                        refused(INVALID).naming("repeatedSeats", List.of(3, 8)).naming("unknownSeats", List.of()))
                .expectExceptionMessage("Chosen more than once: 3, 8")
                .expectNoEvents();
    }

    @Test
    void unknownAndRepeatedSeatsAreNamedTogether() {
        fixture.given(eventScheduled())
                .when(bookSeats(2, 2, 0))
                .expectException(refused(new SeatsUnknownOrRepeated(List.of(0), List.of(2), CAPACITY)))
                .expectNoEvents();
    }

    @Test
    void bookingNoSeatsIsRejected() {
        fixture.given(eventScheduled())
                .when(bookSeats())
                .expectException(refused(INVALID))
                .expectExceptionMessage("Choose at least one seat")
                .expectNoEvents();
    }

    @Test
    void bookingWithoutSeatListIsRejected() {
        fixture.given(eventScheduled())
                .when(new BookSeats(EVENT, BOOKING, ACCOUNT, null))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void bookingTheMostSeatsAllowedSucceeds() {
        fixture.given(eventScheduled()).when(bookSeats(seatsFrom1To(10))).expectEvents(seatsBooked(seatsFrom1To(10)));
    }

    @Test
    void bookingMoreThanTheMostSeatsAllowedIsRejected() {
        fixture.given(eventScheduled())
                .when(bookSeats(seatsFrom1To(11)))
                .expectException(refused(INVALID))
                .expectExceptionMessage("One booking holds at most 10 seats, 11 were chosen")
                .expectNoEvents();
    }

    @Test
    void mostSeatsPerBookingComesFromTheBookingRules() {
        new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(new BookingRules(2, 10, 10, Duration.ofHours(24), 20))
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC))
                .given(eventScheduled())
                .when(bookSeats(1, 2, 3))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void nullSeatIsRejected() {
        fixture.given(eventScheduled())
                .when(bookSeats(3, null))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void bookingAtTheStartIsRejected() {
        fixture.given(eventScheduledStartingAt(NOW))
                .when(bookSeats(3))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void bookingAfterTheStartIsRejected() {
        fixture.given(eventScheduledStartingAt(NOW.minusSeconds(1)))
                .when(bookSeats(3))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void bookingJustBeforeTheStartSucceeds() {
        fixture.given(eventScheduledStartingAt(NOW.plusMillis(1)))
                .when(bookSeats(3))
                .expectEvents(seatsBooked(3));
    }

    @Test
    void snapshotRestoresTheSameState() {
        var seatMap = seatMapFrom(eventScheduled(), earlierBooking(1, 64, 65), earlierBooking(CAPACITY));

        assertThat(snapshotRoundTrip(seatMap))
                .usingRecursiveComparison()
                .usingOverriddenEquals()
                .isEqualTo(seatMap);
    }

    @Test
    void seatMapRestoredFromSnapshotStillRefusesTakenSeats() {
        var restored = snapshotRoundTrip(seatMapFrom(eventScheduled(), earlierBooking(4, 99)));

        fixture.givenState(() -> restored)
                .when(bookSeats(3, 4, 99))
                .expectException(refused(CONFLICT).naming("unavailableSeats", List.of(4, 99)))
                .expectNoEvents();
    }

    @Test
    void seatMapRestoredFromSnapshotBooksFreeSeats() {
        var restored = snapshotRoundTrip(seatMapFrom(eventScheduled(), earlierBooking(4, 99)));

        fixture.givenState(() -> restored).when(bookSeats(CAPACITY, 5)).expectEvents(seatsBooked(5, CAPACITY));
    }

    @Test
    void bookerCancelsBookingAndItsSeatsAreReleasedInAscendingOrder() {
        fixture.given(eventScheduled(), seatsBooked(3, 17, 70))
                .when(cancelBooking(ACCOUNT))
                .expectEvents(seatsReleased(3, 17, 70));
    }

    @Test
    void releasedSeatsCanBeBookedAgain() {
        var other = new BookSeats(EVENT, BookingId.of("booking-2"), AccountId.of("account-2"), List.of(17, 3));

        fixture.given(eventScheduled(), seatsBooked(3, 17), seatsReleased(3, 17))
                .when(other)
                .expectEvents(new SeatsBooked(
                        EVENT, other.bookingId(), other.accountId(), List.of(3, 17), NOW, Map.of("S", 2 * PRICE)));
    }

    @Test
    void cancellingLeavesOtherBookingsSeatsTaken() {
        fixture.given(eventScheduled(), earlierBooking(4), seatsBooked(3), seatsReleased(3))
                .when(bookSeats(3, 4))
                .expectException(refused(CONFLICT).naming("unavailableSeats", List.of(4)))
                .expectNoEvents();
    }

    @Test
    void cancellingSomeoneElsesBookingIsForbidden() {
        fixture.given(eventScheduled(), seatsBooked(3))
                .when(cancelBooking(AccountId.of("account-2")))
                .expectException(refused(Plain.NOT_YOUR_BOOKING))
                .expectExceptionMessage("This booking is not yours")
                .expectNoEvents();
    }

    @Test
    void cancellingUnknownBookingIsNotFound() {
        fixture.given(eventScheduled(), earlierBooking(3))
                .when(cancelBooking(ACCOUNT))
                .expectException(refused(Plain.NO_SUCH_BOOKING))
                .expectNoEvents();
    }

    @Test
    void cancellingTwiceIsConflict() {
        fixture.given(eventScheduled(), seatsBooked(3), seatsReleased(3))
                .when(cancelBooking(ACCOUNT))
                .expectException(refused(Plain.ALREADY_CANCELLED))
                .expectExceptionMessage("This booking is already cancelled")
                .expectNoEvents();
    }

    @Test
    void cancellingAfterTheCutoffIsConflictNamingTheCutoff() {
        var startsAt = NOW.plus(Duration.ofHours(24)).minusSeconds(1);

        fixture.given(eventScheduledStartingAt(startsAt), seatsBooked(3))
                .when(cancelBooking(ACCOUNT))
                .expectException(refused(CONFLICT)
                        .naming(
                                "cancellableUntil",
                                startsAt.minus(Duration.ofHours(24)).toString()))
                .expectException(
                        refused(new TooLateToCancel(startsAt.minus(Duration.ofHours(24)), Duration.ofHours(24))))
                .expectExceptionMessage(
                        "Bookings can be cancelled until 24 hours before the event starts; this one could be "
                                + "cancelled until 2030-03-01T11:59:59Z")
                .expectNoEvents();
    }

    @Test
    void cancellingAfterTheStartIsConflict() {
        fixture.given(eventScheduledStartingAt(NOW.minus(Duration.ofHours(1))), seatsBooked(3))
                .when(cancelBooking(ACCOUNT))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cancellingExactlyAtTheCutoffSucceeds() {
        fixture.given(eventScheduledStartingAt(NOW.plus(Duration.ofHours(24))), seatsBooked(3))
                .when(cancelBooking(ACCOUNT))
                .expectEvents(seatsReleased(3));
    }

    @Test
    void cancellationCutoffComesFromTheBookingRules() {
        new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(new BookingRules(10, 10, 10, Duration.ofHours(1), 20))
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC))
                .given(eventScheduledStartingAt(NOW.plus(Duration.ofHours(2))), seatsBooked(3))
                .when(cancelBooking(ACCOUNT))
                .expectEvents(seatsReleased(3));
    }

    @Test
    void shorterCutoffIsNamedInMinutes() {
        new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(new BookingRules(10, 10, 10, Duration.ofMinutes(90), 20))
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC))
                .given(eventScheduledStartingAt(NOW.plus(Duration.ofHours(1))), seatsBooked(3))
                .when(cancelBooking(ACCOUNT))
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(
                        startsWith("Bookings can be cancelled until 90 minutes before the event starts"));
    }

    @Test
    void seatMapRestoredFromSnapshotRemembersItsBookings() {
        var restored = snapshotRoundTrip(seatMapFrom(eventScheduled(), earlierBooking(4), seatsBooked(5, 99)));

        fixture.givenState(() -> restored).when(cancelBooking(ACCOUNT)).expectEvents(seatsReleased(5, 99));
    }

    @Test
    void seatMapRestoredFromSnapshotRemembersCancellations() {
        var seatMap = seatMapFrom(eventScheduled(), seatsBooked(5, 99));
        seatMap.on(seatsReleased(5, 99));
        var restored = snapshotRoundTrip(seatMap);

        assertThat(restored).usingRecursiveComparison().usingOverriddenEquals().isEqualTo(seatMap);
        fixture.givenState(() -> restored)
                .when(cancelBooking(ACCOUNT))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void seatMapRestoredFromSnapshotBooksReleasedSeats() {
        var seatMap = seatMapFrom(eventScheduled(), seatsBooked(5, 99));
        seatMap.on(seatsReleased(5, 99));
        var restored = snapshotRoundTrip(seatMap);

        fixture.givenState(() -> restored).when(bookSeats(99, 5)).expectEvents(seatsBooked(5, 99));
    }

    private static EventScheduled eventScheduled() {
        return eventScheduledStartingAt(STARTS_AT);
    }

    private static EventScheduled eventScheduledStartingAt(Instant startsAt) {
        return new EventScheduled(
                EVENT,
                VenueId.of("venue-1"),
                "Quartet",
                "Strings",
                startsAt,
                Map.of("S", PRICE),
                SeatLayout.grid(ROWS, SEATS_PER_ROW),
                SingleSeatRule.ALLOW);
    }

    private static BookSeats bookSeats(Integer... seats) {
        return new BookSeats(EVENT, BOOKING, ACCOUNT, Arrays.asList(seats));
    }

    private static SeatsBooked seatsBooked(Integer... seats) {
        return new SeatsBooked(EVENT, BOOKING, ACCOUNT, List.of(seats), NOW, Map.of("S", PRICE * seats.length));
    }

    private static CancelBooking cancelBooking(AccountId asking) {
        return new CancelBooking(EVENT, BOOKING, asking);
    }

    private static SeatsReleased seatsReleased(Integer... seats) {
        return new SeatsReleased(EVENT, BOOKING, ACCOUNT, List.of(seats), NOW);
    }

    private static SeatsBooked earlierBooking(Integer... seats) {
        return new SeatsBooked(
                EVENT,
                BookingId.next(),
                AccountId.random(),
                List.of(seats),
                NOW.minusSeconds(60),
                Map.of("S", PRICE * seats.length));
    }

    private static Integer[] seatsFrom1To(int last) {
        return IntStream.rangeClosed(1, last).boxed().toArray(Integer[]::new);
    }

    private static SeatMap seatMapFrom(EventScheduled scheduled, SeatsBooked... bookings) {
        var seatMap = new SeatMap();
        seatMap.on(scheduled);
        Arrays.stream(bookings).forEach(seatMap::on);
        return seatMap;
    }

    private static SeatMap snapshotRoundTrip(SeatMap seatMap) {
        Serializer serializer = StoredMessages.serializer();
        return serializer.deserialize(serializer.serialize(seatMap, byte[].class));
    }
}
