package io.seatwise.web.security;

import static io.seatwise.web.JsonBodies.text;
import static io.seatwise.web.JsonBodies.with;
import static io.seatwise.web.ProblemAssertions.assertClientProblem;
import static io.seatwise.web.ProblemAssertions.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.StoredState;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated bad input for every API endpoint and every form: malformed JSON, fields of the wrong type, numbers and
 * lists far too large, control characters, bodies over the size limit, and SQL, HTML and path traversal in fields and
 * ids. Every request is wrong in at least one way that must refuse it, so each must be refused with a 4xx, as a
 * problem on the API and a page on the UI, without a trace of the server's insides, and must store nothing.
 */
@JqwikSpringSupport
class BadInputPropertyTest extends ApplicationTest {

    private static final int TRIES = 100;

    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1' --",
            "'; DROP TABLE DomainEventEntry; --",
            "1; DELETE FROM account_credentials",
            "\" UNION SELECT passwordHash FROM account_credentials --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}",
            "%s%n%x",
            "\u0000\u0001\u001b[31m",
            "\u202Eevil\u200B",
            "🎭".repeat(30));

    /** The application's fixtures, made once: an event with a booking and a review, and who may act on them. */
    private record Fixture(
            String eventId,
            String venueId,
            String reviewId,
            String bookingId,
            String userToken,
            String adminToken,
            BrowserSession user,
            BrowserSession admin) {}

    private static Fixture fixture;

    private JdbcTemplate jdbc;

    /** Spring's beans come as parameters: jqwik runs this before the test instance's fields are injected. */
    @BeforeProperty
    void fixtures(@Autowired Environment environment, @Autowired JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        api = new ApiClient(port);
        if (fixture != null) {
            return;
        }
        var admin = adminToken();
        var venue = api.createVenue(admin, "Property Hall", 5, 5);
        var event = api.scheduleEvent(admin, venue, "Property Night", inDays(12));
        var email = "property-" + System.nanoTime() + "@example.com";
        api.register(email, ApiClient.USER_PASSWORD, "Pat");
        var user = api.token(email, ApiClient.USER_PASSWORD);
        eventually(
                Duration.ofSeconds(10),
                () -> api.get("/api/events/" + event + "/seats").status() == 200);
        var booking =
                api.book(user, event, List.of(1, 2)).json().get("bookingId").asText();
        var review = api.post("/api/events/" + event + "/reviews", Map.of("rating", 5, "text", "Lovely"), user)
                .json()
                .get("id")
                .asText();
        fixture = new Fixture(
                event,
                venue,
                review,
                booking,
                user,
                admin,
                BrowserSession.signedIn(api, email, ApiClient.USER_PASSWORD),
                BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    // The JSON API

    /** A request to the API: method, path, body (none when null) and whether it goes as the admin or a user. */
    record ApiRequest(String method, String path, String body, boolean asAdmin) {
        @Override
        public String toString() {
            var shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return method + " " + path + " " + shown;
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void apiRefusesBadInputWithAProblemAndChangesNothing(@ForAll("badApiRequests") ApiRequest request) {
        var storedBefore = StoredState.of(jdbc);
        var token = request.asAdmin() ? fixture.adminToken() : fixture.userToken();

        var response = api.send(request.method(), request.path(), request.body(), token);

        assertClientProblem(response);
        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void apiReadsWithHostileIdsOrParametersAreClientErrors(@ForAll("badReads") String path) {
        var response = api.get(path);

        if (response.status() == 200) {
            assertThat(path).as("only listing parameters may be harmless").startsWith("/api/events?");
            assertNoInternals(response.body());
        } else {
            assertClientProblem(response);
        }
    }

    @Provide
    Arbitrary<ApiRequest> badApiRequests() {
        var registration = """
                {"email": "new-%s@example.com", "password": "a-long-password", "displayName": "New"}""".formatted(System.nanoTime());
        var credentials = """
                {"email": "nobody@example.com", "password": "a-long-password"}""";
        var venue = """
                {"name": "Hall", "city": "Town", "rows": 2, "seatsPerRow": 2}""";
        var event = """
                {"venueId": "%s", "title": "Gig", "description": "Fun", "startsAt": "2099-01-01T20:00:00Z",
                 "priceCents": 100}""".formatted(fixture.venueId());
        var booking = """
                {"seats": [3]}""";
        var review = """
                {"rating": 4, "text": "Good"}""";
        var events = "/api/events/" + fixture.eventId();
        var venues = "/api/venues/" + fixture.venueId();
        return Arbitraries.oneOf(
                // bodies broken as a whole
                Arbitraries.oneOf(
                        malformed(post("/api/users", registration, false)),
                        malformed(post("/api/auth/token", credentials, false)),
                        malformed(post("/api/venues", venue, true)),
                        malformed(post("/api/events", event, true)),
                        malformed(post(events + "/bookings", booking, false)),
                        malformed(post(events + "/reviews", review, false)),
                        malformed(post(venues + "/reviews", review, false)),
                        malformed(new ApiRequest("PUT", "/api/reviews/" + fixture.reviewId(), review, false))),
                // one field that cannot be right
                Arbitraries.oneOf(
                        field(post("/api/users", registration, false), "email", badEmail()),
                        field(post("/api/users", registration, false), "password", badPassword()),
                        field(post("/api/users", registration, false), "displayName", badText(100, true)),
                        field(post("/api/auth/token", credentials, false), "email", badText(254, true)),
                        field(post("/api/auth/token", credentials, false), "password", badText(128, true)),
                        field(post("/api/venues", venue, true), "name", badText(200, true)),
                        field(post("/api/venues", venue, true), "city", badText(200, true)),
                        field(post("/api/venues", venue, true), "rows", badNumber(1, 200)),
                        field(post("/api/venues", venue, true), "seatsPerRow", badNumber(1, 200)),
                        field(post("/api/events", event, true), "venueId", badId()),
                        field(post("/api/events", event, true), "title", badText(200, true)),
                        field(post("/api/events", event, true), "description", badText(4000, false)),
                        field(post("/api/events", event, true), "startsAt", badTime()),
                        field(post("/api/events", event, true), "priceCents", badNumber(0, Long.MAX_VALUE)),
                        field(post(events + "/bookings", booking, false), "seats", badSeats()),
                        field(post(events + "/reviews", review, false), "rating", badNumber(1, 5)),
                        field(post(venues + "/reviews", review, false), "text", badText(4000, true)),
                        field(
                                new ApiRequest("PUT", "/api/reviews/" + fixture.reviewId(), review, false),
                                "rating",
                                badNumber(1, 5))),
                // ids that name nothing, with a good body
                Arbitraries.oneOf(
                        hostileId().map(id -> post("/api/events/" + id + "/bookings", booking, false)),
                        hostileId().map(id -> post("/api/events/" + id + "/reviews", review, false)),
                        hostileId().map(id -> post("/api/venues/" + id + "/reviews", review, false)),
                        hostileId().map(id -> new ApiRequest("PUT", "/api/reviews/" + id, review, false)),
                        hostileId().map(id -> new ApiRequest("DELETE", "/api/reviews/" + id, null, false)),
                        hostileId().map(id -> new ApiRequest("DELETE", "/api/bookings/" + id, null, false))));
    }

    @Provide
    Arbitrary<String> badReads() {
        var outOfRange = Arbitraries.oneOf(
                Arbitraries.longs().between(101, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.longs().between(Long.MIN_VALUE, 0).map(String::valueOf),
                Arbitraries.of("1e9", "99999999999999999999999", "0x10", "-", ""));
        return Arbitraries.oneOf(
                hostileId().map(id -> "/api/events/" + id),
                hostileId().map(id -> "/api/events/" + id + "/seats"),
                hostileId().map(id -> "/api/events/" + id + "/reviews"),
                hostileId().map(id -> "/api/venues/" + id),
                hostileId().map(id -> "/api/venues/" + id + "/reviews"),
                hostileString().map(value -> "/api/events?page=" + encode(value)),
                hostileString().map(value -> "/api/events?size=" + encode(value)),
                outOfRange.map(size -> "/api/events?size=" + encode(size)));
    }

    private static ApiRequest post(String path, String body, boolean asAdmin) {
        return new ApiRequest("POST", path, body, asAdmin);
    }

    private static Arbitrary<ApiRequest> field(ApiRequest request, String field, Arbitrary<String> values) {
        return values.map(value -> new ApiRequest(
                request.method(), request.path(), with(request.body(), field, value), request.asAdmin()));
    }

    /**
     * The valid body cut short, with garbage after it, with a raw control character inside (Jackson reads a NUL after
     * the end of a document as its end, a habit of C buffers, so none goes last), or far too large.
     */
    private static Arbitrary<ApiRequest> malformed(ApiRequest request) {
        var body = request.body();
        Arbitrary<String> broken = Arbitraries.oneOf(
                Arbitraries.integers().between(0, body.length() - 1).map(end -> body.substring(0, end)),
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .ofMinLength(1)
                        .ofMaxLength(20)
                        .filter(garbage -> !garbage.isBlank())
                        .map(garbage -> body + garbage),
                Combinators.combine(
                                Arbitraries.integers().between(1, body.length() - 1),
                                Arbitraries.chars().range('\u0000', '\u0008'))
                        .as((at, control) -> body.substring(0, at) + control + body.substring(at)),
                Arbitraries.integers()
                        .between(70_000, 200_000)
                        .map(size -> body.replaceFirst(":\\s*\"", ": \"" + "x".repeat(size))),
                Arbitraries.integers()
                        .between(20_000, 60_000)
                        .map(count -> "{\"seats\": ["
                                + IntStream.range(0, count)
                                        .mapToObj(String::valueOf)
                                        .collect(Collectors.joining(","))
                                + "]}"),
                Arbitraries.of("", "null", "[]", "\"text\"", "42", "<xml/>", "{\"a\":{\"b\":{\"c\":[[[[[]]]]]}}}"));
        // a body without a string value (a booking's) has nothing for the long-string variant to stretch
        return broken.filter(text -> !text.equals(body))
                .map(text -> new ApiRequest(request.method(), request.path(), text, request.asAdmin()));
    }

    private static Arbitrary<String> badNumber(long min, long max) {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers()
                        .between(BigInteger.valueOf(max).add(BigInteger.ONE), BigInteger.TEN.pow(40))
                        .map(BigInteger::toString),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(40).negate(), BigInteger.valueOf(min - 1))
                        .map(BigInteger::toString),
                Arbitraries.of("1.5", "1e309", "-1e309", "2.0", "true", "null", "[]", "[1]", "{}"),
                hostileString().map(value -> text(value)));
    }

    private static Arbitrary<String> badText(int maxLength, boolean required) {
        var wrongType = Arbitraries.of("5", "-1.5", "true", "[\"a\"]", "{\"a\": 1}");
        var tooLong = Arbitraries.strings()
                .all()
                .ofMinLength(maxLength + 1)
                .ofMaxLength(maxLength + 300)
                .filter(value -> value.codePointCount(0, value.length()) > maxLength)
                .map(value -> text(value));
        var hostileList = hostileString()
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(values -> values.stream().map(value -> text(value)).collect(Collectors.joining(",", "[", "]")));
        return required
                ? Arbitraries.oneOf(wrongType, tooLong, hostileList, Arbitraries.of("null", "\"\"", "\"  \\n\\t \""))
                : Arbitraries.oneOf(wrongType, tooLong, hostileList);
    }

    private static Arbitrary<String> badEmail() {
        return Arbitraries.oneOf(
                badText(254, true),
                hostileString().filter(value -> !value.contains("@")).map(value -> text(value)));
    }

    private static Arbitrary<String> badPassword() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(7).map(value -> text(value)),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .ofMinLength(73)
                        .ofMaxLength(500)
                        .map(value -> text(value)),
                Arbitraries.of("12345678", "true", "null", "[\"a-long-password\"]", "\"password1\"", "\"iloveyou\""));
    }

    private static Arbitrary<String> badId() {
        return Arbitraries.oneOf(
                hostileString().map(value -> text(value)), Arbitraries.of("5", "true", "null", "[]", "{}", "\"\""));
    }

    private static Arbitrary<String> badTime() {
        return Arbitraries.oneOf(
                hostileString().map(value -> text(value)),
                Arbitraries.of(
                        "\"2000-01-01T20:00:00Z\"",
                        "\"2099-13-01T20:00:00Z\"",
                        "\"2099-01-01\"",
                        "\"tomorrow\"",
                        "1893456000",
                        "null",
                        "[2099, 1, 1]"));
    }

    private static Arbitrary<String> badSeats() {
        return Arbitraries.oneOf(
                Arbitraries.of("[]", "null", "3", "\"3\"", "[[3]]", "[3, 3]", "[0]", "[-1]", "[26]", "[3.5]", "{}"),
                Arbitraries.integers()
                        .between(26, Integer.MAX_VALUE)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(5)
                        .map(List::toString),
                Arbitraries.integers()
                        .between(3, 25)
                        .list()
                        .uniqueElements()
                        .ofMinSize(11)
                        .ofMaxSize(23)
                        .map(List::toString),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TWO.pow(31), BigInteger.TEN.pow(30))
                        .map(big -> "[" + big + "]"),
                hostileString().map(value -> "[" + text(value) + "]"));
    }

    /** Hostile text, or any text at all with control characters and characters from every plane. */
    private static Arbitrary<String> hostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(HOSTILE)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .ofMinLength(1)
                                .ofMaxLength(10)));
    }

    /** A path segment, URL-encoded, that names nothing. */
    private static Arbitrary<String> hostileId() {
        return Arbitraries.oneOf(
                hostileString().filter(value -> !value.isEmpty()).map(BadInputPropertyTest::encode),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(65).ofMaxLength(3000));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // The forms of the browser UI

    /** A form post: path, fields, and whether an admin sends it (else a signed-in user, or nobody for /register). */
    record FormPost(String path, Map<String, String> fields, String as) {}

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void formsRefuseBadInputWithAFriendlyPageAndChangeNothing(@ForAll("badFormPosts") FormPost post) {
        var storedBefore = StoredState.of(jdbc);
        var browser = switch (post.as()) {
            case "admin" -> fixture.admin();
            case "user" -> fixture.user();
            default -> anonymousOn(post.path());
        };

        var page = browser.post(post.path(), post.fields());

        assertThat(page.status())
                .as("status of %s, answering %s", post, page.body())
                .isLessThan(500);
        assertThat(page.status()).as("CSRF token accepted").isNotEqualTo(403);
        assertNoInternals(page.body());
        for (var value : post.fields().values()) {
            if (HOSTILE.contains(value) && value.contains("<")) {
                assertThat(page.body()).as("user text is escaped").doesNotContain(value);
            }
        }
        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
    }

    @Provide
    Arbitrary<FormPost> badFormPosts() {
        var text = hostileString();
        var notANumber = Arbitraries.oneOf(
                hostileString().filter(value -> !value.strip().matches("-?\\d+")),
                Arbitraries.bigIntegers()
                        .between(BigInteger.valueOf(201), BigInteger.TEN.pow(30))
                        .map(BigInteger::toString),
                Arbitraries.of("0", "-1", "1.5", "1e3", ""));
        var event = "/events/" + fixture.eventId();
        return Arbitraries.oneOf(
                Combinators.combine(text, text, badFormPassword())
                        .as((name, email, password) -> form(
                                "/register", "anonymous", "displayName", name, "email", email, "password", password)),
                Combinators.combine(text, text, notANumber)
                        .as((name, city, rows) -> form(
                                "/admin/venues/new",
                                "admin",
                                "name",
                                name,
                                "city",
                                city,
                                "rows",
                                rows,
                                "seatsPerRow",
                                "2")),
                Combinators.combine(text, text, notANumber)
                        .as((title, description, price) -> form(
                                "/admin/events/new",
                                "admin",
                                "venueId",
                                fixture.venueId(),
                                "title",
                                title,
                                "description",
                                description,
                                "startsAt",
                                "2099-01-01T20:00",
                                "price",
                                price.isEmpty() ? "x" : price + "e")),
                notANumber.map(seat -> form(event + "/book", "user", "seats", seat.isEmpty() ? "x" : seat)),
                Combinators.combine(notANumber, text)
                        .as((rating, review) -> form(event + "/reviews", "user", "rating", rating, "text", review)),
                Combinators.combine(notANumber, text)
                        .as((rating, review) -> form(
                                event + "/reviews/" + fixture.reviewId(), "user", "rating", rating, "text", review)),
                hostileId().map(id -> form(event + "/reviews/" + id + "/delete", "user")),
                hostileId().map(id -> form("/bookings/" + id + "/cancel", "user")),
                hostileId().map(id -> form("/admin/mail/" + id + "/resend", "admin")),
                Combinators.combine(text, text)
                        .as((email, password) -> form("/login", "anonymous", "email", email, "password", password)),
                Arbitraries.integers()
                        .between(70_000, 150_000)
                        .map(size -> form(event + "/reviews", "user", "rating", "9", "text", "x".repeat(size))));
    }

    private static Arbitrary<String> badFormPassword() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(7),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(73).ofMaxLength(300),
                Arbitraries.of("password1", "iloveyou", "sunshine", "PASSWORD1"));
    }

    private static FormPost form(String path, String as, String... namesAndValues) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new FormPost(path, fields, as);
    }

    private BrowserSession anonymousOn(String page) {
        var browser = new BrowserSession(port);
        browser.get(page);
        return browser;
    }
}
