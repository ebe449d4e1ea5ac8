package io.seatwise.web.event;

import static io.seatwise.web.JsonBodies.text;
import static io.seatwise.web.JsonBodies.with;
import static io.seatwise.web.JsonBodies.without;
import static io.seatwise.web.ProblemAssertions.assertNotFound;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static io.seatwise.web.ProblemAssertions.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BadTokens;
import io.seatwise.web.JsonBodies;
import io.seatwise.web.StoredState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * {@code POST /api/events}, {@code GET /api/events?page=&size=}, {@code GET /api/events/{id}} and
 * {@code GET /api/events/{id}/seats} given everything but what they expect.
 */
class BadInputEventApiTest extends ApplicationTest {

    /** A valid body once {@link #fill} has put in the venue and a time in the future. */
    private static final String VALID = """
            {"venueId": "%VENUE%", "title": "Gala", "description": "An evening", "startsAt": "%STARTS_AT%",
             "priceCents": 1250}""";

    private static String cachedAdminToken;
    private static String venueId;
    private static String eventId;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void venueWithOneEvent() {
        if (venueId == null) {
            venueId = api.createVenue(admin(), "Event hall", 4, 5);
            eventId = api.scheduleEvent(admin(), venueId, "Standing event", inDays(20));
        }
    }

    static Stream<Arguments> malformedBodies() {
        return JsonBodies.malformed(VALID);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("venueId", "5"),
                arguments("venueId", "true"),
                arguments("venueId", "[\"a\"]"),
                arguments("venueId", "{\"id\": \"a\"}"),
                arguments("title", "5"),
                arguments("title", "false"),
                arguments("title", "[\"Gala\"]"),
                arguments("description", "12"),
                arguments("description", "true"),
                arguments("description", "{\"text\": \"An evening\"}"),
                arguments("startsAt", "1900000000"),
                arguments("startsAt", "1900000000000"),
                arguments("startsAt", "1.9E9"),
                arguments("startsAt", "true"),
                arguments("startsAt", "[\"2031-05-01T19:30:00Z\"]"),
                arguments("startsAt", "{\"epochSecond\": 1900000000}"),
                arguments("priceCents", "\"1250\""),
                arguments("priceCents", "12.5"),
                arguments("priceCents", "1250.0"),
                arguments("priceCents", "true"),
                arguments("priceCents", "[1250]"),
                arguments("priceCents", "99999999999999999999"),
                arguments("maxSeatsPerAccount", "\"4\""),
                arguments("maxSeatsPerAccount", "4.5"),
                arguments("maxSeatsPerAccount", "true"),
                arguments("maxSeatsPerAccount", "[4]"),
                arguments("maxSeatsPerAccount", "99999999999999999999"));
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                arguments("venueId", "null"),
                arguments("venueId", "\"\""),
                arguments("venueId", "\"   \""),
                arguments("venueId", text("v".repeat(65))),
                arguments("title", "null"),
                arguments("title", "\"\""),
                arguments("title", "\" \\t \""),
                arguments("title", text("T".repeat(201))),
                arguments("title", text("Ga\u0000la")),
                arguments("title", text("\u001b[31mGala")),
                arguments("description", text("D".repeat(4_001))),
                arguments("description", text("An\u0007evening")),
                arguments("startsAt", "null"),
                arguments("startsAt", "\"\""),
                arguments("startsAt", "\"tomorrow\""),
                arguments("startsAt", "\"2031-05-01\""),
                arguments("startsAt", "\"2031-05-01T19:30\""),
                arguments("startsAt", "\"2031-13-01T19:30:00Z\""),
                arguments("startsAt", "\"2031-02-30T19:30:00Z\""),
                arguments("startsAt", "\"01/05/2031 19:30\""),
                arguments("startsAt", "\"2001-01-01T00:00:00Z\""),
                arguments("startsAt", text(Instant.now().minusSeconds(60).toString())),
                arguments("startsAt", "\"-999999999-01-01T00:00:00Z\""),
                arguments(
                        "startsAt",
                        text(Instant.now().plus(Duration.ofDays(5 * 366)).toString())),
                arguments("startsAt", "\"2999-01-01T00:00:00Z\""),
                arguments("startsAt", "\"+292278994-08-17T07:12:55.807Z\""),
                arguments("startsAt", "\"+1000000000-12-31T23:59:59.999999999Z\""),
                arguments("title", text("Gala\nDear guest, your booking is void")),
                arguments("title", text("Gala\r\nBcc: everyone@example.com")),
                arguments("title", text("Gala\u2028night")),
                arguments("title", text("Gala\tnight")),
                arguments("priceCents", "null"),
                arguments("priceCents", "-1"),
                arguments("priceCents", "-9223372036854775808"),
                arguments("priceCents", "100000001"),
                arguments("priceCents", "9223372036854775807"),
                arguments("maxSeatsPerAccount", "-1"),
                arguments("maxSeatsPerAccount", "40001"),
                arguments("maxSeatsPerAccount", "2147483647"));
    }

    /** One part of a change of the standing event, wrong in one way. */
    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                arguments("title", "\"\""),
                arguments("title", text("T".repeat(201))),
                arguments("title", text("Gala\nDear guest, your booking is void")),
                arguments("description", text("D".repeat(4_001))),
                arguments("startsAt", text(Instant.now().minusSeconds(60).toString())),
                arguments(
                        "startsAt",
                        text(Instant.now().plus(Duration.ofDays(5 * 366)).toString())),
                arguments("startsAt", "\"+1000000000-12-31T23:59:59.999999999Z\""),
                arguments("priceCents", "-1"),
                arguments("priceCents", "100000001"),
                arguments("maxSeatsPerAccount", "-1"),
                arguments("maxSeatsPerAccount", "40001"));
    }

    static Stream<String> requiredFields() {
        return Stream.of("venueId", "title", "startsAt", "priceCents");
    }

    static Stream<Arguments> unknownVenues() {
        return Stream.of(
                arguments("unknown venue", UUID.randomUUID().toString()),
                arguments("traversal", "../../etc/passwd"),
                arguments("SQL", "' OR '1'='1"),
                arguments("script tag", "<script>alert(1)</script>"),
                arguments("space", "a b"));
    }

    static Stream<Arguments> badPageParameters() {
        return Stream.of(
                arguments("page=-1", "page"),
                arguments("size=0", "size"),
                arguments("size=-5", "size"),
                arguments("size=101", "size"),
                arguments("page=abc", "page"),
                arguments("size=abc", "size"),
                arguments("size=1.5", "size"),
                arguments("page=1.0", "page"),
                arguments("size=1e2", "size"),
                arguments("size=99999999999", "size"),
                arguments("page=99999999999", "page"),
                arguments("page=-99999999999", "page"),
                arguments("size=%20", "size"),
                arguments("size=%00", "size"),
                arguments("page=%27%3B%20DROP%20TABLE%20event_summaries%3B%20--", "page"));
    }

    @Test
    void theValidBodyBehindTheMalformedOnesIsAccepted() {
        var response = api.postRaw("/api/events", fill(VALID), admin());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("capacity").asInt()).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonIsRefusedAndSchedulesNoEvent(String malformation, String body) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/events", fill(body), admin()), 400, "JSON");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongTypes")
    void fieldOfTheWrongTypeIsRefusedByName(String field, String value) {
        assertRefusedWithoutTrace(
                () -> api.postRaw("/api/events", fill(with(VALID, field, value)), admin()), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFields")
    void missingFieldIsRefusedByName(String field) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/events", fill(without(VALID, field)), admin()), 400, field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void fieldWithAnInvalidValueIsRefusedByName(String field, String value) {
        assertRefusedWithoutTrace(
                () -> api.postRaw("/api/events", fill(with(VALID, field, value)), admin()), 400, field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidChanges")
    void changeWithAnInvalidValueIsRefusedByNameAndChangesNothing(String field, String value) {
        assertRefusedWithoutTrace(
                () -> api.send("PATCH", "/api/events/" + eventId, "{\"" + field + "\": " + value + "}", admin()),
                400,
                field);
    }

    @Test
    void theHighestPriceAndAStartFiveYearsAheadAreAccepted() {
        var latest = Instant.now().plus(Duration.ofDays(5 * 365)).toString();
        var body = with(with(VALID, "priceCents", "100000000"), "startsAt", text(latest));

        var response = api.postRaw("/api/events", body.replace("%VENUE%", venueId), admin());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("priceCents").asLong()).isEqualTo(100_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownVenues")
    void schedulingAtAnUnknownOrMalformedVenueIsNotFound(String kind, String venue) {
        var body = fill(VALID).replace(venueId, venue.replace("\\", "\\\\").replace("\"", "\\\""));

        assertRefusedWithoutTrace(() -> api.postRaw("/api/events", body, admin()), 404, "venue");
    }

    @Test
    void longestTextsAndAFreeEventAreAccepted() {
        var title = "T".repeat(200);
        var description = "D".repeat(4_000);
        var body = with(with(with(VALID, "title", text(title)), "description", text(description)), "priceCents", "0");

        var response = api.postRaw("/api/events", fill(body), admin());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("title").asText()).isEqualTo(title);
        assertThat(response.json().get("description").asText()).isEqualTo(description);
    }

    @Test
    void textThatLooksLikeSqlOrHtmlIsStoredVerbatimAndReturnedAsJson() {
        var title = "<script>alert('event')</script> & \"friends\"";
        var description = "'; DROP TABLE event_summaries; --\nSecond line\twith a tab, 🎭 and a \\ backslash";
        var body = with(with(VALID, "title", text(title)), "description", text(description));

        var created = api.postRaw("/api/events", fill(body), admin());

        assertThat(created.status()).isEqualTo(201);
        var id = created.json().get("id").asText();
        eventually(() -> api.get("/api/events/" + id).status() == 200);
        var read = api.get("/api/events/" + id);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.json().get("title").asText()).isEqualTo(title);
        assertThat(read.json().get("description").asText()).isEqualTo(description);
        assertThat(eventIds(allUpcomingEvents())).contains(id);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage", "{}", VALID})
    void schedulingWithoutATokenIsUnauthorizedWhateverTheBody(String body) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/events", fill(body), null), 401, "token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.BadTokens#all")
    void schedulingWithABrokenTokenIsUnauthorized(String kind, BadTokens.Maker token) {
        assertUnauthorized(api.postRaw("/api/events", "garbage", token.make(api)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage", "{}", VALID})
    void schedulingAsAUserIsForbiddenWhateverTheBody(String body) {
        var user = api.newUserToken("Ulrich");

        assertRefusedWithoutTrace(() -> api.postRaw("/api/events", fill(body), user), 403, "not allowed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPageParameters")
    void listingWithABadPageOrSizeIsRefusedByName(String query, String parameter) {
        assertProblem(api.get("/api/events?" + query), 400, parameter);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=1000", "page=2147483647&size=100", "page=21474837&size=100"})
    void listingAPageFarPastTheEndIsEmpty(String query) {
        var response = api.get("/api/events?" + query);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.MalformedIds#all")
    void readingAnEventByAnUnknownOrMalformedIdIsNotFound(String kind, String id) {
        assertNotFound(api.get("/api/events/" + id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.MalformedIds#all")
    void readingTheSeatsOfAnUnknownOrMalformedEventIsNotFound(String kind, String id) {
        assertNotFound(api.get("/api/events/" + id + "/seats"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/events/a%00b", "/api/events/a%00b/seats"})
    void readingAnEventWhosePathHoldsANulCharacterIsABadRequest(String path) {
        assertProblem(api.get(path), 400, "path");
    }

    @Test
    void knownEventAndItsSeatsAreFound() {
        eventually(() -> api.get("/api/events/" + eventId + "/seats").status() == 200);

        assertThat(api.get("/api/events/" + eventId).json().get("capacity").asInt())
                .isEqualTo(20);
    }

    /**
     * Sends a bad request and checks the refusal, then that nothing was stored: no event, no snapshot, no credential.
     * The read side holds nothing but what it projects from stored events, so nothing can show there either.
     */
    private JsonNode assertRefusedWithoutTrace(Supplier<ApiClient.Response> badRequest, int status, String mention) {
        var storedBefore = StoredState.of(jdbc);

        var problem = assertProblem(badRequest.get(), status, mention);

        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
        return problem;
    }

    private List<JsonNode> allUpcomingEvents() {
        var events = new ArrayList<JsonNode>();
        for (int page = 0; ; page++) {
            var batch = api.get("/api/events?size=100&page=" + page).json();
            batch.forEach(events::add);
            if (batch.size() < 100) {
                return events;
            }
        }
    }

    private static List<String> eventIds(List<JsonNode> events) {
        return events.stream().map(event -> event.get("id").asText()).toList();
    }

    private String fill(String body) {
        return body.replace("%VENUE%", venueId)
                .replace("%STARTS_AT%", inDays(30).toString());
    }

    private String admin() {
        if (cachedAdminToken == null) {
            cachedAdminToken = adminToken();
        }
        return cachedAdminToken;
    }
}
