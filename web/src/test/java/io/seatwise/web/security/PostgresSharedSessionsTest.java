package io.seatwise.web.security;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.Chromium;
import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Browser sessions on two nodes that share one PostgreSQL database, as a load balancer without sticky sessions sends a
 * browser's requests to either: the sign-in form that one node showed signs in on the other (under a new session id),
 * a signed-in browser stays signed in and posts forms wherever its requests land, signing out and a changed password
 * end the session on both, the form's wrong passwords count on both, an anonymous look at the public pages keeps no
 * session, and a page view reads its session without writing it. One pair of nodes serves every test here.
 */
@NeedsPostgreSql
class PostgresSharedSessionsTest {

    private static final String PASSWORD = ApiClient.USER_PASSWORD;
    private static final String NEW_PASSWORD = "another-long-sentence";
    private static final int WRONG_PASSWORDS = 5;

    private static PostgresDatabase database;
    private static StandaloneApplication nodeA;
    private static StandaloneApplication nodeB;
    private static ApiClient a;
    private static ApiClient b;

    @BeforeAll
    static void twoNodes() throws Exception {
        database = PostgresDatabase.create("sessions");
        var nodes = StandaloneApplication.startTwoNodes(database.settings());
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
        a = nodeA.api();
        b = nodeB.api();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theSignInFormOfOneNodeSignsInOnTheOther() {
        var email = newAccount("Fern");
        var browser = new BrowserSession(nodeA.port());
        browser.get("/login");
        var formsSession = browser.cookie("JSESSIONID");

        var signedIn = browser.via(nodeB.port()).post("/login", Map.of("email", email, "password", PASSWORD));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(browser.cookie("JSESSIONID")).as("a new session id").isNotEqualTo(formsSession);
        assertThat(new BrowserSession(nodeA.port())
                        .get("/me/account", "Cookie", "JSESSIONID=" + formsSession)
                        .location())
                .as("the form's session id, still anonymous")
                .endsWith("/login");
        assertThat(browser.via(nodeA.port()).get("/me/account").status()).isEqualTo(200);
        var changed = browser.via(nodeB.port()).post("/me/account/language", Map.of("language", "en"));
        assertThat(changed.location()).as("a form of node A posted to node B").endsWith("/me/account");
        var notice = browser.via(nodeA.port()).get("/me/account");
        assertThat(notice.body()).as("the notice node B left in the session").contains("alert-success");
    }

    @Test
    void aBrowserStaysSignedInWhicheverNodeAnswersAndSignsOutOnBoth() {
        Chromium.assumeInstalled();
        var email = newAccount("Gwen");
        var event = newEvent("Either node");
        try (var chromium = Chromium.start()) {
            var driver = chromium.driver();
            chromium.signIn(a.baseUrl(), email, PASSWORD);

            driver.get(b.baseUrl() + "/me/account");
            assertThat(find(chromium, "[data-action=change-password]").isDisplayed())
                    .as("signed in on node B")
                    .isTrue();
            var nodes = List.of(b, a, b);
            for (int booking = 0; booking < nodes.size(); booking++) {
                var node = nodes.get(booking);
                var seat = 3 + booking;
                driver.get(node.baseUrl() + "/events/" + event);
                click(chromium, find(chromium, "[data-seat=\"" + seat + "\"]:not(:disabled)"));
                click(chromium, find(chromium, "[data-action=book]"));
                chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bookings/"));
                assertThat(find(chromium, "[data-confirmation]").isDisplayed())
                        .as("booked on %s", node.baseUrl())
                        .isTrue();
            }
            chromium.screenshot("sessions-1-booked-on-either-node");

            driver.get(a.baseUrl() + "/me/account");
            click(chromium, find(chromium, "form[action$='/logout'] button"));
            chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("signedOut"));

            for (var node : List.of(a, b)) {
                driver.get(node.baseUrl() + "/me/account");
                chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
            }
        }
    }

    @Test
    void signingOutOnOneNodeSignsOutOnTheOther() {
        var email = newAccount("Hugo");
        var browser = BrowserSession.signedIn(a, email, PASSWORD);
        assertThat(browser.via(nodeB.port()).get("/me/account").status()).isEqualTo(200);

        var signedOut = browser.post("/logout", Map.of());

        assertThat(signedOut.location()).endsWith("/?signedOut");
        assertThat(browser.via(nodeA.port()).get("/me/account").location()).endsWith("/login");
    }

    @Test
    void aPasswordChangedOnOneNodeEndsTheOtherSessionsOnTheOtherNode() {
        var email = newAccount("Ines");
        var elsewhere = BrowserSession.signedIn(b, email, PASSWORD);
        var here = BrowserSession.signedIn(a, email, PASSWORD);
        here.get("/me/account");

        var changed =
                here.post("/me/account/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(changed.location()).endsWith("/me/account");
        assertThat(here.via(nodeB.port()).get("/me/account").status())
                .as("the session that changed it, on the other node")
                .isEqualTo(200);
        eventually(Duration.ofSeconds(5), () -> {
            var page = elsewhere.get("/me/account");
            return page.status() == 302 && page.location().endsWith("/login");
        });
        assertThat(elsewhere.via(nodeA.port()).get("/me/account").location()).endsWith("/login");
    }

    @Test
    void wrongPasswordsOnTheSignInFormCountOnBothNodes() {
        var email = newAccount("Jo");
        var browser = new BrowserSession(nodeA.port());
        for (int attempt = 0; attempt < WRONG_PASSWORDS; attempt++) {
            browser.via(attempt % 2 == 0 ? nodeA.port() : nodeB.port()).get("/login");
            var refused = browser.post("/login", Map.of("email", email, "password", "wrong-" + attempt));
            assertThat(refused.location()).endsWith("/login?error");
        }

        for (var node : List.of(nodeA, nodeB)) {
            browser.via(node.port()).get("/login");
            var throttled = browser.post("/login", Map.of("email", email, "password", PASSWORD));
            assertThat(throttled.status()).as("the right password, too late").isEqualTo(429);
        }
    }

    @Test
    void anAnonymousLookAtThePublicPagesKeepsNoSession() throws SQLException {
        var event = newEvent("Looked at");
        var venue = a.event(event).orElseThrow().get("venueId").asText();
        // the read side of both nodes shows the event and its venue (it follows the event store a moment later)
        eventually(
                Duration.ofSeconds(10),
                () -> Stream.of(a, b)
                        .allMatch(api -> api.get("/api/events/" + event).status() == 200
                                && api.get("/api/venues/" + venue).status() == 200));
        var before = sessionRows();

        for (var node : List.of(nodeA, nodeB)) {
            var visitor = new BrowserSession(node.port());
            for (var page : List.of("/", "/events/" + event, "/venues/" + venue)) {
                assertThat(visitor.get(page).status()).as(page).isEqualTo(200);
            }
            assertThat(visitor.cookie("JSESSIONID")).isNull();
        }

        assertThat(sessionRows()).isEqualTo(before);
    }

    @Test
    void aPageViewReadsItsSessionWithoutWritingIt() throws SQLException {
        var browser = BrowserSession.signedIn(a, newAccount("Kai"), PASSWORD);
        var id = new String(Base64.getDecoder().decode(browser.cookie("JSESSIONID")), StandardCharsets.UTF_8);
        var version = rowVersion(id);

        for (int view = 0; view < 6; view++) {
            var page = browser.via(view % 2 == 0 ? nodeB.port() : nodeA.port()).get("/me/bookings");
            assertThat(page.status()).isEqualTo(200);
        }

        assertThat(rowVersion(id)).as("the session's row, never updated").isEqualTo(version);
    }

    private static String newAccount(String name) {
        var email = name.toLowerCase() + "-" + System.nanoTime() + "@example.com";
        a.register(email, PASSWORD, name);
        return email;
    }

    private static String newEvent(String title) {
        var admin = a.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        var venue = a.createVenue(admin, title + " hall", 1, 8);
        var event = a.scheduleEvent(admin, venue, title, Instant.now().plus(Duration.ofDays(3)));
        // the first tests may run while the nodes still share out the catalog's segments
        eventually(
                Duration.ofSeconds(45),
                () -> a.event(event).isPresent() && b.event(event).isPresent());
        return event;
    }

    private static long sessionRows() throws SQLException {
        try (var connection = database.connect();
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM spring_session")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** PostgreSQL's transaction id of the row's current version: any UPDATE of the row changes it. */
    private static String rowVersion(String sessionId) throws SQLException {
        try (var connection = database.connect();
                var query = connection.prepareStatement("SELECT xmin::text FROM spring_session WHERE session_id = ?")) {
            query.setString(1, sessionId);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).as("the session's row").isTrue();
                return rows.getString(1);
            }
        }
    }

    private static void click(Chromium chromium, WebElement element) {
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private static WebElement find(Chromium chromium, String css) {
        return chromium.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }
}
