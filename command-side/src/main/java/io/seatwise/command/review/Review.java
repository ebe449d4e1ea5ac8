package io.seatwise.command.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.review.DeleteReview;
import io.seatwise.api.review.EditReview;
import io.seatwise.api.review.ReviewDeleted;
import io.seatwise.api.review.ReviewEdited;
import io.seatwise.api.review.ReviewId;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.api.review.ReviewSubmitted;
import io.seatwise.api.review.ReviewWithdrawn;
import io.seatwise.api.review.SubmitReview;
import io.seatwise.api.review.WithdrawReview;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.Texts;
import io.seatwise.command.booking.BookingLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One person's review of one event or venue. Its id is derived from the two, so submitting again finds this
 * aggregate: while it stands that is a conflict, once deleted or withdrawn it is a fresh review. Who may review is
 * decided against the {@link BookingLedger}, which the booking events keep up to date in their own transaction; so is
 * whether a review falls when its author cancels a booking ({@link ReviewWithdrawals}).
 */
@Aggregate
public class Review {

    static final int MIN_RATING = 1;
    static final int MAX_RATING = 5;
    static final int MAX_TEXT_LENGTH = 4_000;

    @AggregateIdentifier
    private ReviewId reviewId;

    private ReviewSubject subject;
    private AccountId authorId;
    private Instant createdAt;
    private boolean deleted;

    protected Review() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubmitReview command, BookingLedger ledger, Clock clock) {
        var text = checked(command.rating(), command.text());
        if (command.subject() == null || command.authorId() == null) {
            throw new DomainException(
                    InvalidValue.of("subject", Rule.REQUIRED), "A review needs a subject and an author");
        }
        if (!command.reviewId().equals(ReviewId.of(command.subject(), command.authorId()))) {
            // one review per person and subject holds only while the id is the one derived from the two
            throw new DomainException(
                    Refusal.Plain.REVIEW_ID_MISMATCH, "The review id does not belong to this subject and author");
        }
        if (reviewId != null && !deleted) {
            throw new DomainException(
                    Refusal.Plain.ALREADY_REVIEWED, "You have already reviewed this " + describe(command.subject()));
        }
        if (!hasBooked(ledger, command.authorId(), command.subject())) {
            throw new DomainException(
                    Refusal.Plain.NOT_A_BOOKER,
                    "Only people who booked "
                            + (command.subject().kind() == ReviewSubject.Kind.EVENT
                                    ? "this event"
                                    : "an event at this venue")
                            + " may review it");
        }
        apply(new ReviewSubmitted(
                command.reviewId(), command.subject(), command.authorId(), command.rating(), text, now(clock)));
    }

    /** Answers with the review as it now stands, so the caller need not wait for the read side. */
    @CommandHandler
    EditedReview handle(EditReview command, Clock clock) {
        requireAuthor(command.editorId());
        var text = checked(command.rating(), command.text());
        var editedAt = now(clock);
        apply(new ReviewEdited(reviewId, subject, command.rating(), text, editedAt));
        return new EditedReview(reviewId, authorId, command.rating(), text, createdAt, editedAt);
    }

    @CommandHandler
    void handle(DeleteReview command, Clock clock) {
        requireAuthor(command.editorId());
        apply(new ReviewDeleted(reviewId, subject, now(clock)));
    }

    /**
     * Withdraws the review once its author holds no booking for its subject any more: asked after each booking they
     * cancelled, it does nothing while another booking stands (or one was made since), and nothing to a review that is
     * gone already, so asking twice withdraws once.
     */
    @CommandHandler
    void handle(WithdrawReview command, BookingLedger ledger, Clock clock) {
        if (deleted || hasBooked(ledger, authorId, subject)) {
            return;
        }
        apply(new ReviewWithdrawn(reviewId, subject, command.cancelledBooking(), now(clock)));
    }

    /** To the millisecond, as the read side keeps it, so that an edit answers the times that later reads show. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean hasBooked(BookingLedger ledger, AccountId authorId, ReviewSubject subject) {
        return switch (subject.kind()) {
            case EVENT -> ledger.holdsBookingFor(authorId, EventId.of(subject.id()));
            case VENUE -> ledger.holdsBookingAt(authorId, VenueId.of(subject.id()));
        };
    }

    private void requireAuthor(AccountId editorId) {
        if (deleted) {
            throw new DomainException(Refusal.Plain.NO_SUCH_REVIEW, "No such review");
        }
        if (!authorId.equals(editorId)) {
            throw new DomainException(Refusal.Plain.NOT_THE_AUTHOR, "Only the author may change this review");
        }
    }

    /** The text as it will be kept, once the rating and the text are both acceptable. */
    private static String checked(int rating, String text) {
        if (rating < MIN_RATING || rating > MAX_RATING) {
            throw new DomainException(
                    InvalidValue.outOfRange("rating", MIN_RATING, MAX_RATING),
                    "rating must be between " + MIN_RATING + " and " + MAX_RATING + ", was " + rating);
        }
        return Texts.required(text, "text", MAX_TEXT_LENGTH);
    }

    private static String describe(ReviewSubject subject) {
        return subject.kind() == ReviewSubject.Kind.EVENT ? "event" : "venue";
    }

    @EventSourcingHandler
    void on(ReviewSubmitted event) {
        reviewId = event.reviewId();
        subject = event.subject();
        authorId = event.authorId();
        createdAt = event.submittedAt();
        deleted = false;
    }

    @EventSourcingHandler
    void on(ReviewDeleted event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(ReviewWithdrawn event) {
        deleted = true;
    }
}
