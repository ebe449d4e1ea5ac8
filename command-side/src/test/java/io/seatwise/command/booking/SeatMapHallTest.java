package io.seatwise.command.booking;

import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.CompanionWithoutWheelchair;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.SingleSeat;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookedSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.event.EventId;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seat map of a real hall: prices per category, companion seats, the single-seat rule and snapshots of all three.
 * Seat numbers are those of {@link Layouts#hall()} unless a test draws its own rows.
 */
class SeatMapHallTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(7));
    private static final EventId EVENT = EventId.of("event-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final AccountId ACCOUNT = AccountId.of("account-1");
    private static final Map<String, Long> PRICES = Map.of("P", 9_000L, "S", 5_000L, "R", 2_000L, "W", 3_000L, "C", 0L);

    private FixtureConfiguration<SeatMap> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(BookingRules.defaults())
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void bookingRecordsWhatEachCategoryCostAtTheEventsPrices() {
        fixture.given(scheduled(Layouts.hall(), SingleSeatRule.ALLOW))
                .when(bookSeats(23, 3, 11, 4))
                .expectEvents(booked(List.of(3, 4, 11, 23), Map.of("P", 18_000L, "S", 5_000L, "R", 2_000L)))
                .expectResultMessagePayload(new BookedSeats(
                        List.of(3, 4, 11, 23),
                        List.of(
                                "Stalls, Row A, Seat 3",
                                "Stalls, Row A, Seat 4",
                                "Stalls, Row B, Seat 1",
                                "Circle, Row A, Seat 1")));
    }

    @Test
    void freeCategoryIsRecordedAtNothing() {
        fixture.given(scheduled(Layouts.hall(), SingleSeatRule.ALLOW))
                .when(bookSeats(1, 2))
                .expectEvents(booked(List.of(1, 2), Map.of("W", 3_000L, "C", 0L)));
    }

    @Test
    void companionSeatIsBookedWithAWheelchairSpaceOfItsRow() {
        fixture.given(scheduled(Layouts.hall(), SingleSeatRule.ALLOW))
                .when(bookSeats(9, 10))
                .expectEvents(booked(List.of(9, 10), Map.of("W", 3_000L, "C", 0L)));
    }

    @Test
    void wheelchairSpaceAnywhereInTheRowWillDo() {
        fixture.given(scheduled(Layouts.hall(), SingleSeatRule.ALLOW))
                .when(bookSeats(2, 10))
                .expectEvents(booked(List.of(2, 10), Map.of("W", 3_000L, "C", 0L)));
    }

    @Test
    void companionSeatAloneIsRefusedNamingIt() {
        fixture.given(scheduled(Layouts.hall(), SingleSeatRule.ALLOW))
                .when(bookSeats(2, 9, 5))
                .expectException(refused(new CompanionWithoutWheelchair(List.of(2, 9))))
                .expectNoEvents();
    }

    @Test
    void wheelchairSpaceOfAnotherRowDoesNotCount() {
        // row A: W=1 C=2; row B: C=3 W=4
        fixture.given(scheduled(Layouts.rows("WC", "CW"), SingleSeatRule.ALLOW))
                .when(bookSeats(2, 4))
                .expectException(refused(new CompanionWithoutWheelchair(List.of(2))))
                .expectNoEvents();
    }

    @Test
    void bookedWheelchairSpaceOfAnEarlierBookingDoesNotCount() {
        fixture.given(scheduled(Layouts.hall(), SingleSeatRule.ALLOW), earlierBooking(1))
                .when(bookSeats(2))
                .expectException(refused(new CompanionWithoutWheelchair(List.of(2))))
                .expectNoEvents();
    }

    @Test
    void bookingThatLeavesASeatAloneAtTheRowEndIsRefusedNamingIt() {
        fixture.given(scheduled(Layouts.rows("SSSSS"), SingleSeatRule.REFUSE))
                .when(bookSeats(2, 3))
                .expectException(refused(new SingleSeat(List.of(1))))
                .expectExceptionMessage("This event does not leave single seats; this booking would leave alone: 1")
                .expectNoEvents();
    }

    @Test
    void bookingThatLeavesSeatsAloneBesideGapsIsRefusedNamingThem() {
        // positions S S . S S S: seats 1 2 | 3 4 5
        fixture.given(scheduled(Layouts.rows("SS.SSS"), SingleSeatRule.REFUSE))
                .when(bookSeats(4))
                .expectException(refused(new SingleSeat(List.of(3, 5))))
                .expectNoEvents();
    }

    @Test
    void bookingThatLeavesASeatAloneBesideABookedOneIsRefused() {
        fixture.given(scheduled(Layouts.rows("SSSSS"), SingleSeatRule.REFUSE), earlierBooking(1))
                .when(bookSeats(3))
                .expectException(refused(new SingleSeat(List.of(2))))
                .expectNoEvents();
    }

    @Test
    void strandingIsJudgedRowByRow() {
        // seat 3 ends row A and seat 4 starts row B: they are not side by side
        fixture.given(scheduled(Layouts.rows("SSS", "SSS"), SingleSeatRule.REFUSE))
                .when(bookSeats(1, 2))
                .expectException(refused(new SingleSeat(List.of(3))))
                .expectNoEvents();
    }

    @Test
    void seatAloneAlreadyIsNotTheBookingsDoing() {
        fixture.given(scheduled(Layouts.rows("SSSSSSS"), SingleSeatRule.REFUSE), earlierBooking(2))
                .when(bookSeats(4, 5))
                .expectException(refused(new SingleSeat(List.of(3))))
                .expectNoEvents();
    }

    @Test
    void bookingTheLoneSeatItselfIsAllowed() {
        fixture.given(scheduled(Layouts.rows("SSSSS"), SingleSeatRule.REFUSE), earlierBooking(2))
                .when(bookSeats(1))
                .expectEvents(booked(List.of(1), Map.of("S", 5_000L)));
    }

    @Test
    void bookingThatLeavesPairsIsAllowed() {
        fixture.given(scheduled(Layouts.rows("SS.SSSSS"), SingleSeatRule.REFUSE))
                .when(bookSeats(5))
                .expectEvents(booked(List.of(5), Map.of("S", 5_000L)));
    }

    @Test
    void eventThatAllowsSingleSeatsBooksWhatWouldStrandOne() {
        fixture.given(scheduled(Layouts.rows("SS.SSS"), SingleSeatRule.ALLOW))
                .when(bookSeats(4))
                .expectEvents(booked(List.of(4), Map.of("S", 5_000L)));
    }

    @Test
    void takenSeatsAreNamedBeforeStrandedOnes() {
        fixture.given(scheduled(Layouts.rows("SSSSS"), SingleSeatRule.REFUSE), earlierBooking(3))
                .when(bookSeats(2, 3))
                .expectException(refused(new SeatsUnavailable(List.of(3))))
                .expectNoEvents();
    }

    @Test
    void snapshotKeepsLayoutPricesAndSingleSeatRule() {
        var seatMap = new SeatMap();
        seatMap.on(scheduled(Layouts.hall(), SingleSeatRule.REFUSE));
        seatMap.on(earlierBooking(1, 2));

        var restored = snapshotRoundTrip(seatMap);

        assertThat(restored).usingRecursiveComparison().usingOverriddenEquals().isEqualTo(seatMap);
        assertThat(restored).extracting("layout").isEqualTo(Layouts.hall());
        assertThat(restored).extracting("prices").isEqualTo(PRICES);
        assertThat(restored).extracting("singleSeatRule").isEqualTo(SingleSeatRule.REFUSE);
    }

    @Test
    void seatMapRestoredFromSnapshotStillRefusesSingleSeats() {
        var restored = snapshotRoundTrip(seatMapOf(scheduled(Layouts.hall(), SingleSeatRule.REFUSE)));

        fixture.givenState(() -> restored)
                .when(bookSeats(12, 13))
                .expectException(refused(new SingleSeat(List.of(11))))
                .expectNoEvents();
    }

    @Test
    void seatMapRestoredFromSnapshotPricesByCategory() {
        var restored = snapshotRoundTrip(seatMapOf(scheduled(Layouts.hall(), SingleSeatRule.REFUSE)));

        fixture.givenState(() -> restored)
                .when(bookSeats(3, 4, 5, 6, 7, 8))
                .expectEvents(booked(List.of(3, 4, 5, 6, 7, 8), Map.of("P", 54_000L)));
    }

    private static SeatMap seatMapOf(EventScheduled scheduled) {
        var seatMap = new SeatMap();
        seatMap.on(scheduled);
        return seatMap;
    }

    static EventScheduled scheduled(SeatLayout layout, SingleSeatRule rule) {
        return new EventScheduled(EVENT, VenueId.of("venue-1"), "Quartet", "Strings", STARTS_AT, PRICES, layout, rule);
    }

    private static BookSeats bookSeats(Integer... seats) {
        return new BookSeats(EVENT, BOOKING, ACCOUNT, Arrays.asList(seats));
    }

    private static SeatsBooked booked(List<Integer> seats, Map<String, Long> cents) {
        return new SeatsBooked(EVENT, BOOKING, ACCOUNT, seats, NOW, cents);
    }

    private static SeatsBooked earlierBooking(Integer... seats) {
        return new SeatsBooked(
                EVENT, BookingId.next(), AccountId.random(), List.of(seats), NOW.minusSeconds(60), Map.of());
    }

    private static SeatMap snapshotRoundTrip(SeatMap seatMap) {
        Serializer serializer = StoredMessages.serializer();
        return serializer.deserialize(serializer.serialize(seatMap, byte[].class));
    }
}
