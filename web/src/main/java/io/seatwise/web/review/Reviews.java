package io.seatwise.web.review;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.FindEvent;
import io.seatwise.api.review.DeleteReview;
import io.seatwise.api.review.EditReview;
import io.seatwise.api.review.FindReview;
import io.seatwise.api.review.FindReviews;
import io.seatwise.api.review.ReviewId;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.api.review.ReviewView;
import io.seatwise.api.review.ReviewsView;
import io.seatwise.api.review.SubmitReview;
import io.seatwise.api.venue.FindVenue;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.booking.BookingLedger;
import io.seatwise.command.review.EditedReview;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Reviews as the pages and the API see them: commands to the review aggregates, reads from the reviews projection. */
@Service
public class Reviews {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final BookingLedger ledger;
    private final AccountDirectory accounts;

    Reviews(CommandGateway commands, QueryGateway queries, BookingLedger ledger, AccountDirectory accounts) {
        this.commands = commands;
        this.queries = queries;
        this.ledger = ledger;
        this.accounts = accounts;
    }

    ReviewId submit(ReviewSubject subject, AccountId author, int rating, String text) {
        var reviewId = ReviewId.of(subject, author);
        try {
            commands.sendAndWait(new SubmitReview(reviewId, subject, author, rating, text));
        } catch (DomainException refused) {
            if (refused.refusal() == Refusal.Plain.NOT_A_BOOKER && !exists(subject)) {
                throw noSuch(subject);
            }
            throw refused;
        }
        return reviewId;
    }

    /** The id of an event or venue is no review either: Axon finds events under it, but not a review's. */
    EditedReview edit(String reviewId, AccountId editor, int rating, String text) {
        try {
            return commands.sendAndWait(new EditReview(ReviewId.of(reviewId), editor, rating, text));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new DomainException(Refusal.Plain.NO_SUCH_REVIEW, "No such review");
        }
    }

    void delete(String reviewId, AccountId editor) {
        try {
            commands.sendAndWait(new DeleteReview(ReviewId.of(reviewId), editor));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new DomainException(Refusal.Plain.NO_SUCH_REVIEW, "No such review");
        }
    }

    /**
     * One page of the reviews of an event or venue that exists (a 404 for one that does not), newest first: {@code
     * page} from 0, {@code size} 1 to {@link FindReviews#MAX_SIZE}.
     */
    public ReviewsView of(ReviewSubject subject, int page, int size) {
        if (page < 0 || size < 1 || size > FindReviews.MAX_SIZE) {
            throw new DomainException(
                    page < 0
                            ? InvalidValue.of("page", Rule.NEGATIVE)
                            : InvalidValue.outOfRange("size", 1, FindReviews.MAX_SIZE),
                    "page must be 0 or more and size between 1 and " + FindReviews.MAX_SIZE);
        }
        requireKnown(subject);
        if ((long) page * size > Integer.MAX_VALUE) {
            // far past the last review; the database cannot even be asked for an offset this large
            var counted = queries.query(new FindReviews(subject, 0, 1), ResponseTypes.instanceOf(ReviewsView.class))
                    .join();
            return new ReviewsView(subject, List.of(), counted.averageRating(), counted.total());
        }
        return queries.query(new FindReviews(subject, page, size), ResponseTypes.instanceOf(ReviewsView.class))
                .join();
    }

    /**
     * What the event and venue pages show of reviews, a page of {@link ReviewSection#PAGE_SIZE} at a time (a page past
     * the last shows the last), and what they offer the person looking.
     */
    public ReviewSection section(ReviewSubject subject, Optional<AccountId> viewer, int page) {
        var wanted = Math.max(0, page);
        var reviews = of(subject, Math.min(wanted, ReviewSection.MAX_PAGE), ReviewSection.PAGE_SIZE);
        int pages = Math.max(1, (reviews.total() + ReviewSection.PAGE_SIZE - 1) / ReviewSection.PAGE_SIZE);
        if (wanted >= pages && wanted > 0) {
            wanted = pages - 1;
            reviews = of(subject, wanted, ReviewSection.PAGE_SIZE);
        }
        var mine = viewer.flatMap(accountId -> queries.query(
                                new FindReview(ReviewId.of(subject, accountId)),
                                ResponseTypes.optionalInstanceOf(ReviewView.class))
                        .join())
                .orElse(null);
        boolean mayWrite = mine == null
                && viewer.map(accountId -> hasBooked(accountId, subject)).orElse(false);
        return new ReviewSection(reviews, pathOf(subject), mine, mayWrite, Math.min(wanted, pages - 1), pages);
    }

    String authorName(AccountId accountId) {
        return accounts.displayNameOf(accountId).orElse("");
    }

    static String pathOf(ReviewSubject subject) {
        return (subject.kind() == ReviewSubject.Kind.EVENT ? "/events/" : "/venues/") + subject.id() + "/reviews";
    }

    private boolean hasBooked(AccountId accountId, ReviewSubject subject) {
        return switch (subject.kind()) {
            case EVENT -> ledger.holdsBookingFor(accountId, EventId.of(subject.id()));
            case VENUE -> ledger.holdsBookingAt(accountId, VenueId.of(subject.id()));
        };
    }

    /**
     * Asked once a review was refused, since nobody booked what does not exist: from the ledger, which is never behind
     * the events, and for a venue where nothing was ever scheduled from the catalog.
     */
    private boolean exists(ReviewSubject subject) {
        return switch (subject.kind()) {
            case EVENT -> ledger.knowsEvent(EventId.of(subject.id()));
            case VENUE -> ledger.knowsEventsAt(VenueId.of(subject.id())) || inCatalog(subject);
        };
    }

    private void requireKnown(ReviewSubject subject) {
        if (!inCatalog(subject)) {
            throw noSuch(subject);
        }
    }

    private boolean inCatalog(ReviewSubject subject) {
        return switch (subject.kind()) {
            case EVENT ->
                queries.query(
                                new FindEvent(EventId.of(subject.id())),
                                ResponseTypes.optionalInstanceOf(EventView.class))
                        .join()
                        .isPresent();
            case VENUE ->
                queries.query(
                                new FindVenue(VenueId.of(subject.id())),
                                ResponseTypes.optionalInstanceOf(VenueView.class))
                        .join()
                        .isPresent();
        };
    }

    private static DomainException noSuch(ReviewSubject subject) {
        return subject.kind() == ReviewSubject.Kind.EVENT
                ? new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event")
                : new DomainException(Refusal.Plain.NO_SUCH_VENUE, "No such venue");
    }
}
