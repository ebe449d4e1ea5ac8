package io.seatwise.web.security;

import static io.seatwise.web.ProblemAssertions.assertNoInternals;
import static io.seatwise.web.SeededProperties.forAll;
import static io.seatwise.web.security.BadInputs.HOSTILE;
import static io.seatwise.web.security.BadInputs.badFormPassword;
import static io.seatwise.web.security.BadInputs.hostileId;
import static io.seatwise.web.security.BadInputs.hostileString;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.FutureDates;
import io.seatwise.web.Gen;
import io.seatwise.web.StoredState;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated bad input for every form of the browser UI: text too long or hostile, numbers that are none, ids that name
 * nothing, bodies over the size limit. Each must be answered with a friendly page, never a 5xx, without a trace of the
 * server's insides, with user text escaped, and must store nothing. The inputs come from a fixed seed ({@link
 * io.seatwise.web.SeededProperties}), which a failure prints.
 */
class BadFormInputTest extends ApplicationTest {

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

    /** A form post: path, fields, and whether an admin sends it (else a signed-in user, or nobody for /register). */
    record FormPost(String path, Map<String, String> fields, String as) {}

    @Test
    void formsRefuseBadInputWithAFriendlyPageAndChangeNothing() {
        forAll(TRIES, badFormPosts(), post -> {
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
        });
    }

    private static Gen<FormPost> badFormPosts() {
        var text = hostileString();
        var notANumber = Gen.oneOf(
                hostileString().filter(value -> !value.strip().matches("-?\\d+")),
                Gen.bigIntegers(BigInteger.valueOf(201), BigInteger.TEN.pow(30)).map(BigInteger::toString),
                Gen.of("0", "-1", "1.5", "1e3", ""));
        var event = "/events/" + fixture.eventId();
        return Gen.oneOf(
                Gen.combine(
                        text,
                        text,
                        badFormPassword(),
                        (name, email, password) -> form(
                                "/register", "anonymous", "displayName", name, "email", email, "password", password)),
                Gen.combine(
                        text,
                        text,
                        notANumber,
                        (name, city, rows) -> form(
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
                Gen.combine(
                        text,
                        text,
                        notANumber,
                        (title, description, price) -> form(
                                "/admin/events/new",
                                "admin",
                                "venueId",
                                fixture.venueId(),
                                "title",
                                title,
                                "description",
                                description,
                                "startsAt",
                                FutureDates.local("01-01T20:00"),
                                "price",
                                price.isEmpty() ? "x" : price + "e")),
                badLayouts()
                        .map(layout ->
                                form("/admin/venues/new", "admin", "name", "Hall", "city", "Derby", "layout", layout)),
                notANumber.map(price -> form(
                        "/admin/events/new",
                        "admin",
                        "venueId",
                        fixture.venueId(),
                        "title",
                        "Gala",
                        "startsAt",
                        FutureDates.local("01-01T20:00"),
                        "pricing",
                        "categories",
                        "categoryPrice_" + fixture.venueId() + "_S",
                        price.isEmpty() ? "x" : price + "e")),
                notANumber.map(seat -> form(event + "/book", "user", "seats", seat.isEmpty() ? "x" : seat)),
                Gen.combine(
                        notANumber,
                        text,
                        (rating, review) -> form(event + "/reviews", "user", "rating", rating, "text", review)),
                Gen.combine(
                        notANumber,
                        text,
                        (rating, review) -> form(
                                event + "/reviews/" + fixture.reviewId(), "user", "rating", rating, "text", review)),
                hostileId().map(id -> form(event + "/reviews/" + id + "/delete", "user")),
                hostileId().map(id -> form("/bookings/" + id + "/cancel", "user")),
                hostileId().map(id -> form("/admin/mail/" + id + "/resend", "admin")),
                hostileId().map(id -> form("/admin/users/" + id + "/role", "admin", "role", "STAFF")),
                text.filter(role -> !Set.of("USER", "STAFF", "ADMIN")
                                .contains(role.strip().toUpperCase(Locale.ROOT)))
                        .map(role -> form(
                                "/admin/users/" + fixture.accountId() + "/role", "admin", "role", role, "email", role)),
                Gen.combine(
                        text,
                        text,
                        (email, password) -> form("/login", "anonymous", "email", email, "password", password)),
                Gen.ints(70_000, 150_000)
                        .map(size -> form(event + "/reviews", "user", "rating", "9", "text", "x".repeat(size))));
    }

    /**
     * Layouts that can never be valid: hostile text as the whole field, or put where no text is valid (a row with a
     * seat of an undefined category, a kind that is none, a code longer than one character).
     */
    private static Gen<String> badLayouts() {
        var text = hostileString();
        return Gen.oneOf(
                text,
                text.map(hostile -> layout("S", "standard", "S" + hostile + "X")),
                text.map(hostile -> layout("S", hostile, "SS")),
                text.filter(hostile -> hostile.length() != 1).map(hostile -> layout(hostile, "standard", "SS")));
    }

    private static String layout(String code, String kind, String seats) {
        return "{\"categories\": [{\"code\": " + TextNode.valueOf(code) + ", \"name\": \"Standard\", \"kind\": "
                + TextNode.valueOf(kind) + "}], \"sections\": [{\"name\": \"Main\", \"rows\": [{\"label\": \"A\", "
                + "\"seats\": " + TextNode.valueOf(seats) + "}]}]}";
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
