package io.seatwise.web.security;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static io.seatwise.web.security.RouteAccessTest.Access.ADMIN;
import static io.seatwise.web.security.RouteAccessTest.Access.PUBLIC;
import static io.seatwise.web.security.RouteAccessTest.Access.SIGNED_IN;
import static io.seatwise.web.security.RouteAccessTest.Access.STAFF;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.operations.Rebuilds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application has, asked by an anonymous visitor, a user and an admin: who is let through and who is
 * refused, and how (401 problem or sign-in page, 403). The routes come from Spring MVC's own handler mapping, so a
 * route added without an expectation here fails {@link #everyRouteHasAnExpectation}. Requests carry no valid input,
 * so those let through are refused by validation or answer as reads do, and nothing changes.
 */
class RouteAccessTest extends ApplicationTest {

    enum Access {
        PUBLIC,
        SIGNED_IN,
        /** Door staff and admins. */
        STAFF,
        ADMIN
    }

    /** Route ("METHOD pattern", or "* pattern" for one that answers any method) to who may use it. */
    private static final Map<String, Access> EXPECTED = Map.ofEntries(
            // pages
            entry("GET /", PUBLIC),
            entry("GET /login", PUBLIC),
            entry("GET /register", PUBLIC),
            entry("POST /register", PUBLIC),
            entry("GET /events/{id}", PUBLIC),
            entry("GET /events/{id}/seats/stream", PUBLIC),
            entry("GET /events/{id}/seats/availability", PUBLIC),
            entry("GET /venues/{id}", PUBLIC),
            entry("POST /events/{id}/book", SIGNED_IN),
            entry("POST /events/{id}/best-available", SIGNED_IN),
            entry("GET /bookings/{id}", SIGNED_IN),
            entry("POST /bookings/{id}/cancel", SIGNED_IN),
            entry("GET /me/bookings", SIGNED_IN),
            entry("GET /me/account", SIGNED_IN),
            entry("POST /events/{id}/waitlist", SIGNED_IN),
            entry("GET /me/waitlist", SIGNED_IN),
            entry("POST /me/waitlist/{id}/accept", SIGNED_IN),
            entry("POST /me/waitlist/{id}/leave", SIGNED_IN),
            entry("POST /me/account/language", SIGNED_IN),
            entry("POST /me/account/password", SIGNED_IN),
            entry("GET /me/verify-email", SIGNED_IN),
            entry("POST /me/verify-email", SIGNED_IN),
            entry("GET /verify-email", PUBLIC),
            entry("GET /password-reset", PUBLIC),
            entry("POST /password-reset", PUBLIC),
            entry("POST /password-reset/confirm", PUBLIC),
            entry("POST /{kind:events|venues}/{id}/reviews", SIGNED_IN),
            entry("POST /{kind:events|venues}/{id}/reviews/{reviewId}", SIGNED_IN),
            entry("POST /{kind:events|venues}/{id}/reviews/{reviewId}/delete", SIGNED_IN),
            entry("GET /events/{id}/door", STAFF),
            entry("GET /admin", ADMIN),
            entry("GET /admin/venues/new", ADMIN),
            entry("POST /admin/venues/new", ADMIN),
            entry("GET /admin/venues/{id}/edit", ADMIN),
            entry("POST /admin/venues/{id}/edit", ADMIN),
            entry("GET /admin/events/new", ADMIN),
            entry("POST /admin/events/new", ADMIN),
            entry("GET /admin/events/{id}", ADMIN),
            entry("POST /admin/events/{id}/edit", ADMIN),
            entry("POST /admin/events/{id}/reschedule", ADMIN),
            entry("POST /admin/events/{id}/cancel", ADMIN),
            entry("GET /admin/mail", ADMIN),
            entry("GET /admin/mail/{key}", ADMIN),
            entry("GET /admin/mail/{key}/html", ADMIN),
            entry("POST /admin/mail/{key}/resend", ADMIN),
            entry("GET /admin/dead-letters", ADMIN),
            entry("POST /admin/dead-letters/{id}/retry", ADMIN),
            entry("POST /admin/dead-letters/{id}/drop", ADMIN),
            entry("GET /admin/operations", ADMIN),
            entry("GET /admin/operations/status", ADMIN),
            entry("POST /admin/operations/rebuild", ADMIN),
            entry("GET /admin/users", ADMIN),
            entry("GET /admin/bookings", ADMIN),
            entry("POST /admin/users/{id}/role", ADMIN),
            // JSON API
            entry("POST /api/users", PUBLIC),
            entry("POST /api/auth/token", PUBLIC),
            entry("GET /api/venues", PUBLIC),
            entry("GET /api/venues/{id}", PUBLIC),
            entry("PUT /api/venues/{id}", ADMIN),
            entry("POST /api/venues", ADMIN),
            entry("GET /api/events", PUBLIC),
            entry("GET /api/events/{id}", PUBLIC),
            entry("GET /api/events/{id}/seats", PUBLIC),
            entry("POST /api/events", ADMIN),
            entry("PATCH /api/events/{id}", ADMIN),
            entry("POST /api/events/{id}/cancel", ADMIN),
            entry("POST /api/events/{id}/bookings", SIGNED_IN),
            entry("DELETE /api/bookings/{bookingId}", SIGNED_IN),
            entry("GET /api/bookings/{bookingId}", SIGNED_IN),
            entry("GET /api/bookings/{bookingId}/tickets.pdf", SIGNED_IN),
            entry("GET /api/bookings/{bookingId}/calendar.ics", SIGNED_IN),
            entry("GET /api/me/bookings", SIGNED_IN),
            entry("PUT /api/me/language", SIGNED_IN),
            entry("POST /api/events/{id}/waitlist", SIGNED_IN),
            entry("GET /api/me/waitlist", SIGNED_IN),
            entry("POST /api/waitlist/{id}/accept", SIGNED_IN),
            entry("DELETE /api/waitlist/{id}", SIGNED_IN),
            entry("PUT /api/me/password", SIGNED_IN),
            entry("POST /api/users/verify", PUBLIC),
            entry("POST /api/password-resets", PUBLIC),
            entry("POST /api/password-resets/confirm", PUBLIC),
            entry("POST /api/events/{id}/reviews", SIGNED_IN),
            entry("POST /api/venues/{id}/reviews", SIGNED_IN),
            entry("GET /api/events/{id}/reviews", PUBLIC),
            entry("GET /api/venues/{id}/reviews", PUBLIC),
            entry("PUT /api/reviews/{id}", SIGNED_IN),
            entry("DELETE /api/reviews/{id}", SIGNED_IN),
            entry("GET /api/admin/stats", ADMIN),
            entry("GET /api/admin/stats/venues", ADMIN),
            entry("GET /api/admin/stats/daily", ADMIN),
            entry("GET /api/admin/stats/waitlists", ADMIN),
            entry("GET /api/admin/export/users.csv", ADMIN),
            entry("GET /api/admin/export/events.csv", ADMIN),
            entry("GET /api/admin/export/bookings.csv", ADMIN),
            entry("GET /api/admin/users", ADMIN),
            entry("GET /api/admin/bookings/{reference}", ADMIN),
            entry("PUT /api/admin/users/{id}/role", ADMIN),
            entry("GET /api/admin/dead-letters", ADMIN),
            entry("POST /api/admin/dead-letters/{id}/retry", ADMIN),
            entry("DELETE /api/admin/dead-letters/{id}", ADMIN),
            entry("POST /api/events/{id}/check-ins", STAFF),
            entry("GET /api/events/{id}/attendance", STAFF),
            entry("GET /api/events/{id}/door-list", STAFF),
            // Spring Boot's error page and the OpenAPI description
            entry("* /error", PUBLIC),
            entry("GET /v3/api-docs", PUBLIC),
            entry("GET /v3/api-docs.yaml", PUBLIC),
            entry("GET /v3/api-docs/swagger-config", PUBLIC),
            entry("GET /swagger-ui.html", PUBLIC));

    /** Routes outside Spring MVC's handler mapping (actuator endpoints), checked all the same. */
    private static final Map<String, Access> ACTUATOR =
            Map.of("GET /actuator/health", PUBLIC, "GET /actuator/info", ADMIN, "GET /actuator/prometheus", ADMIN);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private static String eventId;
    private static String venueId;
    private static String userToken;
    private static String adminToken;
    private static String staffToken;
    private static BrowserSession staffBrowser;
    private static BrowserSession userBrowser;
    private static BrowserSession adminBrowser;

    @BeforeEach
    void fixtures() {
        if (eventId != null) {
            return;
        }
        adminToken = adminToken();
        venueId = api.createVenue(adminToken, "Access Hall", 2, 2);
        eventId = api.scheduleEvent(adminToken, venueId, "Access Night", inDays(9));
        userToken = api.newUserToken("Una");
        userBrowser = BrowserSession.signedInUser(api, "Uma");
        adminBrowser = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        var staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        var staffId = api.register(staffEmail, ApiClient.USER_PASSWORD, "Stew");
        var made = api.put("/api/admin/users/" + staffId + "/role", Map.of("role", "STAFF"), adminToken);
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        staffToken = api.token(staffEmail, ApiClient.USER_PASSWORD);
        staffBrowser = BrowserSession.signedIn(api, staffEmail, ApiClient.USER_PASSWORD);
        eventually(() -> api.get("/api/events/" + eventId + "/seats").status() == 200);
    }

    @Test
    void everyRouteHasAnExpectation() {
        var routes = new TreeSet<String>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add("* " + pattern);
                }
                methods.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        });

        assertThat(routes).as("routes of the application").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void nobodyButTheBookerReadsOrCancelsABooking() {
        var owner = api.newUserToken("Owen");
        var booked = api.book(owner, eventId, List.of(1));
        assertThat(booked.status()).isEqualTo(201);
        var bookingId = booked.json().get("bookingId").asText();
        var other = BrowserSession.signedInUser(api, "Olga");

        assertProblem(api.delete("/api/bookings/" + bookingId, userToken), 403, "not");
        assertProblem(api.delete("/api/bookings/" + bookingId, adminToken), 403, "not");
        assertThat(api.get("/api/me/bookings", userToken).body()).doesNotContain(bookingId);
        assertThat(other.get("/bookings/" + bookingId).status()).isEqualTo(404);
        other.get("/me/bookings");
        other.post("/bookings/" + bookingId + "/cancel", Map.of());
        assertThat(other.get("/me/bookings").body()).contains("That booking is not one of yours.");

        eventually(() -> api.get("/api/me/bookings", owner).body().contains(bookingId));
        assertThat(api.get("/api/me/bookings", owner)
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        // the seat map is another projection, which may not have caught up with "my bookings" yet
        eventually(() -> api.bookedSeats(eventId).contains(1));
    }

    @Test
    void nobodyButTheAuthorEditsOrDeletesAReview() {
        var author = api.newUserToken("Ava");
        assertThat(api.book(author, eventId, List.of(2)).status()).isEqualTo(201);
        var written = api.post("/api/events/" + eventId + "/reviews", Map.of("rating", 4, "text", "Mine"), author);
        assertThat(written.status()).isEqualTo(201);
        var reviewId = written.json().get("id").asText();
        var edit = Map.of("rating", 1, "text", "Not yours");

        assertProblem(api.put("/api/reviews/" + reviewId, edit, userToken), 403, "only the author");
        assertProblem(api.put("/api/reviews/" + reviewId, edit, adminToken), 403, "only the author");
        assertProblem(api.delete("/api/reviews/" + reviewId, userToken), 403, "only the author");
        assertProblem(api.delete("/api/reviews/" + reviewId, adminToken), 403, "only the author");
        var other = BrowserSession.signedInUser(api, "Otto");
        other.post("/events/" + eventId + "/reviews/" + reviewId, edit);
        other.post("/events/" + eventId + "/reviews/" + reviewId + "/delete", Map.of());

        eventually(() -> api.get("/api/events/" + eventId + "/reviews").body().contains(reviewId));
        var review = api.get("/api/events/" + eventId + "/reviews").json().get(0);
        assertThat(review.get("text").asText()).isEqualTo("Mine");
        assertThat(review.get("rating").asInt()).isEqualTo(4);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteLetsInExactlyTheRolesItExpects() {
        return Stream.concat(EXPECTED.entrySet().stream(), ACTUATOR.entrySet().stream())
                .sorted(Map.Entry.comparingByKey())
                .map(route -> DynamicTest.dynamicTest(
                        route.getKey() + " is " + route.getValue(), () -> check(route.getKey(), route.getValue())));
    }

    private void check(String route, Access access) {
        var method = route.substring(0, route.indexOf(' '));
        var path = concrete(route.substring(route.indexOf(' ') + 1));
        if (method.equals("*")) {
            method = "GET";
        }
        if (isApi(path)) {
            checkApi(method, path, access);
        } else {
            checkPage(method, path, access);
        }
    }

    private void checkApi(String method, String path, Access access) {
        var body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        var anonymous = api.send(method, path, body, null);
        var user = api.send(method, path, body, userToken);
        var admin = api.send(method, path, body, adminToken);
        var staff = api.send(method, path, body, staffToken);

        assertLetThrough("anonymous", anonymous.status(), access == PUBLIC, 401, anonymous.body());
        assertLetThrough("user", user.status(), access != ADMIN && access != STAFF, 403, user.body());
        assertLetThrough("staff", staff.status(), access != ADMIN, 403, staff.body());
        assertLetThrough("admin", admin.status(), true, 403, admin.body());
    }

    private void checkPage(String method, String path, Access access) {
        var anonymousBrowser = new BrowserSession(port);
        anonymousBrowser.get("/login");
        var anonymous = page(anonymousBrowser, method, path);
        var user = page(userBrowser, method, path);
        var admin = page(adminBrowser, method, path);
        var staff = page(staffBrowser, method, path);

        if (access == PUBLIC) {
            assertLetThrough("anonymous", anonymous.status(), true, 302, anonymous.body());
            assertThat(sentToSignIn(anonymous))
                    .as("anonymous sent to sign in on " + path)
                    .isFalse();
        } else {
            assertThat(sentToSignIn(anonymous))
                    .as("anonymous sent to sign in on " + path)
                    .isTrue();
        }
        assertLetThrough("user", user.status(), access != ADMIN && access != STAFF, 403, user.body());
        assertThat(sentToSignIn(user)).as("user sent to sign in on " + path).isFalse();
        assertLetThrough("staff", staff.status(), access != ADMIN, 403, staff.body());
        assertThat(sentToSignIn(staff)).as("staff sent to sign in on " + path).isFalse();
        assertLetThrough("admin", admin.status(), true, 403, admin.body());
        assertThat(sentToSignIn(admin)).as("admin sent to sign in on " + path).isFalse();
        if (path.equals("/admin/operations/rebuild")) {
            // the admin started a rebuild of the read models: let it finish before other tests read them
            Rebuilds.awaitDone(adminBrowser, Rebuilds.runOf(admin), Duration.ofSeconds(60));
        }
    }

    /** Let through means answered by the route (anything but the refusal and a server error); else the refusal. */
    private static void assertLetThrough(String who, int status, boolean letThrough, int refusal, String body) {
        if (letThrough) {
            assertThat(status)
                    .as(who + " is let through, answered: " + body)
                    .isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(status).as(who + " is refused, answered: " + body).isEqualTo(refusal);
        }
    }

    private static boolean sentToSignIn(BrowserSession.Page page) {
        return page.status() == 302
                && page.location() != null
                && page.location().endsWith("/login");
    }

    private static BrowserSession.Page page(BrowserSession browser, String method, String path) {
        if (path.endsWith("/stream")) {
            // asked of an event that does not exist, the stream is answered at once (404, not a refusal); one left
            // open would hold the server's graceful shutdown until it gives up
            return browser.openStream(path.replace(eventId, UUID.randomUUID().toString()));
        }
        return method.equals("POST") ? browser.post(path, Map.of()) : browser.get(path);
    }

    /** A path to ask: the test's event or venue for their ids, ids that name nothing for the rest. */
    private static String concrete(String pattern) {
        var path = pattern.replace("{kind:events|venues}/{id}", "events/" + eventId);
        path = path.replaceAll("^(/api)?/events/\\{id}", "$1/events/" + eventId);
        path = path.replaceAll("^(/api)?/venues/\\{id}", "$1/venues/" + venueId);
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/");
    }
}
