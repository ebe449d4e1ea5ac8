package io.seatwise.web.review;

import static io.seatwise.web.ProblemAssertions.assertNotFound;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static io.seatwise.web.ProblemAssertions.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.command.review.ReviewWithdrawals;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.StoredState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reviews of events and venues over the JSON API: only bookers write them, only authors change them, and they fall
 * with their author's last booking; lists come a page at a time.
 */
class ReviewApiTest extends ApplicationTest {

    /** How long a withdrawal may take: it goes from the cancellation through a processor to the review and back. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    private String admin;
    private String venue;
    private String event;
    private String ann;
    private String annsBooking;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @BeforeEach
    void annBookedAnEvent() {
        admin = adminToken();
        venue = api.createVenue(admin, "Review hall", 2, 5);
        event = api.scheduleEvent(admin, venue, "Review night", inDays(7));
        ann = api.newUserToken("Ann");
        annsBooking = book(ann, event, 1);
    }

    @Test
    void bookerReviewsTheEventAndEveryoneCanReadIt() {
        var created = review("/api/events/" + event, ann, 4, "Lovely evening");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asText();
        eventually(() -> reviewsOf("/api/events/" + event).size() == 1);
        var listed = reviewsOf("/api/events/" + event).get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("authorName").asText()).isEqualTo("Ann");
        assertThat(listed.get("rating").asInt()).isEqualTo(4);
        assertThat(listed.get("text").asText()).isEqualTo("Lovely evening");
        assertThat(Instant.parse(listed.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(listed.get("updatedAt").asText())
                .isEqualTo(listed.get("createdAt").asText());
        assertThat(listed.has("authorId"))
                .as("the author's account id stays private")
                .isFalse();
    }

    @Test
    void bookerReviewsTheVenue() {
        var created = review("/api/venues/" + venue, ann, 5, "Great acoustics");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        eventually(() -> reviewsOf("/api/venues/" + venue).size() == 1);
        assertThat(reviewsOf("/api/events/" + event)).isEmpty();
    }

    @Test
    void someoneWithoutBookingMayNotReview() {
        var bob = api.newUserToken("Bob");
        var before = StoredState.of(jdbc);

        assertProblem(review("/api/events/" + event, bob, 4, "Heard it was nice"), 403, "booked");
        assertProblem(review("/api/venues/" + venue, bob, 4, "Heard it was nice"), 403, "booked");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void bookerOfAnEventElsewhereMayNotReviewThisVenue() {
        var elsewhere = api.scheduleEvent(admin, api.createVenue(admin, "Other hall", 2, 2), "Elsewhere", inDays(3));
        var bob = api.newUserToken("Bob");
        book(bob, elsewhere, 1);

        assertProblem(review("/api/venues/" + venue, bob, 4, "Nice"), 403);
        assertProblem(review("/api/events/" + event, bob, 4, "Nice"), 403);
    }

    @Test
    void someoneWhoseOnlyBookingIsCancelledMayNotReview() {
        var bob = api.newUserToken("Bob");
        var booking = book(bob, event, 2);
        assertThat(api.delete("/api/bookings/" + booking, bob).status()).isEqualTo(204);

        assertProblem(review("/api/events/" + event, bob, 4, "Nice"), 403);
        assertProblem(review("/api/venues/" + venue, bob, 4, "Nice"), 403);
    }

    @Test
    void secondReviewOfTheSameSubjectIsConflict() {
        review("/api/events/" + event, ann, 4, "Lovely evening");
        var before = StoredState.of(jdbc);

        assertProblem(review("/api/events/" + event, ann, 1, "Again"), 409, "already reviewed");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void authorEditsTheReview() {
        var id = idOf(review("/api/events/" + event, ann, 4, "Lovely evening"));

        var edited = api.put("/api/reviews/" + id, Map.of("rating", 3, "text", " Good, not great "), ann);

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("id").asText()).isEqualTo(id);
        assertThat(edited.json().get("authorName").asText()).isEqualTo("Ann");
        assertThat(edited.json().get("rating").asInt()).isEqualTo(3);
        assertThat(edited.json().get("text").asText()).isEqualTo("Good, not great");
        assertThat(Instant.parse(edited.json().get("updatedAt").asText()))
                .isAfter(Instant.parse(edited.json().get("createdAt").asText()));
        eventually(() -> reviewsOf("/api/events/" + event).stream()
                .anyMatch(review -> review.get("text").asText().equals("Good, not great")));
        var listed = reviewsOf("/api/events/" + event).get(0);
        assertThat(listed.get("rating").asInt()).isEqualTo(3);
        assertThat(listed.get("updatedAt").asText())
                .isEqualTo(edited.json().get("updatedAt").asText());
    }

    @Test
    void someoneElseMayNotEditOrDeleteTheReview() {
        var id = idOf(review("/api/events/" + event, ann, 4, "Lovely evening"));
        var bob = api.newUserToken("Bob");
        book(bob, event, 2);
        var before = StoredState.of(jdbc);

        assertProblem(api.put("/api/reviews/" + id, Map.of("rating", 1, "text", "Awful"), bob), 403, "author");
        assertProblem(api.delete("/api/reviews/" + id, bob), 403, "author");
        assertProblem(api.delete("/api/reviews/" + id, admin), 403, "author");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void authorDeletesTheReviewAndMayWriteAnother() {
        var id = idOf(review("/api/events/" + event, ann, 4, "Lovely evening"));
        eventually(() -> reviewsOf("/api/events/" + event).size() == 1);

        assertThat(api.delete("/api/reviews/" + id, ann).status()).isEqualTo(204);

        eventually(() -> reviewsOf("/api/events/" + event).isEmpty());
        assertNotFound(api.delete("/api/reviews/" + id, ann));
        assertNotFound(api.put("/api/reviews/" + id, Map.of("rating", 2, "text", "Gone"), ann));
        var again = review("/api/events/" + event, ann, 2, "Second thoughts");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(idOf(again)).isEqualTo(id);
        eventually(() -> reviewsOf("/api/events/" + event).size() == 1
                && reviewsOf("/api/events/" + event).get(0).get("text").asText().equals("Second thoughts"));
    }

    @Test
    void unknownReviewIsNotFound() {
        var unknown = UUID.randomUUID();

        assertNotFound(api.put("/api/reviews/" + unknown, Map.of("rating", 2, "text", "Hm"), ann));
        assertNotFound(api.delete("/api/reviews/" + unknown, ann));
        assertNotFound(api.delete("/api/reviews/not%20an%20id", ann));
    }

    @Test
    void idOfAnEventOrVenueIsNoReview() {
        var before = StoredState.of(jdbc);

        assertNotFound(api.put("/api/reviews/" + event, Map.of("rating", 2, "text", "Hm"), ann));
        assertNotFound(api.delete("/api/reviews/" + venue, ann));
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void reviewsOfUnknownSubjectsAreNotFound() {
        assertNotFound(api.get("/api/events/" + UUID.randomUUID() + "/reviews"));
        assertNotFound(api.get("/api/venues/" + UUID.randomUUID() + "/reviews"));
        assertNotFound(review("/api/events/" + UUID.randomUUID(), ann, 4, "Nice"));
        assertNotFound(review("/api/venues/" + UUID.randomUUID(), ann, 4, "Nice"));
    }

    @Test
    void anonymousMayReadButNotWrite() {
        var id = idOf(review("/api/events/" + event, ann, 4, "Lovely evening"));

        eventually(() -> reviewsOf("/api/events/" + event).size() == 1);
        assertThat(api.get("/api/events/" + event + "/reviews").status()).isEqualTo(200);
        eventually(() -> api.get("/api/venues/" + venue + "/reviews").status() == 200);
        assertUnauthorized(review("/api/events/" + event, null, 4, "Nice"));
        assertUnauthorized(review("/api/venues/" + venue, null, 4, "Nice"));
        assertUnauthorized(api.put("/api/reviews/" + id, Map.of("rating", 1, "text", "Hm"), null));
        assertUnauthorized(api.delete("/api/reviews/" + id, null));
    }

    @Test
    void reviewsAreNewestFirst() {
        var bob = api.newUserToken("Bob");
        book(bob, event, 2);
        review("/api/events/" + event, ann, 5, "First");
        review("/api/events/" + event, bob, 2, "Second");

        eventually(() -> reviewsOf("/api/events/" + event).size() == 2);
        assertThat(reviewsOf("/api/events/" + event).stream()
                        .map(review -> review.get("text").asText())
                        .toList())
                .containsExactly("Second", "First");
    }

    @Test
    void markupIsKeptVerbatimInJsonAndEscapedOnThePages() {
        var text = "<script>alert('boo')</script> & <b>bold</b>\nsecond line";
        review("/api/events/" + event, ann, 4, text);
        review("/api/venues/" + venue, ann, 4, text);

        eventually(() -> reviewsOf("/api/events/" + event).size() == 1
                && reviewsOf("/api/venues/" + venue).size() == 1);
        assertThat(reviewsOf("/api/events/" + event).get(0).get("text").asText())
                .isEqualTo(text);
        for (var page : List.of("/events/" + event, "/venues/" + venue)) {
            eventually(() -> api.get(page).status() == 200);
            var html = api.get(page).body();
            assertThat(html)
                    .as(page)
                    .contains("&lt;script&gt;alert(&#39;boo&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                    .doesNotContain("<script>alert(")
                    .doesNotContain("<b>bold</b>");
        }
    }

    @Test
    void pagesShowTheAverageRatingAndCount() {
        var bob = api.newUserToken("Bob");
        book(bob, event, 2);
        review("/api/events/" + event, ann, 5, "Superb");
        review("/api/events/" + event, bob, 2, "Too loud");

        eventually(() -> api.get("/events/" + event).body().contains("3.5 out of 5 from 2 reviews"));
        assertThat(api.get("/events/" + event).body())
                .contains("aria-label=\"Rated 5 out of 5\"")
                .contains("aria-label=\"Rated 2 out of 5\"");
    }

    @Test
    void authorsCancellationOfTheirLastBookingWithdrawsTheirReviewsOfTheEventAndTheVenue() {
        var bob = api.newUserToken("Bob");
        book(bob, event, 2);
        var withdrawn = idOf(review("/api/events/" + event, ann, 1, "Dreadful"));
        idOf(review("/api/venues/" + venue, ann, 1, "Awful hall"));
        idOf(review("/api/events/" + event, bob, 5, "Wonderful"));
        eventually(() -> reviewsOf("/api/events/" + event).size() == 2
                && reviewsOf("/api/venues/" + venue).size() == 1);

        assertThat(api.delete("/api/bookings/" + annsBooking, ann).status()).isEqualTo(204);

        eventually(
                PATIENCE,
                () -> reviewsOf("/api/events/" + event).size() == 1
                        && reviewsOf("/api/venues/" + venue).isEmpty());
        assertThat(reviewsOf("/api/events/" + event).get(0).path("authorName").asText())
                .isEqualTo("Bob");
        eventually(() -> api.get("/events/" + event).body().contains("5.0 out of 5 from 1 review"));
        assertProblem(api.put("/api/reviews/" + withdrawn, Map.of("rating", 5, "text", "Back"), ann), 404, "review");

        book(ann, event, 3);
        assertThat(review("/api/events/" + event, ann, 4, "Went after all").status())
                .as("a withdrawn review may be written again by a booker")
                .isEqualTo(201);
    }

    @Test
    void reviewStandsWhileItsAuthorHoldsAnotherBooking() {
        var second = book(ann, event, 2);
        idOf(review("/api/events/" + event, ann, 4, "Good"));
        idOf(review("/api/venues/" + venue, ann, 4, "Good hall"));
        eventually(() -> reviewsOf("/api/events/" + event).size() == 1
                && reviewsOf("/api/venues/" + venue).size() == 1);

        assertThat(api.delete("/api/bookings/" + annsBooking, ann).status()).isEqualTo(204);
        reviewWithdrawalsHaveHandledEverythingStored();

        assertThat(reviewsOf("/api/events/" + event)).hasSize(1);
        assertThat(reviewsOf("/api/venues/" + venue)).hasSize(1);
        assertThat(api.delete("/api/bookings/" + second, ann).status()).isEqualTo(204);
        eventually(
                PATIENCE,
                () -> reviewsOf("/api/events/" + event).isEmpty()
                        && reviewsOf("/api/venues/" + venue).isEmpty());
    }

    @Test
    void eventCancelledByAnAdminKeepsItsReviews() {
        idOf(review("/api/events/" + event, ann, 5, "Lovely while it lasted"));
        idOf(review("/api/venues/" + venue, ann, 5, "Lovely hall"));
        eventually(() -> reviewsOf("/api/events/" + event).size() == 1
                && reviewsOf("/api/venues/" + venue).size() == 1);

        var cancelled = api.post("/api/events/" + event + "/cancel", Map.of("reason", "Storm"), admin);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        reviewWithdrawalsHaveHandledEverythingStored();

        assertThat(reviewsOf("/api/events/" + event)).hasSize(1);
        assertThat(reviewsOf("/api/venues/" + venue)).hasSize(1);
    }

    @Test
    void reviewListsArePagedNewestFirstWithTheirNumberInAHeader() {
        var bob = api.newUserToken("Bob");
        var cara = api.newUserToken("Cara");
        book(bob, event, 2);
        book(cara, event, 3);
        idOf(review("/api/events/" + event, ann, 5, "First"));
        idOf(review("/api/events/" + event, bob, 4, "Second"));
        idOf(review("/api/events/" + event, cara, 3, "Third"));
        eventually(() -> reviewsOf("/api/events/" + event).size() == 3);

        var first = api.get("/api/events/" + event + "/reviews?size=2");
        assertThat(texts(first)).containsExactly("Third", "Second");
        assertThat(first.raw().headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(texts(api.get("/api/events/" + event + "/reviews?page=1&size=2")))
                .containsExactly("First");
        var past = api.get("/api/events/" + event + "/reviews?page=7&size=2");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().isArray()).isTrue();
        assertThat(past.json()).isEmpty();
        assertThat(past.raw().headers().firstValue("X-Total-Count")).hasValue("3");
        var whole = api.get("/api/events/" + event + "/reviews");
        assertThat(whole.json().isArray()).as("a plain array, as SPEC §3 says").isTrue();
        assertThat(texts(whole)).containsExactly("Third", "Second", "First");
        assertThat(api.get("/api/venues/" + venue + "/reviews?page=0&size=100").status())
                .isEqualTo(200);
    }

    @Test
    void pagesShowTenReviewsAtATimeWithTheAverageOfAll() {
        var other = api.scheduleEvent(admin, venue, "Review night, again", inDays(8));
        idOf(review("/api/venues/" + venue, ann, 5, "Review 0"));
        for (int i = 1; i <= 11; i++) {
            var booker = api.newUserToken("Booker " + i);
            book(booker, i <= 10 ? other : event, i <= 10 ? i : 2);
            idOf(review("/api/venues/" + venue, booker, i == 11 ? 2 : 5, "Review " + i));
        }
        eventually(PATIENCE, () -> reviewsOf("/api/venues/" + venue).size() == 12);

        var first = api.get("/venues/" + venue).body();
        assertThat(first)
                .contains("4.8 out of 5 from 12 reviews")
                .contains("Review 11")
                .contains("Review 2<")
                .doesNotContain("Review 1<")
                .doesNotContain("Review 0<")
                .contains("Page 1 of 2")
                .contains("href=\"/venues/" + venue + "?reviewPage=1#reviews\"")
                .doesNotContain("data-action=\"newer-reviews\"");
        var second = api.get("/venues/" + venue + "?reviewPage=1").body();
        assertThat(second)
                .contains("4.8 out of 5 from 12 reviews")
                .contains("Review 1<")
                .contains("Review 0<")
                .doesNotContain("Review 11<")
                .contains("Page 2 of 2")
                .contains("data-action=\"newer-reviews\"");
        assertThat(api.get("/venues/" + venue + "?reviewPage=99").body())
                .as("a page past the last shows the last")
                .contains("Page 2 of 2");
        assertThat(api.get("/venues/" + venue + "?reviewPage=1&lang=de").body())
                .contains("Seite 2 von 2")
                .contains("Neuere Bewertungen");
    }

    private static List<String> texts(io.seatwise.web.ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var texts = new ArrayList<String>();
        response.json().forEach(review -> texts.add(review.path("text").asText()));
        return texts;
    }

    /**
     * Waits until the processor that withdraws reviews has handled every event stored so far, and then the reviews'
     * read model every event stored by then, a withdrawal included: what the lists show afterwards is final.
     */
    private void reviewWithdrawalsHaveHandledEverythingStored() {
        handledEverythingStored(ReviewWithdrawals.GROUP);
        handledEverythingStored("reviews");
    }

    private void handledEverythingStored(String group) {
        long head = eventStore.createHeadToken().position().orElse(0);
        var processor =
                processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        eventually(PATIENCE, () -> {
            var segments = processor.processingStatus().values();
            return !segments.isEmpty()
                    && segments.stream()
                            .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
        });
    }

    private io.seatwise.web.ApiClient.Response review(String subjectPath, String token, int rating, String text) {
        return api.post(subjectPath + "/reviews", Map.of("rating", rating, "text", text), token);
    }

    private static String idOf(io.seatwise.web.ApiClient.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** The reviews as the read side shows them; none while it does not know the event or venue yet. */
    private List<JsonNode> reviewsOf(String subjectPath) {
        var response = api.get(subjectPath + "/reviews");
        var reviews = new ArrayList<JsonNode>();
        if (response.status() == 404) {
            return reviews;
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        response.json().forEach(reviews::add);
        return reviews;
    }

    private String book(String token, String eventId, int seat) {
        var response = api.book(token, eventId, List.of(seat));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("bookingId").asText();
    }
}
