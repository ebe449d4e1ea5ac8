package io.seatwise.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.StoredState;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a browser relies on: CSRF tokens on every form, a new session at sign-in, cookies that scripts cannot read and
 * other sites do not send, headers that forbid inline script, sniffing and framing, and every piece of user text
 * escaped wherever it is shown.
 */
class WebSecurityTest extends ApplicationTest {

    private static final String SCRIPT = "<script>alert('xss')</script>";
    private static final String IMAGE = "\"><img src=x onerror=alert(1)>";
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    /** An event handler attribute; escaped text such as {@code onerror=alert(1)&gt;} has no quote after the sign. */
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*[\"']", Pattern.CASE_INSENSITIVE);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        var admin = api.createVenue(adminToken(), "Forgery Hall", 2, 2);
        var event = api.scheduleEvent(adminToken(), admin, "Forgery Night", inDays(6));
        eventually(() -> api.get("/api/events/" + event + "/seats").status() == 200);
        var browser = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        var forms = Map.<String, Map<String, ?>>of(
                "/events/" + event + "/book",
                Map.of("seats", List.of(1)),
                "/events/" + event + "/reviews",
                Map.of("rating", 5, "text", "Forged"),
                "/bookings/" + event + "/cancel",
                Map.of(),
                "/admin/venues/new",
                Map.of("name", "Forged", "city", "X", "rows", 1, "seatsPerRow", 1),
                "/admin/events/new",
                Map.of("venueId", admin, "title", "Forged", "startsAt", "2099-01-01T20:00"),
                "/admin/operations/rebuild",
                Map.of(),
                "/register",
                Map.of("displayName", "Forged", "email", "forged@example.com", "password", "long-password"),
                "/logout",
                Map.of());
        var storedBefore = StoredState.of(jdbc);

        forms.forEach((path, fields) -> assertThat(
                        browser.postWithoutCsrfToken(path, fields).status())
                .as("POST " + path + " without its CSRF token")
                .isEqualTo(403));

        assertThat(StoredState.of(jdbc)).isEqualTo(storedBefore);
        assertThat(browser.get("/admin").status()).as("still signed in").isEqualTo(200);
        var signIn = new BrowserSession(port);
        signIn.get("/login");
        assertThat(signIn.postWithoutCsrfToken("/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void signingInStartsANewSessionAndTheOldOneStaysAnonymous() {
        var browser = new BrowserSession(port);
        browser.get("/login");
        var before = browser.cookie("JSESSIONID");
        assertThat(before).isNotNull();

        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var after = browser.cookie("JSESSIONID");
        assertThat(after).isNotNull().isNotEqualTo(before);
        var planted = new BrowserSession(port).get("/admin", "Cookie", "JSESSIONID=" + before);
        assertThat(planted.status()).as("the session id from before").isEqualTo(302);
        assertThat(planted.location()).endsWith("/login");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteAndSecureBehindTls() {
        var plain = new BrowserSession(port).get("/login");
        var cookie = plain.header("Set-Cookie");
        assertThat(cookie).contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(cookie).doesNotContain("Secure");

        var behindTls = new BrowserSession(port).get("/login", "X-Forwarded-Proto", "https");
        assertThat(behindTls.header("Set-Cookie")).contains("HttpOnly", "SameSite=Lax", "Secure");
        assertThat(behindTls.header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void everyKindOfAnswerCarriesTheProtectiveHeaders() {
        var browser = BrowserSession.signedInUser(api, "Hedda");
        var answers = Map.of(
                "page", browser.get("/"),
                "sign-in page", new BrowserSession(port).get("/login"),
                "error page", browser.get("/no-such-page"),
                "forbidden page", browser.get("/admin"),
                "stylesheet", browser.get("/css/seatwise.css"));
        answers.forEach((kind, page) -> {
            assertThat(page.header("Content-Security-Policy"))
                    .as(kind)
                    .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.header("X-Content-Type-Options")).as(kind).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).as(kind).isEqualTo("DENY");
            assertThat(page.header("Referrer-Policy")).as(kind).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.header("X-XSS-Protection")).as(kind).isEqualTo("1; mode=block");
        });
        var apiAnswer = api.get("/api/events");
        var apiError = api.get("/api/me/bookings");
        for (var answer : List.of(apiAnswer, apiError)) {
            var headers = answer.raw().headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void userTextIsEscapedOnEveryPageAndMailAndNeutralisedInCsv() throws IOException {
        var admin = adminToken();
        var venueId = api.createVenue(admin, "Hall " + SCRIPT, 2, 3);
        var eventId = api.post(
                        "/api/events",
                        Map.of(
                                "venueId",
                                venueId,
                                "title",
                                "Gig " + SCRIPT,
                                "description",
                                "About " + IMAGE,
                                "startsAt",
                                inDays(8).toString(),
                                "priceCents",
                                500),
                        admin)
                .json()
                .get("id")
                .asText();
        var email = "escape-" + System.nanoTime() + "@example.com";
        var name = "=HYPERLINK(\"x\") " + IMAGE;
        api.register(email, ApiClient.USER_PASSWORD, name);
        var user = api.token(email, ApiClient.USER_PASSWORD);
        eventually(() -> api.get("/api/events/" + eventId + "/seats").status() == 200);
        var bookingId =
                api.book(user, eventId, List.of(1)).json().get("bookingId").asText();
        api.post("/api/events/" + eventId + "/reviews", Map.of("rating", 3, "text", "Review " + SCRIPT), user);
        eventually(() -> api.get("/api/events/" + eventId + "/reviews").body().contains("Review"));
        var browser = BrowserSession.signedIn(api, email, ApiClient.USER_PASSWORD);
        var adminBrowser = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        var mailKey = "booking-confirmation:" + bookingId;
        eventually(() -> adminBrowser.get("/admin/mail/" + mailKey).status() == 200);
        eventually(() -> browser.get("/me/bookings").body().contains("Gig"));

        var pages = Map.of(
                "events", browser.get("/"),
                "event", browser.get("/events/" + eventId),
                "venue", browser.get("/venues/" + venueId),
                "my bookings", browser.get("/me/bookings"),
                "booking", browser.get("/bookings/" + bookingId),
                "dashboard", adminBrowser.get("/admin"),
                "new event form", adminBrowser.get("/admin/events/new"),
                "mail list", adminBrowser.get("/admin/mail"),
                "mail", adminBrowser.get("/admin/mail/" + mailKey),
                "mail HTML", adminBrowser.get("/admin/mail/" + mailKey + "/html"));
        pages.forEach((kind, page) -> {
            assertThat(page.status()).as(kind).isEqualTo(200);
            assertThat(page.body())
                    .as(kind)
                    .doesNotContain(SCRIPT)
                    .doesNotContain("<img src=x")
                    .containsAnyOf("&lt;script&gt;", "&lt;img src=x", "&quot;&gt;&lt;img");
            assertThat(INLINE_SCRIPT.matcher(page.body()).find())
                    .as(kind + " has no inline script")
                    .isFalse();
            assertThat(EVENT_HANDLER.matcher(page.body()).find())
                    .as(kind + " has no event handler attributes")
                    .isFalse();
        });
        assertThat(pages.get("event").body()).contains("Review &lt;script&gt;");
        assertThat(pages.get("my bookings").body()).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");

        var csv = api.get("/api/admin/export/users.csv", admin);
        var rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows.stream().flatMap(row -> row.toList().stream()))
                .contains("'" + name)
                .doesNotContain(name);
    }
}
