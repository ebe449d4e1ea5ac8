package io.seatwise.web.account;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.ShiftedClock;
import io.seatwise.web.api.DescribedProblems;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Passwords changed and reset over the API and the pages, with real mail and a clock the test moves on: a change needs
 * the current password and ends the account's other sessions and older tokens, keeping the session that made it; a
 * reset is asked for with the same answer for any address, and its mailed link works once, for an hour.
 */
class PasswordsTest extends MailedAccountsTest {

    private static final String PASSWORD = ApiClient.USER_PASSWORD;
    private static final String NEW_PASSWORD = "a-brand-new-sentence";
    private static final ShiftedClock CLOCK = new ShiftedClock();

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Test
    void aChangeNeedsTheCurrentPasswordAndANewOneByTheRulesOfRegistration() throws IOException {
        var email = uniqueEmail("Cora");
        api.register(email, PASSWORD, "Cora");
        var cora = api.token(email, PASSWORD);

        var wrong = api.put("/api/me/password", change("not-my-password", NEW_PASSWORD), cora);
        assertThat(assertProblem(wrong, 403).path("reason").asText()).isEqualTo("wrong-password");
        DescribedProblems.answersAsDescribed(
                api.get("/v3/api-docs").json(), "wrong-password", "put", "/api/me/password", wrong);
        var common = api.put("/api/me/password", change(PASSWORD, "password1"), cora);
        assertThat(assertProblem(common, 400, "newPassword").path("reason").asText())
                .isEqualTo("invalid-too-common");
        assertProblem(api.put("/api/me/password", change(PASSWORD, email), cora), 400, "newPassword");
        assertProblem(api.put("/api/me/password", change(PASSWORD, "short"), cora), 400, "newPassword");

        assertThat(api.get("/api/me/bookings", cora).status())
                .as("nothing changed")
                .isEqualTo(200);
        assertThat(api.token(email, PASSWORD)).isNotBlank();
    }

    @Test
    void wrongCurrentPasswordsAreThrottledPerClientAsWrongPasswordsAtSignInAre() {
        var email = uniqueEmail("Gus");
        api.register(email, PASSWORD, "Gus");
        var gus = api.token(email, PASSWORD);
        var thief = api.from("203.0.113.7");
        for (int guess = 0; guess < 5; guess++) {
            assertProblem(thief.put("/api/me/password", change("guess-" + guess, NEW_PASSWORD), gus), 403);
        }

        var throttled = thief.put("/api/me/password", change(PASSWORD, NEW_PASSWORD), gus);

        assertThat(assertProblem(throttled, 429).path("retryAfterSeconds").asLong())
                .isPositive();
        assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(api.token(email, PASSWORD))
                .as("the password was not changed by the sixth try, right as it was")
                .isNotBlank();
        var owner = api.from("198.51.100.2");
        assertThat(owner.put("/api/me/password", change(PASSWORD, NEW_PASSWORD), gus)
                        .status())
                .as("the owner, elsewhere, is never slowed by the thief's guesses")
                .isEqualTo(204);
    }

    @Test
    void aChangeOverTheApiRefusesEveryOlderTokenAndEndsTheSessions() {
        var email = uniqueEmail("Dan");
        api.register(email, PASSWORD, "Dan");
        var first = api.token(email, PASSWORD);
        var second = api.token(email, PASSWORD);
        var browser = BrowserSession.signedIn(api, email, PASSWORD);

        assertThat(api.put("/api/me/password", change(PASSWORD, NEW_PASSWORD), first)
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/me/bookings", first).status()).isEqualTo(401);
        assertThat(api.get("/api/me/bookings", second).status()).isEqualTo(401);
        assertThat(browser.get("/me/account").location()).endsWith("/login");
        assertThat(api.post("/api/auth/token", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/me/bookings", api.token(email, NEW_PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void aChangeOnTheAccountPageKeepsThatSessionAndEndsTheOthers() {
        var email = uniqueEmail("Eli");
        api.register(email, PASSWORD, "Eli");
        var token = api.token(email, PASSWORD);
        var other = BrowserSession.signedIn(api, email, PASSWORD);
        var here = BrowserSession.signedIn(api, email, PASSWORD);
        assertThat(here.get("/me/account").body()).contains("data-action=\"change-password\"");
        var before = here.cookie("JSESSIONID");

        var changed =
                here.post("/me/account/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(changed.location()).endsWith("/me/account");
        assertThat(here.cookie("JSESSIONID")).as("a new session id").isNotEqualTo(before);
        var page = here.get("/me/account");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your password is changed. Other browsers are signed out.");
        assertThat(other.get("/me/account").location()).endsWith("/login");
        assertThat(new BrowserSession(port)
                        .get("/me/account", "Cookie", "JSESSIONID=" + before)
                        .location())
                .endsWith("/login");
        assertThat(api.get("/api/me/bookings", token).status()).isEqualTo(401);
    }

    @Test
    void aWrongCurrentPasswordOnThePageChangesNothing() {
        var email = uniqueEmail("Fay");
        api.register(email, PASSWORD, "Fay");
        var browser = BrowserSession.signedIn(api, email, PASSWORD);
        browser.get("/me/account");

        browser.post("/me/account/password", Map.of("currentPassword", "not-it", "newPassword", NEW_PASSWORD));

        assertThat(browser.get("/me/account").body()).contains("Your current password is not right.");
        assertThat(api.token(email, PASSWORD)).isNotBlank();
    }

    @Test
    void aResetLinkIsMailedInTheAccountsLanguageAndWorksOnce() throws IOException {
        var email = uniqueEmail("Greta");
        var created = api.post(
                "/api/users", Map.of("email", email, "password", PASSWORD, "displayName", "Greta", "language", "de"));
        assertThat(created.status()).isEqualTo(201);
        var before = api.token(email, PASSWORD);
        var browser = BrowserSession.signedIn(api, email, PASSWORD);

        assertThat(api.post("/api/password-resets", Map.of("email", email.toUpperCase()))
                        .status())
                .isEqualTo(202);
        var link = mailedLink(email, RESET_LINK);
        assertThat(subject(link.mail())).isEqualTo("Ihr Seatwise-Passwort zurücksetzen");
        assertThat(text(link.mail())).contains("Guten Tag Greta,", "eine Stunde");

        var reset = Map.of("token", link.token(), "newPassword", NEW_PASSWORD);
        assertThat(api.post("/api/password-resets/confirm", reset).status()).isEqualTo(204);
        var again = api.post("/api/password-resets/confirm", Map.of("token", link.token(), "newPassword", PASSWORD));
        assertThat(assertProblem(again, 400).path("reason").asText()).isEqualTo("invalid-token");
        DescribedProblems.answersAsDescribed(
                api.get("/v3/api-docs").json(), "invalid-token", "post", "/api/password-resets/confirm", again);

        assertThat(api.post("/api/auth/token", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/me/bookings", api.token(email, NEW_PASSWORD)).status())
                .isEqualTo(200);
        assertThat(api.get("/api/me/bookings", before).status()).isEqualTo(401);
        assertThat(browser.get("/me/account").location())
                .as("every session ends")
                .endsWith("/login");
        var found = api.get("/api/admin/users?email=" + email, adminToken()).json();
        assertThat(found.get(0).path("verified").asBoolean())
                .as("the link went to the address")
                .isTrue();
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        var email = uniqueEmail("Hal");
        api.register(email, PASSWORD, "Hal");
        assertThat(api.post("/api/password-resets", Map.of("email", email)).status())
                .isEqualTo(202);
        var link = mailedLink(email, RESET_LINK);

        CLOCK.shift(Duration.ofMinutes(61));

        var late = api.post("/api/password-resets/confirm", Map.of("token", link.token(), "newPassword", NEW_PASSWORD));
        assertThat(assertProblem(late, 400).path("reason").asText()).isEqualTo("invalid-token");
        assertThat(api.token(email, PASSWORD)).isNotBlank();
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        var known = uniqueEmail("Ida");
        api.register(known, PASSWORD, "Ida");
        var unknown = uniqueEmail("Nobody");

        var forUnknown = api.post("/api/password-resets", Map.of("email", unknown));
        var forKnown = api.post("/api/password-resets", Map.of("email", known));

        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(headersBut(forUnknown, "date")).isEqualTo(headersBut(forKnown, "date"));
        // one worker handles the requests in order: once the known address's link is out, the unknown one is done
        mailedLink(known, RESET_LINK);
        assertThat(mailsTo(unknown)).isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetThroughThePages() {
        var email = uniqueEmail("Jo");
        api.register(email, PASSWORD, "Jo");
        var browser = new BrowserSession(port);
        assertThat(browser.get("/login").body()).contains("href=\"/password-reset\" data-action=\"forgot-password\"");

        browser.get("/password-reset");
        var asked = browser.post("/password-reset", Map.of("email", email));
        assertThat(asked.location()).endsWith("/password-reset");
        assertThat(browser.get("/password-reset").body())
                .contains("If an account has this address, a link is on its way");

        var link = mailedLink(email, RESET_LINK);
        var form = browser.get(link.path());
        assertThat(form.body()).contains("name=\"token\" value=\"" + link.token() + "\"");
        var saved = browser.post("/password-reset/confirm", Map.of("token", link.token(), "newPassword", NEW_PASSWORD));
        assertThat(saved.location()).endsWith("/login");
        assertThat(browser.get("/login").body()).contains("Your new password is saved.");
        assertThat(BrowserSession.signedIn(api, email, NEW_PASSWORD)
                        .get("/me/account")
                        .status())
                .isEqualTo(200);

        browser.get(link.path());
        var reused = browser.post("/password-reset/confirm", Map.of("token", link.token(), "newPassword", PASSWORD));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("This link does not work");
    }

    private static Map<String, String> change(String current, String next) {
        return Map.of("currentPassword", current, "newPassword", next);
    }

    private static Map<String, java.util.List<String>> headersBut(ApiClient.Response response, String left) {
        var headers = new TreeMap<String, java.util.List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.raw().headers().map());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(left));
        return headers;
    }
}
