package io.seatwise.command.booking;

import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.InvalidValue;
import io.seatwise.api.NoAdjacentBlock;
import io.seatwise.api.Refusal.Plain;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookedSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.CancelBooking;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.CancelEvent;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.waitlist.AcceptOffer;
import io.seatwise.api.waitlist.CloseWaitlist;
import io.seatwise.api.waitlist.ExpireOffer;
import io.seatwise.api.waitlist.JoinWaitlist;
import io.seatwise.api.waitlist.LeaveWaitlist;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.OfferExpired;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistClosed;
import io.seatwise.api.waitlist.WaitlistEntryId;
import io.seatwise.api.waitlist.WaitlistJoined;
import io.seatwise.api.waitlist.WaitlistLeft;
import io.seatwise.command.StoredMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waitlist as the seat map decides it: who may join, which entry released seats are offered to, that held seats
 * are nobody else's, and accepting, expiring, leaving and closing. A hall of two rows of four seats, 1–4 in front.
 */
class SeatMapWaitlistTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(7));
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final long PRICE = 2_500;

    private static final EventId EVENT = EventId.of("event-1");
    private static final AccountId ANN = AccountId.of("ann");
    private static final AccountId BOB = AccountId.of("bob");
    private static final AccountId CY = AccountId.of("cy");
    private static final AccountId HOLDER = AccountId.of("holder");
    private static final BookingId FRONT = BookingId.of("front-row");
    private static final BookingId BACK = BookingId.of("back-row");
    private static final WaitlistEntryId ANNS = WaitlistEntryId.of("anns-entry");
    private static final WaitlistEntryId BOBS = WaitlistEntryId.of("bobs-entry");
    private static final WaitlistEntryId CYS = WaitlistEntryId.of("cys-entry");

    private FixtureConfiguration<SeatMap> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureAt(NOW);
    }

    private static FixtureConfiguration<SeatMap> fixtureAt(Instant now) {
        return fixtureAt(now, BookingRules.defaults());
    }

    private static FixtureConfiguration<SeatMap> fixtureAt(Instant now, BookingRules rules) {
        return new AggregateTestFixture<>(SeatMap.class)
                .registerInjectableResource(rules)
                .registerInjectableResource(new WaitlistRules(TTL))
                .registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void joiningWhileTheEventCanSeatThemSideBySideIsRefused() {
        fixture.given(eventScheduled(), booked(FRONT, HOLDER, 1, 2, 3, 4))
                .when(join(ANNS, ANN, 4))
                .expectException(refused(Plain.SEATS_AVAILABLE))
                .expectNoEvents();
    }

    @Test
    void joiningWhenNoBlockFitsPutsThemAtTheEndOfTheQueue() {
        fixture.given(events(soldOut(), joined(ANNS, ANN, 2)))
                .when(join(BOBS, BOB, 1))
                .expectEvents(joined(BOBS, BOB, 1))
                .expectResultMessagePayload(2);
    }

    @Test
    void joiningWithFreeSeatsThatAreNotSideBySideIsAccepted() {
        fixture.given(eventScheduled(), booked(FRONT, HOLDER, 2, 4), booked(BACK, HOLDER, 5, 6, 7, 8))
                .when(join(ANNS, ANN, 2))
                .expectEvents(joined(ANNS, ANN, 2))
                .expectResultMessagePayload(1);
    }

    @Test
    void anAccountWaitsOnceForAnEvent() {
        fixture.given(events(soldOut(), joined(ANNS, ANN, 2)))
                .when(join(BOBS, ANN, 1))
                .expectException(refused(Plain.ALREADY_WAITING))
                .expectNoEvents();
    }

    @Test
    void anAccountThatLeftMayJoinAgainAtTheEnd() {
        fixture.given(events(soldOut(), joined(ANNS, ANN, 2), joined(BOBS, BOB, 2), left(ANNS, ANN)))
                .when(join(CYS, ANN, 2))
                .expectEvents(joined(CYS, ANN, 2))
                .expectResultMessagePayload(2);
    }

    @Test
    void joiningForMoreThanOneBookingHoldsIsRefused() {
        fixture.given(events(soldOut()))
                .when(join(ANNS, ANN, 11))
                .expectException(refused(InvalidValue.outOfRange("count", 1, 10)))
                .expectNoEvents();
    }

    @Test
    void joiningACancelledEventIsRefused() {
        fixture.given(events(soldOut(), new EventCancelled(EVENT, "Storm", NOW)))
                .when(join(ANNS, ANN, 2))
                .expectException(refused(Plain.EVENT_CANCELLED));
    }

    @Test
    void joiningAnEventThatHasStartedIsRefused() {
        fixtureAt(STARTS_AT)
                .given(events(soldOut()))
                .when(join(ANNS, ANN, 2))
                .expectException(refused(Plain.EVENT_STARTED));
    }

    @Test
    void releasedSeatsAreOfferedToTheEarliestEntryTheyCanSeat() {
        fixture.given(events(soldOut(), joined(ANNS, ANN, 3), joined(BOBS, BOB, 2), joined(CYS, CY, 2)))
                .when(new CancelBooking(EVENT, FRONT, HOLDER))
                // four seats free: Ann's three, then no two side by side are left for Bob
                .expectEvents(released(FRONT, HOLDER, 1, 2, 3, 4), offered(ANNS, ANN, NOW, 1, 2, 3));
    }

    @Test
    void anEntryTheReleaseCannotSeatKeepsItsPlaceAndTheNextOneFits() {
        fixture.given(
                        eventScheduled(),
                        booked(FRONT, HOLDER, 1, 2, 3, 4),
                        booked(BACK, HOLDER, 5, 6),
                        booked(BookingId.of("last-two"), CY, 7, 8),
                        joined(ANNS, ANN, 4),
                        joined(BOBS, BOB, 2))
                .when(new CancelBooking(EVENT, BACK, HOLDER))
                .expectEvents(released(BACK, HOLDER, 5, 6), offered(BOBS, BOB, NOW, 5, 6));
    }

    @Test
    void seatsThatFitNobodyGoBackOnSale() {
        var last = BookingId.of("last");
        fixture.given(
                        eventScheduled(),
                        booked(FRONT, HOLDER, 2, 3, 4),
                        booked(last, CY, 1),
                        booked(BACK, HOLDER, 5, 6, 7, 8),
                        joined(ANNS, ANN, 4))
                .when(new CancelBooking(EVENT, last, CY))
                .expectEvents(released(last, CY, 1));
    }

    @Test
    void heldSeatsCannotBeBookedByAnyoneElse() {
        fixture.given(events(
                        soldOut(),
                        joined(ANNS, ANN, 2),
                        released(FRONT, HOLDER, 1, 2, 3, 4),
                        offered(ANNS, ANN, NOW, 2, 3)))
                .when(new BookSeats(EVENT, BookingId.of("other"), CY, List.of(3, 4)))
                .expectException(refused(new SeatsUnavailable(List.of(3))))
                .expectNoEvents();
    }

    @Test
    void bestAvailablePassesOverHeldSeats() {
        fixture.given(events(offerOfTwoAndThree()))
                .when(new BookSeats(EVENT, BookingId.of("other"), CY, null, new BestAvailable(2, null)))
                .expectException(refused(new NoAdjacentBlock(2, null)))
                .expectNoEvents();
    }

    @Test
    void acceptingBooksTheHeldSeatsForTheEntrysAccount() {
        fixture.given(events(
                        soldOut(),
                        joined(ANNS, ANN, 2),
                        released(FRONT, HOLDER, 1, 2, 3, 4),
                        offered(ANNS, ANN, NOW, 2, 3)))
                .when(new AcceptOffer(EVENT, ANNS, ANN, null))
                .expectEvents(
                        new SeatsBooked(EVENT, bookingOf(ANNS), ANN, List.of(2, 3), NOW, Map.of("S", 2 * PRICE)),
                        new OfferAccepted(EVENT, ANNS, ANN, bookingOf(ANNS), NOW))
                .expectResultMessagePayload(
                        new BookedSeats(List.of(2, 3), List.of("Main, Row A, Seat 2", "Main, Row A, Seat 3")));
    }

    @Test
    void acceptedSeatsAreBookedAndNoLongerHeld() {
        var acceptance = new SeatsBooked(EVENT, bookingOf(ANNS), ANN, List.of(2, 3), NOW, Map.of("S", 2 * PRICE));
        fixture.given(events(offerOfTwoAndThree(), acceptance, accepted(ANNS, ANN)))
                .when(new BookSeats(EVENT, BookingId.of("other"), CY, List.of(1, 2)))
                .expectException(refused(new SeatsUnavailable(List.of(2))));
    }

    @Test
    void acceptingAfterTheOfferRanOutIsRefused() {
        fixtureAt(NOW.plus(TTL).plusSeconds(1))
                .given(events(offerOfTwoAndThree()))
                .when(new AcceptOffer(EVENT, ANNS, ANN, null))
                .expectException(refused(Plain.OFFER_EXPIRED))
                .expectNoEvents();
    }

    @Test
    void acceptingAnExpiredOfferIsRefused() {
        fixture.given(events(offerOfTwoAndThree(), expired(ANNS, ANN, 2, 3)))
                .when(new AcceptOffer(EVENT, ANNS, ANN, null))
                .expectException(refused(Plain.OFFER_EXPIRED));
    }

    @Test
    void acceptingBeforeAnyOfferIsRefused() {
        fixture.given(events(soldOut(), joined(ANNS, ANN, 2)))
                .when(new AcceptOffer(EVENT, ANNS, ANN, null))
                .expectException(refused(Plain.NO_OFFER));
    }

    @Test
    void acceptingSomeoneElsesOfferIsRefused() {
        fixture.given(events(offerOfTwoAndThree()))
                .when(new AcceptOffer(EVENT, ANNS, BOB, null))
                .expectException(refused(Plain.NOT_YOUR_WAITLIST_ENTRY))
                .expectNoEvents();
    }

    @Test
    void acceptingAnUnknownEntryIsRefused() {
        fixture.given(events(offerOfTwoAndThree()))
                .when(new AcceptOffer(EVENT, CYS, CY, null))
                .expectException(refused(Plain.NO_SUCH_WAITLIST_ENTRY));
    }

    @Test
    void acceptingTwiceIsRefused() {
        fixture.given(events(offerOfTwoAndThree(), accepted(ANNS, ANN)))
                .when(new AcceptOffer(EVENT, ANNS, ANN, null))
                .expectException(refused(Plain.WAITLIST_ENTRY_ENDED));
    }

    @Test
    void anExpiredOfferGoesToTheNextEntryThatFits() {
        fixture.given(events(offerOfTwoAndThree(), joined(BOBS, BOB, 3), joined(CYS, CY, 2)))
                .when(new ExpireOffer(EVENT, ANNS))
                .expectEvents(expired(ANNS, ANN, 2, 3), offered(BOBS, BOB, NOW, 1, 2, 3));
    }

    @Test
    void anOfferExpiresOnce() {
        fixture.given(events(offerOfTwoAndThree(), expired(ANNS, ANN, 2, 3)))
                .when(new ExpireOffer(EVENT, ANNS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAcceptedOfferDoesNotExpire() {
        fixture.given(events(offerOfTwoAndThree(), accepted(ANNS, ANN)))
                .when(new ExpireOffer(EVENT, ANNS))
                .expectNoEvents();
    }

    @Test
    void leavingWithAnOfferReleasesItsSeatsToTheNextEntry() {
        fixture.given(events(offerOfTwoAndThree(), joined(BOBS, BOB, 2)))
                .when(new LeaveWaitlist(EVENT, ANNS, ANN))
                .expectEvents(left(ANNS, ANN, 2, 3), offered(BOBS, BOB, NOW, 2, 3));
    }

    @Test
    void leavingTwiceIsRefused() {
        fixture.given(events(soldOut(), joined(ANNS, ANN, 2), left(ANNS, ANN)))
                .when(new LeaveWaitlist(EVENT, ANNS, ANN))
                .expectException(refused(Plain.WAITLIST_ENTRY_ENDED));
    }

    @Test
    void leavingSomeoneElsesEntryIsRefused() {
        fixture.given(events(soldOut(), joined(ANNS, ANN, 2)))
                .when(new LeaveWaitlist(EVENT, ANNS, BOB))
                .expectException(refused(Plain.NOT_YOUR_WAITLIST_ENTRY));
    }

    @Test
    void anOfferIsHeldNoLongerThanUntilTheEventStarts() {
        var cancellableUntilTheStart = new BookingRules(10, 2000, 5000, Duration.ZERO, 20);
        fixtureAt(STARTS_AT.minusSeconds(60), cancellableUntilTheStart)
                .given(events(soldOut(), joined(ANNS, ANN, 2)))
                .when(new CancelBooking(EVENT, FRONT, HOLDER))
                .expectEvents(
                        new SeatsReleased(EVENT, FRONT, HOLDER, List.of(1, 2, 3, 4), STARTS_AT.minusSeconds(60)),
                        new SeatsOffered(
                                EVENT,
                                ANNS,
                                ANN,
                                bookingOf(ANNS),
                                List.of(2, 3),
                                STARTS_AT.minusSeconds(60),
                                STARTS_AT));
    }

    @Test
    void cancellingTheEventEndsTheWaitlistBeforeReleasingTheBookings() {
        fixture.given(events(offerOfTwoAndThree(), joined(BOBS, BOB, 4)))
                .when(new CancelEvent(EVENT, "Storm"))
                .expectEvents(
                        new EventCancelled(EVENT, "Storm", NOW),
                        new WaitlistClosed(EVENT, WaitlistClosed.Reason.EVENT_CANCELLED, List.of(2, 3), NOW),
                        released(BACK, HOLDER, 5, 6, 7, 8));
    }

    @Test
    void theWaitlistClosesWhenTheEventStarts() {
        fixtureAt(STARTS_AT)
                .given(events(offerOfTwoAndThree()))
                .when(new CloseWaitlist(EVENT))
                .expectEvents(new WaitlistClosed(EVENT, WaitlistClosed.Reason.EVENT_STARTED, List.of(2, 3), STARTS_AT));
    }

    @Test
    void closingBeforeTheStartChangesNothing() {
        fixture.given(offerOfTwoAndThree()).when(new CloseWaitlist(EVENT)).expectNoEvents();
    }

    @Test
    void aClosedWaitlistClosesOnce() {
        fixtureAt(STARTS_AT)
                .given(events(
                        offerOfTwoAndThree(),
                        new WaitlistClosed(EVENT, WaitlistClosed.Reason.EVENT_STARTED, List.of(2, 3), NOW)))
                .when(new CloseWaitlist(EVENT))
                .expectNoEvents();
    }

    @Test
    void snapshotKeepsTheWaitlistAndItsHeldSeats() {
        var seatMap = sourced(
                eventScheduled(),
                booked(FRONT, HOLDER, 1, 2, 3, 4),
                booked(BACK, HOLDER, 5, 6, 7, 8),
                joined(ANNS, ANN, 2),
                joined(BOBS, BOB, 3),
                released(FRONT, HOLDER, 1, 2, 3, 4),
                offered(ANNS, ANN, NOW, 2, 3));
        Serializer serializer = StoredMessages.serializer();
        SeatMap restored = serializer.deserialize(serializer.serialize(seatMap, byte[].class));

        assertThat(restored).usingRecursiveComparison().usingOverriddenEquals().isEqualTo(seatMap);
        fixture.givenState(() -> restored)
                .when(new BookSeats(EVENT, BookingId.of("other"), CY, List.of(2)))
                .expectException(refused(new SeatsUnavailable(List.of(2))));
    }

    /** A seat map that applied the events as Axon applies them: the waitlist's own go to its waitlist. */
    private static SeatMap sourced(Object... events) {
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(SeatMap.class);
        var seatMap = new SeatMap();
        for (var event : events) {
            model.publish(GenericEventMessage.asEventMessage(event), seatMap);
        }
        return seatMap;
    }

    /** The events of the arguments, each an event or a list or array of events, in order. */
    private static List<Object> events(Object... parts) {
        var events = new ArrayList<Object>();
        for (var part : parts) {
            if (part instanceof Object[] array) {
                events.addAll(List.of(array));
            } else if (part instanceof List<?> list) {
                events.addAll(list);
            } else {
                events.add(part);
            }
        }
        return events;
    }

    private static BookingId bookingOf(WaitlistEntryId entry) {
        return BookingId.of(entry.value());
    }

    private static EventScheduled eventScheduled() {
        return new EventScheduled(
                EVENT,
                VenueId.of("venue-1"),
                "Quartet",
                "Strings",
                STARTS_AT,
                Map.of("S", PRICE),
                SeatLayout.grid(2, 4),
                SingleSeatRule.ALLOW);
    }

    /** The front row (1–4) and the back row (5–8) are booked. */
    private static Object[] soldOut() {
        return new Object[] {eventScheduled(), booked(FRONT, HOLDER, 1, 2, 3, 4), booked(BACK, HOLDER, 5, 6, 7, 8)};
    }

    /** Ann waits for two; the front row was released and seats 2 and 3 are offered to her. */
    private static List<Object> offerOfTwoAndThree() {
        return List.of(
                eventScheduled(),
                booked(FRONT, HOLDER, 1, 2, 3, 4),
                booked(BACK, HOLDER, 5, 6, 7, 8),
                joined(ANNS, ANN, 2),
                released(FRONT, HOLDER, 1, 2, 3, 4),
                offered(ANNS, ANN, NOW, 2, 3));
    }

    private static SeatsBooked booked(BookingId booking, AccountId account, Integer... seats) {
        return new SeatsBooked(
                EVENT, booking, account, List.of(seats), NOW.minusSeconds(60), Map.of("S", PRICE * seats.length));
    }

    private static SeatsReleased released(BookingId booking, AccountId account, Integer... seats) {
        return new SeatsReleased(EVENT, booking, account, List.of(seats), NOW);
    }

    private static JoinWaitlist join(WaitlistEntryId entry, AccountId account, int count) {
        return new JoinWaitlist(EVENT, entry, account, count, null);
    }

    private static WaitlistJoined joined(WaitlistEntryId entry, AccountId account, int count) {
        return new WaitlistJoined(EVENT, entry, account, count, null, TTL, STARTS_AT, NOW);
    }

    private static SeatsOffered offered(WaitlistEntryId entry, AccountId account, Instant at, Integer... seats) {
        return new SeatsOffered(EVENT, entry, account, bookingOf(entry), List.of(seats), at, at.plus(TTL));
    }

    private static OfferAccepted accepted(WaitlistEntryId entry, AccountId account) {
        return new OfferAccepted(EVENT, entry, account, bookingOf(entry), NOW);
    }

    private static OfferExpired expired(WaitlistEntryId entry, AccountId account, Integer... seats) {
        return new OfferExpired(EVENT, entry, account, List.of(seats), NOW);
    }

    private static WaitlistLeft left(WaitlistEntryId entry, AccountId account, Integer... seats) {
        return new WaitlistLeft(EVENT, entry, account, List.of(seats), NOW);
    }
}
