package io.seatwise.web.review;

import io.seatwise.api.review.FindReviews;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.api.review.ReviewView;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Reviews")
class ReviewApiController {

    /** The header that tells how many reviews the subject has in all. */
    static final String TOTAL = "X-Total-Count";

    /** As many as a page may hold, so that clients written before lists were paged still get every review they did. */
    static final String DEFAULT_SIZE = "" + FindReviews.MAX_SIZE;

    private static final String PAGE_DESCRIPTION = "One page of the reviews, as an array (an empty one past the last "
            + "page); the first page, of up to " + FindReviews.MAX_SIZE + ", when no page is asked for";
    private static final String SIZE_DESCRIPTION = "Reviews per page, 1 to " + FindReviews.MAX_SIZE;
    private static final String TOTAL_DESCRIPTION = "How many reviews the event or venue has, on all pages";

    private final Reviews reviews;

    ReviewApiController(Reviews reviews) {
        this.reviews = reviews;
    }

    /** A rating and a text; the review itself checks them again, the text after trimming. */
    record ReviewRequest(
            @NotNull @Min(1) @Max(5) Integer rating,
            @NotBlank @Size(max = 4000) String text) {}

    record ReviewCreated(String id) {}

    /** A published review; the author is named, never identified. */
    record ReviewResponse(String id, String authorName, int rating, String text, Instant createdAt, Instant updatedAt) {

        static ReviewResponse of(ReviewView review) {
            return new ReviewResponse(
                    review.id().value(),
                    review.authorName(),
                    review.rating(),
                    review.text(),
                    review.createdAt(),
                    review.updatedAt());
        }
    }

    @PostMapping("/events/{id}/reviews")
    @Operation(operationId = "reviewEvent", summary = "Review an event you booked")
    @ApiResponse(responseCode = "201", description = "Published", useReturnTypeSchema = true)
    @ApiRefusal(status = 403, when = "You have not booked this event.", examples = "not-a-booker")
    @ApiRefusal(
            status = 403,
            when = "Your address is not verified yet (reason email-not-verified).",
            examples = "email-not-verified")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    @ApiRefusal(status = 409, when = "You have already reviewed it.", examples = "already-reviewed")
    ResponseEntity<ReviewCreated> reviewEvent(
            @PathVariable String id, @Valid @RequestBody ReviewRequest request, Authentication authentication) {
        return submit(ReviewSubject.event(id), request, authentication);
    }

    @PostMapping("/venues/{id}/reviews")
    @Operation(operationId = "reviewVenue", summary = "Review a venue where you booked an event")
    @ApiResponse(responseCode = "201", description = "Published", useReturnTypeSchema = true)
    @ApiRefusal(status = 403, when = "You have not booked an event at this venue.")
    @ApiRefusal(status = 403, when = "Your address is not verified yet (reason email-not-verified).")
    @ApiRefusal(status = 404, when = "No such venue.", examples = "venue-not-found")
    @ApiRefusal(status = 409, when = "You have already reviewed it.")
    ResponseEntity<ReviewCreated> reviewVenue(
            @PathVariable String id, @Valid @RequestBody ReviewRequest request, Authentication authentication) {
        return submit(ReviewSubject.venue(id), request, authentication);
    }

    @GetMapping("/events/{id}/reviews")
    @Operation(operationId = "listEventReviews", summary = "An event's reviews, newest first, a page at a time")
    @ApiResponse(
            responseCode = "200",
            description = PAGE_DESCRIPTION,
            useReturnTypeSchema = true,
            headers = @Header(name = TOTAL, description = TOTAL_DESCRIPTION, schema = @Schema(type = "integer")))
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    ResponseEntity<List<ReviewResponse>> eventReviews(
            @PathVariable String id,
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = SIZE_DESCRIPTION) @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        return list(ReviewSubject.event(id), page, size);
    }

    @GetMapping("/venues/{id}/reviews")
    @Operation(operationId = "listVenueReviews", summary = "A venue's reviews, newest first, a page at a time")
    @ApiResponse(
            responseCode = "200",
            description = PAGE_DESCRIPTION,
            useReturnTypeSchema = true,
            headers = @Header(name = TOTAL, description = TOTAL_DESCRIPTION, schema = @Schema(type = "integer")))
    @ApiRefusal(status = 404, when = "No such venue.", examples = "venue-not-found")
    ResponseEntity<List<ReviewResponse>> venueReviews(
            @PathVariable String id,
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = SIZE_DESCRIPTION) @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        return list(ReviewSubject.venue(id), page, size);
    }

    @PutMapping("/reviews/{id}")
    @Operation(operationId = "editReview", summary = "Change your review's rating and text")
    @ApiRefusal(status = 403, when = "Someone else wrote the review.", examples = "not-the-author")
    @ApiRefusal(status = 403, when = "Your address is not verified yet (reason email-not-verified).")
    @ApiRefusal(status = 404, when = "No such review.", examples = "review-not-found")
    ReviewResponse edit(
            @PathVariable String id, @Valid @RequestBody ReviewRequest request, Authentication authentication) {
        var edited = reviews.edit(id, CurrentAccount.of(authentication), request.rating(), request.text());
        return new ReviewResponse(
                edited.reviewId().value(),
                reviews.authorName(edited.authorId()),
                edited.rating(),
                edited.text(),
                edited.createdAt(),
                edited.updatedAt());
    }

    @DeleteMapping("/reviews/{id}")
    @Operation(operationId = "deleteReview", summary = "Delete your review")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiRefusal(status = 403, when = "Someone else wrote the review.", examples = "not-the-author")
    @ApiRefusal(status = 404, when = "No such review.", examples = "review-not-found")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication authentication) {
        reviews.delete(id, CurrentAccount.of(authentication));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ReviewCreated> submit(
            ReviewSubject subject, ReviewRequest request, Authentication authentication) {
        var reviewId = reviews.submit(subject, CurrentAccount.of(authentication), request.rating(), request.text());
        return ResponseEntity.created(URI.create("/api" + Reviews.pathOf(subject)))
                .body(new ReviewCreated(reviewId.value()));
    }

    /** One page as a plain array (SPEC §3), with the number of all the subject's reviews in a header. */
    private ResponseEntity<List<ReviewResponse>> list(ReviewSubject subject, int page, int size) {
        var found = reviews.of(subject, page, size);
        return ResponseEntity.ok()
                .header(TOTAL, String.valueOf(found.total()))
                .body(found.reviews().stream().map(ReviewResponse::of).toList());
    }
}
