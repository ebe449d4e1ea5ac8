package io.seatwise.command.booking;

import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.AlreadyCheckedIn;
import io.seatwise.api.Refusal.Plain;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.Admission;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.CheckInTicket;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.booking.TicketCheckedIn;
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
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The door: each ticket of a live booking is admitted once, by the seat map that knows every booking. */
class SeatMapCheckInTest {

    private static final Instant NOW = Instant.parse("2030-03-08T19:00:00Z");
    private static final EventId EVENT = EventId.of("event-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final BookingId OTHER_BOOKING = BookingId.of("booking-2");
    private static final AccountId BOOKER = AccountId.of("booker-1");
    private static final AccountId STEWARD = AccountId.of("steward-1");

    private FixtureConfiguration<SeatMap> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(BookingRules.defaults())
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void ticketOfALiveBookingIsAdmitted() {
        fixture.given(scheduled(), booked(BOOKING, 4, 5))
                .when(checkIn(BOOKING, 5, null))
                .expectEvents(new TicketCheckedIn(EVENT, BOOKING, 5, STEWARD, NOW))
                .expectResultMessagePayload(
                        new Admission(new TicketCheckedIn(EVENT, BOOKING, 5, STEWARD, NOW), "Main, Row A, Seat 5"));
    }

    @Test
    void ticketAdmittedOfflineKeepsTheTimeTheDoorAdmittedIt() {
        var earlier = NOW.minus(Duration.ofMinutes(3));
        fixture.given(scheduled(), booked(BOOKING, 4))
                .when(checkIn(BOOKING, 4, earlier))
                .expectEvents(new TicketCheckedIn(EVENT, BOOKING, 4, STEWARD, earlier));
    }

    @Test
    void admissionTimeInTheFutureIsTakenAsNow() {
        fixture.given(scheduled(), booked(BOOKING, 4))
                .when(checkIn(BOOKING, 4, NOW.plusSeconds(3600)))
                .expectEvents(new TicketCheckedIn(EVENT, BOOKING, 4, STEWARD, NOW));
    }

    @Test
    void ticketAdmittedAlreadyIsRefusedWithTheTimeOfItsAdmission() {
        var first = NOW.minusSeconds(90);
        fixture.given(scheduled(), booked(BOOKING, 4, 5), new TicketCheckedIn(EVENT, BOOKING, 5, STEWARD, first))
                .when(checkIn(BOOKING, 5, null))
                .expectException(refused(new AlreadyCheckedIn(first)).naming("checkedInAt", first.toString()))
                .expectNoEvents();
    }

    @Test
    void otherSeatsOfTheBookingAreStillAdmitted() {
        fixture.given(scheduled(), booked(BOOKING, 4, 5), new TicketCheckedIn(EVENT, BOOKING, 5, STEWARD, NOW))
                .when(checkIn(BOOKING, 4, null))
                .expectEvents(new TicketCheckedIn(EVENT, BOOKING, 4, STEWARD, NOW));
    }

    @Test
    void cancelledBookingsTicketIsRefused() {
        fixture.given(scheduled(), booked(BOOKING, 4), released(BOOKING, 4))
                .when(checkIn(BOOKING, 4, null))
                .expectException(refused(Plain.CANCELLED))
                .expectNoEvents();
    }

    @Test
    void seatThatIsNotTheBookingsIsNoTicket() {
        fixture.given(scheduled(), booked(BOOKING, 4), booked(OTHER_BOOKING, 5))
                .when(checkIn(BOOKING, 5, null))
                .expectException(refused(Plain.INVALID_CODE))
                .expectNoEvents();
    }

    @Test
    void bookingTheEventDoesNotHaveIsNoTicket() {
        fixture.given(scheduled(), booked(BOOKING, 4))
                .when(checkIn(OTHER_BOOKING, 4, null))
                .expectException(refused(Plain.INVALID_CODE))
                .expectNoEvents();
    }

    @Test
    void seatBookedAgainAfterACancellationHasATicketOfItsOwn() {
        fixture.given(
                        scheduled(),
                        booked(BOOKING, 4),
                        new TicketCheckedIn(EVENT, BOOKING, 4, STEWARD, NOW.minusSeconds(60)),
                        released(BOOKING, 4),
                        booked(OTHER_BOOKING, 4))
                .when(checkIn(OTHER_BOOKING, 4, null))
                .expectEvents(new TicketCheckedIn(EVENT, OTHER_BOOKING, 4, STEWARD, NOW));
    }

    @Test
    void snapshotKeepsTheAdmissions() {
        var seatMap = new SeatMap();
        seatMap.on(scheduled());
        seatMap.on(booked(BOOKING, 4, 5, 9));
        seatMap.on(new TicketCheckedIn(EVENT, BOOKING, 9, STEWARD, NOW.minusSeconds(5)));
        seatMap.on(new TicketCheckedIn(EVENT, BOOKING, 4, STEWARD, NOW.minusSeconds(9)));
        Serializer serializer = StoredMessages.serializer();
        SeatMap restored = serializer.deserialize(serializer.serialize(seatMap, byte[].class));

        assertThat(restored).usingRecursiveComparison().usingOverriddenEquals().isEqualTo(seatMap);
        fixture.givenState(() -> restored)
                .when(checkIn(BOOKING, 9, null))
                .expectException(refused(new AlreadyCheckedIn(NOW.minusSeconds(5))));
    }

    private static CheckInTicket checkIn(BookingId booking, int seat, Instant at) {
        return new CheckInTicket(EVENT, booking, seat, STEWARD, at);
    }

    private static EventScheduled scheduled() {
        return new EventScheduled(
                EVENT,
                VenueId.of("venue-1"),
                "Quartet",
                "Strings",
                NOW.plus(Duration.ofHours(1)),
                Map.of("S", 2_500L),
                SeatLayout.grid(10, 10),
                SingleSeatRule.ALLOW);
    }

    private static SeatsBooked booked(BookingId booking, Integer... seats) {
        return new SeatsBooked(
                EVENT, booking, BOOKER, List.of(seats), NOW.minusSeconds(86_400), Map.of("S", 2_500L * seats.length));
    }

    private static SeatsReleased released(BookingId booking, Integer... seats) {
        return new SeatsReleased(EVENT, booking, BOOKER, List.of(seats), NOW.minusSeconds(3_600));
    }
}
