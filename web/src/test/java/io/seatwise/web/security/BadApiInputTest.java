package io.seatwise.web.security;

import static io.seatwise.web.JsonBodies.with;
import static io.seatwise.web.ProblemAssertions.assertClientProblem;
import static io.seatwise.web.ProblemAssertions.assertNoInternals;
import static io.seatwise.web.SeededProperties.forAll;
import static io.seatwise.web.security.BadInputs.badEmail;
import static io.seatwise.web.security.BadInputs.badId;
import static io.seatwise.web.security.BadInputs.badNumber;
import static io.seatwise.web.security.BadInputs.badPassword;
import static io.seatwise.web.security.BadInputs.badSeats;
import static io.seatwise.web.security.BadInputs.badText;
import static io.seatwise.web.security.BadInputs.badTime;
import static io.seatwise.web.security.BadInputs.encode;
import static io.seatwise.web.security.BadInputs.hostileId;
import static io.seatwise.web.security.BadInputs.hostileString;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.FutureDates;
import io.seatwise.web.Gen;
import io.seatwise.web.JsonBodies;
import io.seatwise.web.StoredState;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated bad input for every API endpoint: malformed JSON, fields of the wrong type, numbers and lists far too
 * large, control characters, bodies over the size limit, and SQL, HTML and path traversal in fields and ids. Every
 * request is wrong in at least one way that must refuse it, so each must be refused with a 4xx problem, without a
 * trace of the server's insides, and must store nothing. The inputs come from a fixed seed ({@link
 * io.seatwise.web.SeededProperties}), which a failure prints.
 */
class BadApiInputTest extends ApplicationTest {

    private static final int TRIES = 100;

    private static BadInputs.Fixture fixture;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = BadInputs.Fixture.create(api);
        }
    }

    /** A request to the API: method, path, body (none when null) and whether it goes as the admin or a user. */
    record ApiRequest(String method, String path, String body, boolean asAdmin) {
        @Override
        public String toString() {
            var shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return method + " " + path + " " + shown;
        }
    }

    @Test
    void apiRefusesBadInputWithAProblemAndChangesNothing() {
        forAll(TRIES, badApiRequests(), request -> {
            var storedBefore = StoredState.of(jdbc);
            var token = request.asAdmin() ? fixture.adminToken() : fixture.userToken();

            var response = api.send(request.method(), request.path(), request.body(), token);

            assertClientProblem(response);
            assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
        });
    }

    @Test
    void apiReadsWithHostileIdsOrParametersAreClientErrors() {
        forAll(TRIES, badReads(), path -> {
            var response = api.get(path);

            if (response.status() == 200) {
                assertThat(path).as("only listing parameters may be harmless").startsWith("/api/events?");
                assertNoInternals(response.body());
            } else {
                assertClientProblem(response);
            }
        });
    }

    private Gen<ApiRequest> badApiRequests() {
        var registration = """
                {"email": "new-%s@example.com", "password": "a-long-password", "displayName": "New"}""".formatted(System.nanoTime());
        var credentials = """
                {"email": "nobody@example.com", "password": "a-long-password"}""";
        var venue = """
                {"name": "Hall", "city": "Town", "rows": 2, "seatsPerRow": 2}""";
        var event = """
                {"venueId": "%s", "title": "Gig", "description": "Fun", "startsAt": "%s",
                 "priceCents": 100}""".formatted(fixture.venueId(), FutureDates.local("01-01T20:00:00Z"));
        var booking = """
                {"seats": [3]}""";
        var review = """
                {"rating": 4, "text": "Good"}""";
        var role = """
                {"role": "STAFF"}""";
        var roleOfUser = "/api/admin/users/" + fixture.accountId() + "/role";
        var events = "/api/events/" + fixture.eventId();
        var venues = "/api/venues/" + fixture.venueId();
        return Gen.oneOf(
                // bodies broken as a whole
                Gen.oneOf(
                        malformed(post("/api/users", registration, false)),
                        malformed(post("/api/auth/token", credentials, false)),
                        malformed(post("/api/venues", venue, true)),
                        malformed(post("/api/events", event, true)),
                        malformed(post(events + "/bookings", booking, false)),
                        malformed(post(events + "/reviews", review, false)),
                        malformed(post(venues + "/reviews", review, false)),
                        malformed(new ApiRequest("PUT", "/api/reviews/" + fixture.reviewId(), review, false)),
                        malformed(new ApiRequest("PUT", roleOfUser, role, true))),
                // one field that cannot be right
                Gen.oneOf(
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
                                badNumber(1, 5)),
                        field(new ApiRequest("PUT", roleOfUser, role, true), "role", badRole())),
                // ids that name nothing, with a good body
                Gen.oneOf(
                        hostileId().map(id -> post("/api/events/" + id + "/bookings", booking, false)),
                        hostileId().map(id -> post("/api/events/" + id + "/reviews", review, false)),
                        hostileId().map(id -> post("/api/venues/" + id + "/reviews", review, false)),
                        hostileId().map(id -> new ApiRequest("PUT", "/api/reviews/" + id, review, false)),
                        hostileId().map(id -> new ApiRequest("DELETE", "/api/reviews/" + id, null, false)),
                        hostileId().map(id -> new ApiRequest("DELETE", "/api/bookings/" + id, null, false)),
                        hostileId().map(id -> new ApiRequest("PUT", "/api/admin/users/" + id + "/role", role, true))));
    }

    private static Gen<String> badReads() {
        var outOfRange = Gen.oneOf(
                Gen.longs(101, Long.MAX_VALUE).map(String::valueOf),
                Gen.longs(Long.MIN_VALUE, 0).map(String::valueOf),
                Gen.of("1e9", "99999999999999999999999", "0x10", "-", ""));
        return Gen.oneOf(
                hostileId().map(id -> "/api/events/" + id),
                hostileId().map(id -> "/api/events/" + id + "/seats"),
                hostileId().map(id -> "/api/events/" + id + "/reviews"),
                hostileId().map(id -> "/api/venues/" + id),
                hostileId().map(id -> "/api/venues/" + id + "/reviews"),
                hostileString().map(value -> "/api/events?page=" + encode(value)),
                hostileString().map(value -> "/api/events?size=" + encode(value)),
                outOfRange.map(size -> "/api/events?size=" + encode(size)));
    }

    /** Anything but a role's name, in any case: text, numbers, lists, nothing. */
    private static Gen<String> badRole() {
        return Gen.oneOf(
                hostileString()
                        .filter(value -> !Set.of("USER", "STAFF", "ADMIN")
                                .contains(value.strip().toUpperCase(Locale.ROOT)))
                        .map(JsonBodies::text),
                Gen.of("null", "1", "[\"STAFF\"]", "{\"name\": \"STAFF\"}", "true"));
    }

    private static ApiRequest post(String path, String body, boolean asAdmin) {
        return new ApiRequest("POST", path, body, asAdmin);
    }

    private static Gen<ApiRequest> field(ApiRequest request, String field, Gen<String> values) {
        return values.map(value -> new ApiRequest(
                request.method(), request.path(), with(request.body(), field, value), request.asAdmin()));
    }

    /**
     * The valid body cut short, with garbage after it, with a raw control character inside (Jackson reads a NUL after
     * the end of a document as its end, a habit of C buffers, so none goes last), or far too large.
     */
    private static Gen<ApiRequest> malformed(ApiRequest request) {
        var body = request.body();
        Gen<String> broken = Gen.oneOf(
                Gen.ints(0, body.length() - 1).map(end -> body.substring(0, end)),
                Gen.strings(Gen.chars('!', '~'), 1, 20)
                        .filter(garbage -> !garbage.isBlank())
                        .map(garbage -> body + garbage),
                Gen.combine(
                        Gen.ints(1, body.length() - 1),
                        Gen.chars('\u0000', '\u0008'),
                        (at, control) -> body.substring(0, at) + control + body.substring(at)),
                Gen.ints(70_000, 200_000).map(size -> body.replaceFirst(":\\s*\"", ": \"" + "x".repeat(size))),
                Gen.ints(20_000, 60_000)
                        .map(count -> "{\"seats\": ["
                                + IntStream.range(0, count)
                                        .mapToObj(String::valueOf)
                                        .collect(Collectors.joining(","))
                                + "]}"),
                Gen.of("", "null", "[]", "\"text\"", "42", "<xml/>", "{\"a\":{\"b\":{\"c\":[[[[[]]]]]}}}"));
        // a body without a string value (a booking's) has nothing for the long-string variant to stretch
        return broken.filter(text -> !text.equals(body))
                .map(text -> new ApiRequest(request.method(), request.path(), text, request.asAdmin()));
    }
}
