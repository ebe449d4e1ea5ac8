package io.seatwise.command.review;

import static io.seatwise.api.ErrorCode.NOT_FOUND;
import static io.seatwise.command.Refusal.refused;
import static io.seatwise.command.booking.BookingLedgers.feedStream;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.review.EditReview;
import io.seatwise.api.review.ReviewDeleted;
import io.seatwise.api.review.ReviewId;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.api.review.ReviewSubmitted;
import io.seatwise.api.review.ReviewWithdrawn;
import io.seatwise.api.review.SubmitReview;
import io.seatwise.api.review.WithdrawReview;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.MigratedDatabase;
import io.seatwise.command.booking.BookingLedger;
import io.seatwise.command.booking.BookingLedgers;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviews fall with the booking (SPEC §1): a review decides against the booking ledger, over a real SQLite file, whether
 * its author still holds a booking for its subject; {@link ReviewWithdrawals} asks it after each cancellation by a
 * booker, and not after an event's cancellation by an admin.
 */
class ReviewWithdrawalTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final VenueId VENUE = VenueId.of("venue-1");
    private static final EventId EVENT = EventId.of("event-1");
    private static final EventId OTHER_EVENT = EventId.of("event-2");
    private static final AccountId AUTHOR = AccountId.of("author");
    private static final BookingId FIRST = BookingId.of("booking-1");
    private static final BookingId SECOND = BookingId.of("booking-2");
    private static final BookingId ELSEWHERE = BookingId.of("booking-3");
    private static final ReviewSubject OF_EVENT = ReviewSubject.event(EVENT.value());
    private static final ReviewSubject OF_VENUE = ReviewSubject.venue(VENUE.value());
    private static final ReviewId EVENT_REVIEW = ReviewId.of(OF_EVENT, AUTHOR);
    private static final ReviewId VENUE_REVIEW = ReviewId.of(OF_VENUE, AUTHOR);

    @TempDir
    Path dataDir;

    private BookingLedger ledger;
    private FixtureConfiguration<Review> fixture;
    private final List<Object> sent = new ArrayList<>();
    private final Set<ReviewId> existing = new HashSet<>();
    private ReviewWithdrawals withdrawals;

    @BeforeEach
    void setUp() {
        ledger = BookingLedgers.over(MigratedDatabase.in(dataDir));
        fixture = new AggregateTestFixture<>(Review.class)
                .registerInjectableResource(ledger)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        withdrawals = new ReviewWithdrawals(recordingGateway(), ledger);
    }

    @AfterEach
    void stop() {
        withdrawals.destroy();
    }

    @Test
    void reviewOfTheEventIsWithdrawnWhenItsAuthorsLastBookingIsCancelled() {
        feedStream(ledger, EVENT.value(), scheduled(EVENT), booked(FIRST, EVENT), released(FIRST, EVENT));

        fixture.given(submitted(OF_EVENT))
                .when(new WithdrawReview(EVENT_REVIEW, FIRST))
                .expectEvents(new ReviewWithdrawn(EVENT_REVIEW, OF_EVENT, FIRST, NOW));
    }

    @Test
    void reviewStandsWhileAnotherBookingForTheEventStands() {
        feedStream(
                ledger,
                EVENT.value(),
                scheduled(EVENT),
                booked(FIRST, EVENT),
                booked(SECOND, EVENT),
                released(FIRST, EVENT));

        fixture.given(submitted(OF_EVENT))
                .when(new WithdrawReview(EVENT_REVIEW, FIRST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reviewOfTheVenueStandsWhileABookingForAnotherEventThereStands() {
        feedStream(ledger, EVENT.value(), scheduled(EVENT), booked(FIRST, EVENT), released(FIRST, EVENT));
        feedStream(ledger, OTHER_EVENT.value(), scheduled(OTHER_EVENT), booked(ELSEWHERE, OTHER_EVENT));

        fixture.given(submitted(OF_VENUE))
                .when(new WithdrawReview(VENUE_REVIEW, FIRST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reviewOfTheVenueIsWithdrawnWithTheLastBookingOfAnyEventThere() {
        feedStream(ledger, EVENT.value(), scheduled(EVENT), booked(FIRST, EVENT), released(FIRST, EVENT));
        feedStream(
                ledger,
                OTHER_EVENT.value(),
                scheduled(OTHER_EVENT),
                booked(ELSEWHERE, OTHER_EVENT),
                released(ELSEWHERE, OTHER_EVENT));

        fixture.given(submitted(OF_VENUE))
                .when(new WithdrawReview(VENUE_REVIEW, ELSEWHERE))
                .expectEvents(new ReviewWithdrawn(VENUE_REVIEW, OF_VENUE, ELSEWHERE, NOW));
    }

    @Test
    void reviewIsWithdrawnOnce() {
        feedStream(ledger, EVENT.value(), scheduled(EVENT), booked(FIRST, EVENT), released(FIRST, EVENT));

        fixture.given(submitted(OF_EVENT), new ReviewWithdrawn(EVENT_REVIEW, OF_EVENT, FIRST, NOW))
                .when(new WithdrawReview(EVENT_REVIEW, FIRST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deletedReviewIsNotWithdrawn() {
        feedStream(ledger, EVENT.value(), scheduled(EVENT), booked(FIRST, EVENT), released(FIRST, EVENT));

        fixture.given(submitted(OF_EVENT), new ReviewDeleted(EVENT_REVIEW, OF_EVENT, NOW))
                .when(new WithdrawReview(EVENT_REVIEW, FIRST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawnReviewIsGoneForItsAuthor() {
        fixture.given(submitted(OF_EVENT), new ReviewWithdrawn(EVENT_REVIEW, OF_EVENT, FIRST, NOW))
                .when(new EditReview(EVENT_REVIEW, AUTHOR, 5, "Changed my mind"))
                .expectException(refused(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void withdrawnReviewMayBeWrittenAgainAfterBookingAgain() {
        feedStream(
                ledger,
                EVENT.value(),
                scheduled(EVENT),
                booked(FIRST, EVENT),
                released(FIRST, EVENT),
                booked(SECOND, EVENT));

        fixture.given(submitted(OF_EVENT), new ReviewWithdrawn(EVENT_REVIEW, OF_EVENT, FIRST, NOW))
                .when(new SubmitReview(EVENT_REVIEW, OF_EVENT, AUTHOR, 4, "Went after all"))
                .expectEvents(new ReviewSubmitted(EVENT_REVIEW, OF_EVENT, AUTHOR, 4, "Went after all", NOW));
    }

    @Test
    void bookersCancellationAsksTheReviewsOfTheEventAndTheVenue() {
        feedStream(ledger, EVENT.value(), scheduled(EVENT), booked(FIRST, EVENT), released(FIRST, EVENT));
        existing.add(EVENT_REVIEW);
        existing.add(VENUE_REVIEW);

        withdrawals.on(released(FIRST, EVENT), 2);

        assertThat(sent)
                .containsExactly(new WithdrawReview(EVENT_REVIEW, FIRST), new WithdrawReview(VENUE_REVIEW, FIRST));
    }

    @Test
    void aBookerWhoNeverReviewedIsNoError() {
        feedStream(ledger, EVENT.value(), scheduled(EVENT), booked(FIRST, EVENT), released(FIRST, EVENT));

        withdrawals.on(released(FIRST, EVENT), 2);

        assertThat(sent).hasSize(2);
    }

    @Test
    void releasesOfAnEventsCancellationWithdrawNothing() {
        feedStream(
                ledger,
                EVENT.value(),
                scheduled(EVENT),
                booked(FIRST, EVENT),
                new EventCancelled(EVENT, "Storm", NOW),
                released(FIRST, EVENT));
        existing.add(EVENT_REVIEW);

        withdrawals.on(released(FIRST, EVENT), 3);

        assertThat(sent).isEmpty();
    }

    @Test
    void aBookersCancellationBeforeTheEventsCancellationStillWithdraws() {
        feedStream(
                ledger,
                EVENT.value(),
                scheduled(EVENT),
                booked(FIRST, EVENT),
                booked(SECOND, EVENT),
                released(FIRST, EVENT),
                new EventCancelled(EVENT, "Storm", NOW),
                released(SECOND, EVENT));
        existing.add(EVENT_REVIEW);

        withdrawals.on(released(FIRST, EVENT), 3);
        withdrawals.on(released(SECOND, EVENT), 5);

        assertThat(sent)
                .containsExactly(new WithdrawReview(EVENT_REVIEW, FIRST), new WithdrawReview(VENUE_REVIEW, FIRST));
    }

    /**
     * Records what is sent; a review that {@link #existing} does not hold is not found, as Axon answers for an aggregate
     * without events.
     */
    private CommandGateway recordingGateway() {
        return (CommandGateway) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CommandGateway.class}, (proxy, method, arguments) -> {
                    if (!method.getName().equals("sendAndWait") || arguments.length != 1) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    var command = (WithdrawReview) arguments[0];
                    sent.add(command);
                    if (!existing.contains(command.reviewId())) {
                        throw new AggregateNotFoundException(command.reviewId().value(), "No review");
                    }
                    return null;
                });
    }

    private static ReviewSubmitted submitted(ReviewSubject subject) {
        return new ReviewSubmitted(ReviewId.of(subject, AUTHOR), subject, AUTHOR, 1, "Dreadful", NOW);
    }

    private static EventScheduled scheduled(EventId eventId) {
        return new EventScheduled(
                eventId,
                VENUE,
                "Quartet",
                "Strings",
                NOW.plus(Duration.ofDays(7)),
                Map.of("S", 2_500L),
                SeatLayout.grid(10, 10),
                SingleSeatRule.ALLOW);
    }

    private static SeatsBooked booked(BookingId bookingId, EventId eventId) {
        return new SeatsBooked(eventId, bookingId, AUTHOR, List.of(1, 2), NOW, Map.of("S", 5_000L));
    }

    private static SeatsReleased released(BookingId bookingId, EventId eventId) {
        return new SeatsReleased(eventId, bookingId, AUTHOR, List.of(1, 2), NOW);
    }
}
