package io.seatwise.web.venue;

import static io.seatwise.web.JsonBodies.text;
import static io.seatwise.web.JsonBodies.with;
import static io.seatwise.web.JsonBodies.without;
import static io.seatwise.web.ProblemAssertions.assertNotFound;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static io.seatwise.web.ProblemAssertions.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BadTokens;
import io.seatwise.web.JsonBodies;
import io.seatwise.web.StoredState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/venues} and {@code GET /api/venues/{id}} given everything but what they expect. */
class BadInputVenueApiTest extends ApplicationTest {

    private static final String VALID = """
            {"name": "Hall", "city": "Testville", "rows": 3, "seatsPerRow": 4}""";

    private static final AtomicInteger markers = new AtomicInteger();
    private static String cachedAdminToken;

    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> malformedBodies() {
        return JsonBodies.malformed(VALID);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("rows", "\"3\""),
                arguments("rows", "3.5"),
                arguments("rows", "3.0"),
                arguments("rows", "true"),
                arguments("rows", "[3]"),
                arguments("rows", "{\"value\": 3}"),
                arguments("rows", "99999999999"),
                arguments("seatsPerRow", "\"4\""),
                arguments("seatsPerRow", "4.5"),
                arguments("seatsPerRow", "false"),
                arguments("name", "5"),
                arguments("name", "1.5"),
                arguments("name", "true"),
                arguments("name", "[\"Hall\"]"),
                arguments("name", "{\"text\": \"Hall\"}"),
                arguments("city", "12"),
                arguments("city", "false"));
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                arguments("name", "null"),
                arguments("name", "\"\""),
                arguments("name", "\"   \""),
                arguments("name", text("N".repeat(201))),
                arguments("name", text("Ha\u0000ll")),
                arguments("name", text("Ha\u0007ll")),
                arguments("name", text("Hall\u007f")),
                arguments("name", text("Hall\u0085")),
                arguments("name", text("Hall\nDear guest")),
                arguments("name", text("Hall\r\nBcc: x")),
                arguments("name", text("Hall\u2029B")),
                arguments("name", text("Blue\tHall")),
                arguments("city", text("Lyon\nParis")),
                arguments("city", "null"),
                arguments("city", "\"\""),
                arguments("city", text("C".repeat(201))),
                arguments("city", text("Test\u001bville")),
                arguments("rows", "null"),
                arguments("rows", "0"),
                arguments("rows", "-1"),
                arguments("rows", "201"),
                arguments("rows", "-2147483648"),
                arguments("seatsPerRow", "null"),
                arguments("seatsPerRow", "0"),
                arguments("seatsPerRow", "201"),
                arguments("seatsPerRow", "2147483647"));
    }

    static Stream<String> requiredFields() {
        return Stream.of("name", "city", "rows", "seatsPerRow");
    }

    static Stream<Arguments> hostileNames() {
        return Stream.of(
                arguments("'; DROP TABLE venues; --", "Robert'); DELETE FROM venues WHERE ('1'='1"),
                arguments("<script>alert('venue')</script>", "\"><img src=x onerror=alert(1)>"),
                arguments("Zoë's \"Hall\" \\ 🎭 ☃", "Łódź – Kraków"),
                arguments("%s %n {0} ${jndi:ldap://example.com/a}", "{{7*7}} #{7*7}"),
                arguments("\u202Eevil\u202C and \u200Bzero width", "null"));
    }

    @Test
    void theValidBodyBehindTheMalformedOnesIsAccepted() {
        var response = api.postRaw("/api/venues", VALID, admin());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("capacity").asInt()).isEqualTo(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonIsRefusedAndCreatesNoVenue(String malformation, String body) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", body, admin()), 400, "JSON");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongTypes")
    void fieldOfTheWrongTypeIsRefusedByName(String field, String value) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", with(VALID, field, value), admin()), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFields")
    void missingFieldIsRefusedByName(String field) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", without(VALID, field), admin()), 400, field);
    }

    @Test
    void emptyObjectIsRefusedNamingEveryMissingField() {
        var problem = assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", "{}", admin()), 400, "name");

        assertThat(problem.get("detail").asText()).contains("city");
    }

    @Test
    void aVenueWithoutSeatsIsRefusedNamingBothForms() {
        var problem = assertRefusedWithoutTrace(
                () -> api.postRaw("/api/venues", "{\"name\": \"Hall\", \"city\": \"Leeds\"}", admin()), 400, "layout");

        assertThat(problem.get("detail").asText()).contains("rows and seatsPerRow");
        assertThat(api.postRaw("/api/venues", "{\"name\": \"Hall\", \"city\": \"Leeds\", \"rows\": 3}", admin())
                        .body())
                .contains("seatsPerRow");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void fieldWithAnInvalidValueIsRefusedByName(String field, String value) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", with(VALID, field, value), admin()), 400, field);
    }

    @Test
    void rawControlCharacterInsideAJsonStringIsRefusedAsInvalidJson() {
        var body = VALID.replace("\"Hall\"", "\"Ha\u0001ll\"");

        var problem = assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", body, admin()), 400, "JSON");

        assertThat(problem.get("detail").asText()).contains("'name'");
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("layoutsOverCapacity")
    void layoutOfMoreThanFortyThousandSeatsIsRefused(int rows, int seatsPerRow, String field) {
        var body = with(with(VALID, "rows", String.valueOf(rows)), "seatsPerRow", String.valueOf(seatsPerRow));

        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", body, admin()), 400, field);
    }

    static Stream<Arguments> layoutsOverCapacity() {
        return Stream.of(arguments(201, 200, "rows"), arguments(200, 201, "seatsPerRow"), arguments(400, 101, "rows"));
    }

    @Test
    void largestLayoutAndLongestNameAreAccepted() {
        var name = "N".repeat(200);
        var body = with(with(with(VALID, "name", text(name)), "rows", "200"), "seatsPerRow", "200");

        var response = api.postRaw("/api/venues", body, admin());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("capacity").asInt()).isEqualTo(40_000);
        assertThat(response.json().get("name").asText()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileNames")
    void textThatLooksLikeSqlOrHtmlIsStoredVerbatimAndReturnedAsJson(String name, String city) {
        var body = with(with(VALID, "name", text(name)), "city", text(city));

        var created = api.postRaw("/api/venues", body, admin());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo(name);
        var id = created.json().get("id").asText();
        eventually(() -> api.get("/api/venues/" + id).status() == 200);
        var read = api.get("/api/venues/" + id);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.json().get("name").asText()).isEqualTo(name);
        assertThat(read.json().get("city").asText()).isEqualTo(city);
        assertThat(venueIds(api.get("/api/venues").json())).contains(id);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage", "{}", VALID})
    void creatingAVenueWithoutATokenIsUnauthorizedWhateverTheBody(String body) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", body, null), 401, "token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.BadTokens#all")
    void creatingAVenueWithABrokenTokenIsUnauthorized(String kind, BadTokens.Maker token) {
        var response = api.postRaw("/api/venues", "garbage", token.make(api));

        assertUnauthorized(response);
    }

    @Test
    void tokenForgedLikeTheExpiredOneButUnexpiredIsAccepted() {
        var adminId = api.get("/api/admin/users?email=" + ADMIN_EMAIL, adminToken())
                .json()
                .get(0)
                .path("id")
                .asText();

        var response = api.postRaw("/api/venues", VALID, BadTokens.unexpiredAdminTokenSignedWithTheServerKey(adminId));

        assertThat(response.status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage", "{}", VALID})
    void creatingAVenueAsAUserIsForbiddenWhateverTheBody(String body) {
        var user = api.newUserToken("Ursula");

        assertRefusedWithoutTrace(() -> api.postRaw("/api/venues", body, user), 403, "not allowed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.MalformedIds#all")
    void readingAVenueByAnUnknownOrMalformedIdIsNotFound(String kind, String id) {
        assertNotFound(api.get("/api/venues/" + id));
    }

    @Test
    void readingAVenueWhosePathHoldsANulCharacterIsABadRequest() {
        assertProblem(api.get("/api/venues/a%00b"), 400, "path");
    }

    /**
     * Sends a bad request and checks the refusal, then that nothing changed: nothing was stored, and once a good
     * venue created afterwards shows on the read side, the venue list is the one from before plus that venue. The
     * list before is read once the read side holds every venue that was stored, so earlier tests cannot leak in.
     */
    private JsonNode assertRefusedWithoutTrace(Supplier<ApiClient.Response> badRequest, int status, String mention) {
        eventually(() -> api.get("/api/venues").json().size() == StoredState.eventsOfType(jdbc, "VenueCreated"));
        var venuesBefore = api.get("/api/venues").json();
        var storedBefore = StoredState.of(jdbc);

        var problem = assertProblem(badRequest.get(), status, mention);

        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
        var marker = api.createVenue(admin(), "Marker " + markers.incrementAndGet(), 1, 1);
        eventually(() -> venueIds(api.get("/api/venues").json()).contains(marker));
        var venuesAfter = (ArrayNode) api.get("/api/venues").json();
        venuesAfter.remove(venueIds(venuesAfter).indexOf(marker));
        assertThat(venuesAfter).as("venues besides the marker").isEqualTo(venuesBefore);
        return problem;
    }

    private String admin() {
        if (cachedAdminToken == null) {
            cachedAdminToken = adminToken();
        }
        return cachedAdminToken;
    }

    private static List<String> venueIds(JsonNode venues) {
        var ids = new ArrayList<String>();
        venues.forEach(venue -> ids.add(venue.get("id").asText()));
        return ids;
    }
}
