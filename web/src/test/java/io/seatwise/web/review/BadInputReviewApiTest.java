package io.seatwise.web.review;

import static io.seatwise.web.JsonBodies.with;
import static io.seatwise.web.JsonBodies.without;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.JsonBodies;
import io.seatwise.web.StoredState;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writing and editing reviews with everything but a rating of 1 to 5 and a text of 1 to 4,000 characters. The
 * writer holds a booking and has not reviewed the event or its venue yet, so only the body can be the reason for a
 * refusal; the author's own review of the event stays as it was.
 */
class BadInputReviewApiTest extends ApplicationTest {

    private static final String VALID = "{\"rating\": 4, \"text\": \"Lovely evening\"}";

    private static String event;
    private static String venue;
    private static String writer;
    private static String author;
    private static String reviewId;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void bookersAndOneReview() {
        if (event == null) {
            var admin = adminToken();
            venue = api.createVenue(admin, "Critics' hall", 3, 3);
            event = api.scheduleEvent(admin, venue, "Opening night", inDays(10));
            writer = api.newUserToken("Wren");
            author = api.newUserToken("Aude");
            assertThat(api.book(writer, event, List.of(1)).status()).isEqualTo(201);
            assertThat(api.book(author, event, List.of(2)).status()).isEqualTo(201);
            var created =
                    api.post("/api/events/" + event + "/reviews", Map.of("rating", 5, "text", "As it was"), author);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            reviewId = created.json().get("id").asText();
            eventually(() -> api.get("/api/events/" + event + "/reviews").json().size() == 1);
        }
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                arguments("rating", "0"),
                arguments("rating", "6"),
                arguments("rating", "-1"),
                arguments("rating", "\"5\""),
                arguments("rating", "null"),
                arguments("rating", "4.5"),
                arguments("rating", "4.0"),
                arguments("rating", "true"),
                arguments("rating", "[4]"),
                arguments("rating", "99999999999"),
                arguments("text", "\"\""),
                arguments("text", "\"   \""),
                arguments("text", "\"\\n\\t\""),
                arguments("text", JsonBodies.text("x".repeat(4_001))),
                arguments("text", "null"),
                arguments("text", "42"),
                arguments("text", "[\"Lovely\"]"));
    }

    static Stream<Arguments> malformedBodies() {
        return JsonBodies.malformed(VALID);
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(arguments("rating"), arguments("text"));
    }

    @Test
    void theValidBodyIsAcceptedOnTheVenue() {
        var response = api.postRaw("/api/venues/" + venue + "/reviews", VALID, author);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void badFieldIsRefusedByNameWhenWriting(String field, String value) {
        var body = with(VALID, field, value);

        assertRefusedWithoutTrace(() -> api.postRaw("/api/events/" + event + "/reviews", body, writer), field);
        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues/" + venue + "/reviews", body, writer), field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void badFieldIsRefusedByNameWhenEditing(String field, String value) {
        var body = with(VALID, field, value);

        assertRefusedWithoutTrace(() -> api.putRaw("/api/reviews/" + reviewId, body, author), field);
    }

    @ParameterizedTest(name = "without {0}")
    @MethodSource("missingFields")
    void missingFieldIsRefusedByName(String field) {
        var body = without(VALID, field);

        assertRefusedWithoutTrace(() -> api.postRaw("/api/events/" + event + "/reviews", body, writer), field);
        assertRefusedWithoutTrace(() -> api.putRaw("/api/reviews/" + reviewId, body, author), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonIsRefused(String malformation, String body) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/events/" + event + "/reviews", body, writer), "JSON");
        assertRefusedWithoutTrace(() -> api.putRaw("/api/reviews/" + reviewId, body, author), "JSON");
    }

    static Stream<Arguments> badPageParameters() {
        return Stream.of(
                arguments("page=-1", "page"),
                arguments("size=0", "size"),
                arguments("size=101", "size"),
                arguments("size=-5", "size"),
                arguments("page=abc", "page"),
                arguments("size=1.5", "size"),
                arguments("size=99999999999", "size"),
                arguments("page=99999999999", "page"),
                arguments("page=%27%3B%20DROP%20TABLE%20reviews%3B%20--", "page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPageParameters")
    void listingWithABadPageOrSizeIsRefusedByName(String query, String parameter) {
        assertProblem(api.get("/api/events/" + event + "/reviews?" + query), 400, parameter);
        assertProblem(api.get("/api/venues/" + venue + "/reviews?" + query), 400, parameter);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=1000", "page=2147483647&size=100", "page=21474837&size=100"})
    void listingAPageFarPastTheEndIsAnEmptyArray(String query) {
        var response = api.get("/api/events/" + event + "/reviews?" + query);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json()).isEmpty();
        assertThat(response.raw().headers().firstValue("X-Total-Count")).hasValue("1");
    }

    /** Refused with a 400 that names the problem, and nothing stored: no event, and the author's review unchanged. */
    private void assertRefusedWithoutTrace(Supplier<ApiClient.Response> badRequest, String mention) {
        var before = StoredState.of(jdbc);

        assertProblem(badRequest.get(), 400, mention);

        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(before);
        var reviews = api.get("/api/events/" + event + "/reviews").json();
        assertThat(reviews.size()).isEqualTo(1);
        assertThat(reviews.get(0).get("id").asText()).isEqualTo(reviewId);
        assertThat(reviews.get(0).get("rating").asInt()).isEqualTo(5);
        assertThat(reviews.get(0).get("text").asText()).isEqualTo("As it was");
    }
}
