package io.seatwise.web.security;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static io.seatwise.web.JsonBodies.text;

import io.seatwise.web.ApiClient;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.Gen;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generators of bad input for {@link BadApiInputTest} and {@link BadFormInputTest}: numbers out of range or of the
 * wrong type, text too long or hostile (SQL, HTML, path traversal, control characters, characters from every plane),
 * ids that name nothing. Each value is wrong in at least one way that must refuse it.
 */
final class BadInputs {

    static final List<String> HOSTILE = List.of(
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

    private BadInputs() {}

    /** The application's fixtures, made once per test class: an event with a booking and a review, and who may act. */
    record Fixture(
            String eventId,
            String venueId,
            String reviewId,
            String bookingId,
            String accountId,
            String userToken,
            String adminToken,
            BrowserSession user,
            BrowserSession admin) {

        static Fixture create(ApiClient api) {
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Property Hall", 5, 5);
            var event = api.scheduleEvent(
                    admin, venue, "Property Night", Instant.now().plus(Duration.ofDays(12)));
            var email = "property-" + System.nanoTime() + "@example.com";
            var account = api.register(email, ApiClient.USER_PASSWORD, "Pat");
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
            return new Fixture(
                    event,
                    venue,
                    review,
                    booking,
                    account,
                    user,
                    admin,
                    BrowserSession.signedIn(api, email, ApiClient.USER_PASSWORD),
                    BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD));
        }
    }

    static Gen<String> badNumber(long min, long max) {
        return Gen.oneOf(
                Gen.bigIntegers(BigInteger.valueOf(max).add(BigInteger.ONE), BigInteger.TEN.pow(40))
                        .map(BigInteger::toString),
                Gen.bigIntegers(BigInteger.TEN.pow(40).negate(), BigInteger.valueOf(min - 1))
                        .map(BigInteger::toString),
                Gen.of("1.5", "1e309", "-1e309", "2.0", "true", "null", "[]", "[1]", "{}"),
                hostileString().map(value -> text(value)));
    }

    static Gen<String> badText(int maxLength, boolean required) {
        var wrongType = Gen.of("5", "-1.5", "true", "[\"a\"]", "{\"a\": 1}");
        var tooLong = Gen.strings(Gen.anyChar(), maxLength + 1, maxLength + 300)
                .filter(value -> value.codePointCount(0, value.length()) > maxLength)
                .map(value -> text(value));
        var hostileList = hostileString()
                .list(1, 5)
                .map(values -> values.stream().map(value -> text(value)).collect(Collectors.joining(",", "[", "]")));
        return required
                ? Gen.oneOf(wrongType, tooLong, hostileList, Gen.of("null", "\"\"", "\"  \\n\\t \""))
                : Gen.oneOf(wrongType, tooLong, hostileList);
    }

    static Gen<String> badEmail() {
        return Gen.oneOf(
                badText(254, true),
                hostileString().filter(value -> !value.contains("@")).map(value -> text(value)));
    }

    static Gen<String> badPassword() {
        return Gen.oneOf(
                Gen.strings(Gen.anyChar(), 0, 7).map(value -> text(value)),
                Gen.strings(Gen.chars('a', 'z'), 73, 500).map(value -> text(value)),
                Gen.of("12345678", "true", "null", "[\"a-long-password\"]", "\"password1\"", "\"iloveyou\""));
    }

    static Gen<String> badId() {
        return Gen.oneOf(hostileString().map(value -> text(value)), Gen.of("5", "true", "null", "[]", "{}", "\"\""));
    }

    static Gen<String> badTime() {
        return Gen.oneOf(
                hostileString().map(value -> text(value)),
                Gen.of(
                        "\"2000-01-01T20:00:00Z\"",
                        "\"2099-13-01T20:00:00Z\"",
                        "\"2099-01-01\"",
                        "\"tomorrow\"",
                        "1893456000",
                        "null",
                        "[2099, 1, 1]"));
    }

    static Gen<String> badSeats() {
        return Gen.oneOf(
                Gen.of("[]", "null", "3", "\"3\"", "[[3]]", "[3, 3]", "[0]", "[-1]", "[26]", "[3.5]", "{}"),
                Gen.ints(26, Integer.MAX_VALUE).list(1, 5).map(List::toString),
                Gen.ints(3, 25).uniqueList(11, 23).map(List::toString),
                Gen.bigIntegers(BigInteger.TWO.pow(31), BigInteger.TEN.pow(30)).map(big -> "[" + big + "]"),
                hostileString().map(value -> "[" + text(value) + "]"));
    }

    /** Hostile text, or any text at all with control characters and characters from every plane. */
    static Gen<String> hostileString() {
        return Gen.frequency(
                Gen.weight(3, Gen.of(HOSTILE)),
                Gen.weight(1, Gen.strings(Gen.anyChar(), 0, 40)),
                Gen.weight(1, Gen.strings(Gen.chars('\u0000', '\u001f'), 1, 10)));
    }

    /** A path segment, URL-encoded, that names nothing. */
    static Gen<String> hostileId() {
        return Gen.oneOf(
                hostileString().filter(value -> !value.isEmpty()).map(BadInputs::encode),
                Gen.strings(Gen.chars('a', 'z'), 65, 3000));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Gen<String> badFormPassword() {
        return Gen.oneOf(
                Gen.strings(Gen.anyChar(), 0, 7),
                Gen.strings(Gen.chars('a', 'z'), 73, 300),
                Gen.of("password1", "iloveyou", "sunshine", "PASSWORD1"));
    }
}
