package io.seatwise.command.booking;

import static io.seatwise.command.Refusal.refused;

import io.seatwise.api.InvalidValue;
import io.seatwise.api.NoAdjacentBlock;
import io.seatwise.api.Refusal.Plain;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookedSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.Layouts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Best available (SPEC §1): side by side in one row with no gap between, front rows first, then nearest the row's
 * centre, wheelchair and companion seats only when their category is asked, and no lone seat left when a block of the
 * same rank leaves none. Each test draws its rows; seats are numbered left to right, row after row.
 */
class BestAvailableTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final EventId EVENT = EventId.of("event-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final AccountId ACCOUNT = AccountId.of("account-1");
    private static final Map<String, Long> PRICES = Map.of("P", 9_000L, "S", 5_000L, "R", 2_000L, "W", 3_000L, "C", 0L);

    private FixtureConfiguration<SeatMap> fixture;
    private SeatLayout layout;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(BookingRules.defaults())
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void emptyRowGivesItsCentreSeats() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSSSSSS"))
                .when(best(3, null))
                .expectEvents(booked(3, 4, 5))
                .expectResultMessagePayload(BookedSeats.of(layout, List.of(3, 4, 5)));
    }

    @Test
    void frontRowBeatsABetterCentredBlockFurtherBack() {
        // row A: 1 2 [3 4] 5 6 with 3 and 4 taken; row B: 7..12
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSSSSS", "SSSSSS"), earlierBooking(3, 4))
                .when(best(2, null))
                .expectEvents(booked(1, 2));
    }

    @Test
    void rowWithoutAFittingBlockIsPassedOver() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSSSSS", "SSSSSSSS"), earlierBooking(3, 4))
                .when(best(3, null))
                .expectEvents(booked(9, 10, 11));
    }

    @Test
    void firstSectionIsInFront() {
        var twoSections = new SeatLayout(
                Layouts.ALL_CATEGORIES, List.of(Layouts.section("Stalls", "SSS"), Layouts.section("Circle", "SSSSS")));
        fixture.given(scheduled(SingleSeatRule.ALLOW, twoSections), earlierBooking(2))
                .when(best(2, null))
                .expectEvents(booked(5, 6));
    }

    @Test
    void blockHasNoGapInside() {
        // S S . S S S . S S: seats 1 2 | 3 4 5 | 6 7
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SS.SSS.SS"))
                .when(best(3, null))
                .expectEvents(booked(3, 4, 5));
    }

    @Test
    void freeSeatsSplitByGapsAreNoBlock() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SS.SSS.SS"))
                .when(best(4, null))
                .expectException(refused(new NoAdjacentBlock(4, null)))
                .expectExceptionMessage("No 4 seats side by side are free")
                .expectNoEvents();
    }

    @Test
    void centreCountsGapsAsPositions() {
        // S S S S S . . . S S: the row's centre is the left edge of the gap, so seats 4 5 are nearest it; counting
        // seats only, its centre would be seat 4, and 3 4 would tie with 4 5
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSSSS...SS"))
                .when(best(2, null))
                .expectEvents(booked(4, 5));
    }

    @Test
    void wheelchairAndCompanionSeatsAreNotOfferedUnasked() {
        // row A: W C S S C W (1..6), row B: 7..12
        fixture.given(scheduled(SingleSeatRule.ALLOW, "WCSSCW", "SSSSSS"))
                .when(best(3, null))
                .expectEvents(booked(8, 9, 10));
    }

    @Test
    void restrictedViewSeatsAreOfferedUnasked() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "RSR"))
                .when(best(3, null))
                .expectEvents(booked(1, 2, 3));
    }

    @Test
    void askedCategoryGivesOnlyItsSeats() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "PPSSSSPP"))
                .when(best(2, "P"))
                .expectEvents(booked(1, 2));
    }

    @Test
    void askingForWheelchairSpacesGivesThemWithTheCompanionSeatsBeside() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "WCSSCW"))
                .when(best(2, "W"))
                .expectEvents(booked(1, 2));
    }

    @Test
    void oneWheelchairSpaceIsOneWheelchairSpace() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "CWSSCW"))
                .when(best(1, "W"))
                .expectEvents(booked(2));
    }

    @Test
    void blockOfCompanionSeatsAloneIsNoWheelchairBlock() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "CC.WS"))
                .when(best(2, "W"))
                .expectException(refused(new NoAdjacentBlock(2, "W")))
                .expectExceptionMessage("No 2 seats side by side of category W are free")
                .expectNoEvents();
    }

    @Test
    void companionSeatsAreNeverABlockOnTheirOwn() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "WCCW"))
                .when(best(2, "C"))
                .expectException(refused(new NoAdjacentBlock(2, "C")))
                .expectNoEvents();
    }

    @Test
    void bookedWheelchairSpacesAreNotOffered() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "WC", "WC"), earlierBooking(1))
                .when(best(2, "W"))
                .expectEvents(booked(3, 4));
    }

    @Test
    void ofTwoEquallyCentredBlocksTheOneLeavingNoSeatAloneIsChosen() {
        // with seat 1 taken, 3 4 would leave 2 alone; 4 5 is as near the centre and leaves none alone
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSSSSSS"), earlierBooking(1))
                .when(best(2, null))
                .expectEvents(booked(4, 5));
    }

    @Test
    void ofTwoEquallyGoodBlocksTheLeftIsChosen() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSSSSSS"))
                .when(best(2, null))
                .expectEvents(booked(3, 4));
    }

    @Test
    void nearerTheCentreBeatsLeavingNoSeatAloneWhenSingleSeatsAreAllowed() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSSSSSS"), earlierBooking(1))
                .when(best(3, null))
                .expectEvents(booked(3, 4, 5));
    }

    @Test
    void eventThatRefusesSingleSeatsGetsABlockThatLeavesNoneAlone() {
        fixture.given(scheduled(SingleSeatRule.REFUSE, "SSSSSSS"), earlierBooking(1))
                .when(best(3, null))
                .expectEvents(booked(2, 3, 4));
    }

    @Test
    void eventThatRefusesSingleSeatsPassesOverARowWhereEveryBlockLeavesOneAlone() {
        fixture.given(scheduled(SingleSeatRule.REFUSE, "SSS", "SSSS"))
                .when(best(2, null))
                .expectEvents(booked(4, 5));
    }

    @Test
    void eventThatRefusesSingleSeatsHasNoBlockWhenEveryBlockLeavesOneAlone() {
        fixture.given(scheduled(SingleSeatRule.REFUSE, "SSS", "S.S"))
                .when(best(2, null))
                .expectException(refused(new NoAdjacentBlock(2, null)))
                .expectNoEvents();
    }

    @Test
    void bookingRecordsWhatTheChosenSeatsCost() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, Layouts.hall()))
                .when(best(2, "W"))
                .expectEvents(booked(Map.of("W", 3_000L, "C", 0L), 1, 2));
    }

    @Test
    void hallGivesItsCentrePremiumSeatsFirst() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, Layouts.hall()))
                .when(best(4, null))
                .expectEvents(booked(Map.of("P", 36_000L), 4, 5, 6, 7));
    }

    @Test
    void hallThatRefusesSingleSeatsGivesTheLeftmostBlockThatLeavesNoneAlone() {
        fixture.given(scheduled(SingleSeatRule.REFUSE, Layouts.hall()))
                .when(best(4, null))
                .expectEvents(booked(Map.of("P", 36_000L), 3, 4, 5, 6));
    }

    @Test
    void soldOutEventHasNoBlock() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSS"), earlierBooking(1, 2, 3))
                .when(best(1, null))
                .expectException(refused(new NoAdjacentBlock(1, null)))
                .expectNoEvents();
    }

    @Test
    void countBelowOneIsRejected() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSS"))
                .when(best(0, null))
                .expectException(refused(InvalidValue.outOfRange("count", 1, 10)))
                .expectExceptionMessage("count must be between 1 and 10, was 0")
                .expectNoEvents();
    }

    @Test
    void countAboveTheMostSeatsPerBookingIsRejected() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "S".repeat(20)))
                .when(best(11, null))
                .expectException(refused(InvalidValue.outOfRange("count", 1, 10)))
                .expectNoEvents();
    }

    @Test
    void unknownCategoryIsRejected() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, Layouts.hall()))
                .when(best(2, "X"))
                .expectException(refused(InvalidValue.of("category", InvalidValue.Rule.UNKNOWN_CATEGORY)))
                .expectExceptionMessage("This event has no seat category X")
                .expectNoEvents();
    }

    @Test
    void seatsAndBestAvailableTogetherAreRejected() {
        fixture.given(scheduled(SingleSeatRule.ALLOW, "SSS"))
                .when(new BookSeats(EVENT, BOOKING, ACCOUNT, List.of(1), new BestAvailable(1, null)))
                .expectException(refused(Plain.SEATS_AND_BEST_AVAILABLE))
                .expectNoEvents();
    }

    @Test
    void bestAvailableOnceTheEventStartedIsRejected() {
        layout = Layouts.rows("SSS");
        fixture.given(new EventScheduled(
                        EVENT, VenueId.of("venue-1"), "Quartet", "Strings", NOW, PRICES, layout, SingleSeatRule.ALLOW))
                .when(best(1, null))
                .expectException(refused(Plain.EVENT_STARTED))
                .expectNoEvents();
    }

    private EventScheduled scheduled(SingleSeatRule rule, String... rows) {
        return scheduled(rule, Layouts.rows(rows));
    }

    private EventScheduled scheduled(SingleSeatRule rule, SeatLayout layout) {
        this.layout = layout;
        return new EventScheduled(
                EVENT, VenueId.of("venue-1"), "Quartet", "Strings", NOW.plus(Duration.ofDays(7)), PRICES, layout, rule);
    }

    private static BookSeats best(int count, String category) {
        return new BookSeats(EVENT, BOOKING, ACCOUNT, null, new BestAvailable(count, category));
    }

    /** The booking of these seats, priced by their categories in the layout of the last event scheduled. */
    private SeatsBooked booked(Integer... seats) {
        var cents = new TreeMap<String, Long>();
        for (int seat : seats) {
            var category = layout.categoryOf(seat);
            cents.merge(category, PRICES.get(category), Long::sum);
        }
        return booked(cents, seats);
    }

    private static SeatsBooked booked(Map<String, Long> cents, Integer... seats) {
        return new SeatsBooked(EVENT, BOOKING, ACCOUNT, List.of(seats), NOW, cents);
    }

    private static SeatsBooked earlierBooking(Integer... seats) {
        return new SeatsBooked(
                EVENT, BookingId.next(), AccountId.random(), List.of(seats), NOW.minusSeconds(60), Map.of());
    }
}
