package io.seatwise.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sessions of the pages: signing up and signing in each start a new session, with a new CSRF token, so that an id or
 * token that a visitor had before (or that someone planted) is never the signed-in one. And, with verification off as
 * in every test application of this kind, a new account is mailed nothing and books at once.
 */
class AccountSessionsTest extends ApplicationTest {

    private static final String PASSWORD = "a-long-password";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signingUpStartsANewSessionWithANewCsrfTokenAndTheOldOneStaysAnonymous() {
        var browser = new BrowserSession(port);
        browser.get("/register");
        var before = browser.cookie("JSESSIONID");
        assertThat(before).as("the form's session, which holds its CSRF token").isNotNull();

        var registered = browser.post(
                "/register",
                Map.of(
                        "displayName",
                        "Sid",
                        "email",
                        "sid-" + System.nanoTime() + "@example.com",
                        "password",
                        PASSWORD));
        assertThat(registered.location()).endsWith("/");

        var after = browser.cookie("JSESSIONID");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/me/account").status()).as("signed in").isEqualTo(200);
        var planted = new BrowserSession(port).get("/me/account", "Cookie", "JSESSIONID=" + before);
        assertThat(planted.location()).as("the session id from before").endsWith("/login");
    }

    @Test
    void theCsrfTokenOfTheRegistrationFormNoLongerCountsOnceSignedUp() {
        var browser = new BrowserSession(port);
        browser.get("/register");
        browser.post(
                "/register",
                Map.of(
                        "displayName",
                        "Stu",
                        "email",
                        "stu-" + System.nanoTime() + "@example.com",
                        "password",
                        PASSWORD));

        // the browser still holds the registration form's token
        assertThat(browser.post("/me/account/language", Map.of("language", "de"))
                        .status())
                .isEqualTo(403);
        browser.get("/me/account");
        assertThat(browser.post("/me/account/language", Map.of("language", "de"))
                        .location())
                .endsWith("/me/account");
    }

    @Test
    void signingInStartsANewSessionWithANewCsrfToken() {
        var email = "sia-" + System.nanoTime() + "@example.com";
        api.register(email, PASSWORD, "Sia");
        var browser = new BrowserSession(port);
        browser.get("/login");

        var signedIn = browser.post("/login", Map.of("email", email, "password", PASSWORD));
        assertThat(signedIn.location()).doesNotContain("error");

        // the browser still holds the sign-in form's CSRF token: it no longer counts
        var stale = browser.post("/me/account/language", Map.of("language", "de"));
        assertThat(stale.status()).isEqualTo(403);
        browser.get("/me/account");
        assertThat(browser.post("/me/account/language", Map.of("language", "de"))
                        .location())
                .endsWith("/me/account");
    }

    @Test
    void withoutVerificationANewAccountIsMailedNothingAndBooksAtOnce() {
        var eventId = eventOnSale("Open Hall", 1, 5, "Open Night", 9);
        var email = "otto-" + System.nanoTime() + "@example.com";
        var accountId = api.register(email, PASSWORD, "Otto");

        assertThat(api.book(api.token(email, PASSWORD), eventId, List.of(1)).status())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM mail_outbox WHERE kind = 'EMAIL_VERIFICATION' AND booking_id = ?",
                        Integer.class,
                        accountId))
                .isZero();
        var found = api.get("/api/admin/users?email=" + email, adminToken()).json();
        assertThat(found.get(0).path("verified").asBoolean())
                .as("not verified, only not asked to")
                .isFalse();
    }
}
