package io.seatwise.command.review;

import static io.seatwise.api.ErrorCode.CONFLICT;
import static io.seatwise.api.ErrorCode.FORBIDDEN;
import static io.seatwise.api.ErrorCode.INVALID;
import static io.seatwise.api.ErrorCode.NOT_FOUND;
import static io.seatwise.command.Refusal.refused;
import static io.seatwise.command.booking.BookingLedgers.feed;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.review.DeleteReview;
import io.seatwise.api.review.EditReview;
import io.seatwise.api.review.ReviewDeleted;
import io.seatwise.api.review.ReviewEdited;
import io.seatwise.api.review.ReviewId;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.api.review.ReviewSubmitted;
import io.seatwise.api.review.SubmitReview;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.MigratedDatabase;
import io.seatwise.command.booking.BookingLedger;
import io.seatwise.command.booking.BookingLedgers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may review is decided against the booking ledger, here over a real SQLite file migrated by the application's
 * own migrations and fed the booking events as Axon would feed them.
 */
class ReviewTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final VenueId VENUE = VenueId.of("venue-1");
    private static final EventId EVENT = EventId.of("event-1");
    private static final EventId OTHER_EVENT = EventId.of("event-2");
    private static final AccountId AUTHOR = AccountId.of("author");
    private static final AccountId OTHER = AccountId.of("other");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final ReviewSubject OF_EVENT = ReviewSubject.event(EVENT.value());
    private static final ReviewSubject OF_VENUE = ReviewSubject.venue(VENUE.value());
    private static final ReviewId REVIEW = ReviewId.of(OF_EVENT, AUTHOR);

    @TempDir
    Path dataDir;

    private BookingLedger ledger;
    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        ledger = BookingLedgers.over(MigratedDatabase.in(dataDir));
        feed(
                ledger,
                scheduled(EVENT, VENUE),
                scheduled(OTHER_EVENT, VENUE),
                scheduled(EventId.of("elsewhere"), VenueId.of("venue-2")));
        fixture = new AggregateTestFixture<>(Review.class)
                .registerInjectableResource(ledger)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void bookerReviewsTheEvent() {
        givenBooked(AUTHOR, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, "Lovely evening"))
                .expectEvents(submitted(OF_EVENT, 4, "Lovely evening"));
    }

    @Test
    void bookerOfAnyEventThereReviewsTheVenue() {
        givenBooked(AUTHOR, OTHER_EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_VENUE, 5, "Great acoustics"))
                .expectEvents(submitted(OF_VENUE, 5, "Great acoustics"));
    }

    @Test
    void someoneWithoutBookingMayNotReviewTheEvent() {
        givenBooked(OTHER, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, "Heard it was nice"))
                .expectException(refused(FORBIDDEN))
                .expectExceptionMessage("Only people who booked this event may review it")
                .expectNoEvents();
    }

    @Test
    void bookerOfAnotherEventMayNotReviewThisOne() {
        givenBooked(AUTHOR, OTHER_EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, "Nice"))
                .expectException(refused(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void someoneWithoutBookingAtTheVenueMayNotReviewIt() {
        feed(ledger, booked(BOOKING, AUTHOR, EventId.of("elsewhere")));

        fixture.givenNoPriorActivity()
                .when(submit(OF_VENUE, 4, "Nice"))
                .expectException(refused(FORBIDDEN))
                .expectExceptionMessage("Only people who booked an event at this venue may review it")
                .expectNoEvents();
    }

    @Test
    void someoneWhoseOnlyBookingIsCancelledMayNotReviewTheEvent() {
        givenBooked(AUTHOR, EVENT);
        feed(ledger, new SeatsReleased(EVENT, BOOKING, AUTHOR, List.of(1, 2), NOW));

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, "Nice"))
                .expectException(refused(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void someoneWhoseOnlyBookingIsCancelledMayNotReviewTheVenue() {
        givenBooked(AUTHOR, EVENT);
        feed(ledger, new SeatsReleased(EVENT, BOOKING, AUTHOR, List.of(1, 2), NOW));

        fixture.givenNoPriorActivity()
                .when(submit(OF_VENUE, 4, "Nice"))
                .expectException(refused(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void secondReviewOfTheSameSubjectIsConflict() {
        givenBooked(AUTHOR, EVENT);

        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(submit(OF_EVENT, 2, "Changed my mind"))
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("You have already reviewed this event")
                .expectNoEvents();
    }

    @Test
    void deletedReviewMayBeSubmittedAgain() {
        givenBooked(AUTHOR, EVENT);

        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"), deleted())
                .when(submit(OF_EVENT, 2, "Second thoughts"))
                .expectEvents(submitted(OF_EVENT, 2, "Second thoughts"));
    }

    @Test
    void reviewIdMustBeTheOneOfSubjectAndAuthor() {
        givenBooked(AUTHOR, EVENT);
        var elsewhere = ReviewId.of(OF_EVENT, OTHER);

        fixture.givenNoPriorActivity()
                .when(new SubmitReview(elsewhere, OF_EVENT, AUTHOR, 4, "Lovely"))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void ratingOutsideOneToFiveIsRejected(int rating) {
        givenBooked(AUTHOR, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, rating, "Lovely evening"))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void ratingsAtTheEdgesAreAccepted(int rating) {
        givenBooked(AUTHOR, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, rating, "Lovely evening"))
                .expectEvents(submitted(OF_EVENT, rating, "Lovely evening"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankTextIsRejected(String text) {
        givenBooked(AUTHOR, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, text))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void textOfMostAllowedLengthIsAccepted() {
        givenBooked(AUTHOR, EVENT);
        var text = "x".repeat(Review.MAX_TEXT_LENGTH);

        fixture.givenNoPriorActivity().when(submit(OF_EVENT, 4, text)).expectEvents(submitted(OF_EVENT, 4, text));
    }

    @Test
    void tooLongTextIsRejected() {
        givenBooked(AUTHOR, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, "x".repeat(Review.MAX_TEXT_LENGTH + 1)))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void textKeepsItsLineBreaksAndMarkupButNotSurroundingSpace() {
        givenBooked(AUTHOR, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, "  First line\nsecond <script>alert(1)</script>\n "))
                .expectEvents(submitted(OF_EVENT, 4, "First line\nsecond <script>alert(1)</script>"));
    }

    @Test
    void textWithControlCharactersIsRejected() {
        givenBooked(AUTHOR, EVENT);

        fixture.givenNoPriorActivity()
                .when(submit(OF_EVENT, 4, "Nice\u0000evening"))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void authorEditsTheReview() {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new EditReview(REVIEW, AUTHOR, 3, " Good, not great "))
                .expectEvents(new ReviewEdited(REVIEW, OF_EVENT, 3, "Good, not great", NOW))
                .expectResultMessagePayload(new EditedReview(REVIEW, AUTHOR, 3, "Good, not great", NOW, NOW));
    }

    @Test
    void authorMayEditAfterTheBookingIsCancelled() {
        givenBooked(AUTHOR, EVENT);
        feed(ledger, new SeatsReleased(EVENT, BOOKING, AUTHOR, List.of(1, 2), NOW));

        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new EditReview(REVIEW, AUTHOR, 3, "Good"))
                .expectEvents(new ReviewEdited(REVIEW, OF_EVENT, 3, "Good", NOW));
    }

    @Test
    void someoneElseMayNotEditTheReview() {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new EditReview(REVIEW, OTHER, 1, "Terrible"))
                .expectException(refused(FORBIDDEN))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void editWithBadRatingIsRejected(int rating) {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new EditReview(REVIEW, AUTHOR, rating, "Lovely evening"))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void editWithBlankTextIsRejected(String text) {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new EditReview(REVIEW, AUTHOR, 4, text))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void editWithTooLongTextIsRejected() {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new EditReview(REVIEW, AUTHOR, 4, "x".repeat(Review.MAX_TEXT_LENGTH + 1)))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void deletedReviewCannotBeEdited() {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"), deleted())
                .when(new EditReview(REVIEW, AUTHOR, 3, "Good"))
                .expectException(refused(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void editingUnknownReviewFails() {
        fixture.givenNoPriorActivity()
                .when(new EditReview(REVIEW, AUTHOR, 3, "Good"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void authorDeletesTheReview() {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new DeleteReview(REVIEW, AUTHOR))
                .expectEvents(deleted());
    }

    @Test
    void someoneElseMayNotDeleteTheReview() {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"))
                .when(new DeleteReview(REVIEW, OTHER))
                .expectException(refused(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void deletingTwiceIsNotFound() {
        fixture.given(submitted(OF_EVENT, 4, "Lovely evening"), deleted())
                .when(new DeleteReview(REVIEW, AUTHOR))
                .expectException(refused(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void deletingUnknownReviewFails() {
        fixture.givenNoPriorActivity()
                .when(new DeleteReview(REVIEW, AUTHOR))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private void givenBooked(AccountId accountId, EventId eventId) {
        feed(ledger, booked(BOOKING, accountId, eventId));
    }

    private static SubmitReview submit(ReviewSubject subject, int rating, String text) {
        return new SubmitReview(ReviewId.of(subject, AUTHOR), subject, AUTHOR, rating, text);
    }

    private static ReviewSubmitted submitted(ReviewSubject subject, int rating, String text) {
        return new ReviewSubmitted(ReviewId.of(subject, AUTHOR), subject, AUTHOR, rating, text, NOW);
    }

    private static ReviewDeleted deleted() {
        return new ReviewDeleted(REVIEW, OF_EVENT, NOW);
    }

    private static EventScheduled scheduled(EventId eventId, VenueId venueId) {
        return new EventScheduled(
                eventId,
                venueId,
                "Quartet",
                "Strings",
                NOW.plus(Duration.ofDays(7)),
                Map.of("S", 2_500L),
                SeatLayout.grid(10, 10),
                SingleSeatRule.ALLOW);
    }

    private static SeatsBooked booked(BookingId bookingId, AccountId accountId, EventId eventId) {
        return new SeatsBooked(eventId, bookingId, accountId, List.of(1, 2), NOW, Map.of("S", 5_000L));
    }
}
