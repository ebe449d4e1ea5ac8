package io.seatwise.web.account;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.command.account.AccountTokens;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.api.DescribedProblems;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verified addresses over the API and the pages, with real mail: a new account is mailed a link in its language; until
 * it follows the link it may sign in and look around, but booking and reviewing are refused (403 {@code
 * email-not-verified}, and on the pages a message that offers a new link); the link verifies once.
 */
class EmailVerificationTest extends MailedAccountsTest {

    private static final String PASSWORD = "a-long-password";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewAccountMayNotBookOrReviewUntilItFollowsTheLinkMailedInItsLanguage() throws IOException {
        var eventId = scheduled();
        var email = uniqueEmail("Vera");
        var registered = api.post(
                "/api/users", Map.of("email", email, "password", PASSWORD, "displayName", "Vera", "language", "de"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var accountId = registered.json().path("id").asText();
        var vera = api.token(email, PASSWORD);

        var booking = api.book(vera, eventId, List.of(3));
        assertThat(assertProblem(booking, 403).path("reason").asText()).isEqualTo("email-not-verified");
        DescribedProblems.answersAsDescribed(
                api.get("/v3/api-docs").json(), "email-not-verified", "post", "/api/events/{id}/bookings", booking);
        var review = api.post("/api/events/" + eventId + "/reviews", Map.of("rating", 5, "text", "Lovely"), vera);
        assertThat(assertProblem(review, 403).path("reason").asText()).isEqualTo("email-not-verified");
        var waiting = api.post("/api/events/" + eventId + "/waitlist", Map.of("count", 2), vera);
        assertThat(assertProblem(waiting, 403).path("reason").asText()).isEqualTo("email-not-verified");
        assertThat(verified(email)).isFalse();
        assertThat(api.get("/api/me/bookings", vera).status())
                .as("signed in all the same")
                .isEqualTo(200);

        var link = mailedLink(email, VERIFY_LINK);
        assertThat(subject(link.mail())).isEqualTo("Bitte bestätigen Sie Ihre E-Mail-Adresse");
        assertThat(text(link.mail())).contains("Guten Tag Vera,", "Meine Adresse bestätigen", PUBLIC_URL);
        assertThat(html(link.mail())).contains("href=\"" + PUBLIC_URL + link.path() + "\"");

        assertThat(api.post("/api/users/verify", Map.of("token", link.token())).status())
                .isEqualTo(204);
        assertThat(verified(email)).isTrue();
        var again = api.post("/api/users/verify", Map.of("token", link.token()));
        assertThat(assertProblem(again, 400).path("reason").asText()).isEqualTo("invalid-token");

        var booked = api.book(vera, eventId, List.of(3));
        assertThat(booked.status())
                .as("the token from before the link still books: " + booked.body())
                .isEqualTo(201);
        assertThat(jdbc.queryForList(
                        "SELECT token_hash FROM account_tokens WHERE account_id = ?", String.class, accountId))
                .as("the token is kept only as its hash")
                .containsExactly(AccountTokens.hash(link.token()));
        eventually(() -> jdbc
                .queryForList(
                        "SELECT text_body FROM mail_outbox WHERE kind = 'EMAIL_VERIFICATION' AND booking_id = ?",
                        String.class,
                        accountId)
                .stream()
                .allMatch(text -> text != null && !text.contains(link.token())));
    }

    @Test
    void adminsSeeAnAccountsLinkMailWithoutItsTokenOnceItWentOut() {
        var email = uniqueEmail("Wanda");
        var accountId = api.post("/api/users", Map.of("email", email, "password", PASSWORD, "displayName", "Wanda"))
                .json()
                .path("id")
                .asText();
        var link = mailedLink(email, VERIFY_LINK);
        var key = jdbc.queryForObject("SELECT mail_key FROM mail_outbox WHERE booking_id = ?", String.class, accountId);
        eventually(() -> "SENT"
                .equals(jdbc.queryForObject("SELECT status FROM mail_outbox WHERE mail_key = ?", String.class, key)));

        var admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.get("/admin/mail").body()).contains("Address verification");
        var detail = admin.get("/admin/mail/" + key);
        assertThat(detail.body())
                .contains("Please confirm your email address")
                .contains("verify-email?token=removed")
                .doesNotContain(link.token())
                .doesNotContain("data-action=\"resend\"");
        admin.post("/admin/mail/" + key + "/resend", Map.of());
        assertThat(jdbc.queryForObject("SELECT status FROM mail_outbox WHERE mail_key = ?", String.class, key))
                .isEqualTo("SENT");
        assertThat(mailsTo(email)).as("not sent again").hasSize(1);
    }

    @Test
    void aTokenThatNoLinkCarriesIsRefused() throws IOException {
        var description = api.get("/v3/api-docs").json();
        DescribedProblems.answersAsDescribed(
                description,
                "invalid-token",
                "post",
                "/api/users/verify",
                api.post("/api/users/verify", Map.of("token", AccountTokens.newToken())));
        assertThat(assertProblem(api.post("/api/users/verify", Map.of("token", "<script>")), 400)
                        .path("reason")
                        .asText())
                .isEqualTo("invalid-token");
    }

    @Test
    void theFirstAdminIsVerifiedAndMayBook() {
        var eventId = scheduled();
        assertThat(verified(ADMIN_EMAIL)).isTrue();
        assertThat(api.book(adminToken(), eventId, List.of(20)).status()).isEqualTo(201);
    }

    @Test
    void accountsTheTestsOpenAreVerifiedThroughTheirLink() {
        var eventId = scheduled();
        var email = uniqueEmail("Helper");
        api.register(email, PASSWORD, "Helper");

        assertThat(verified(email)).isTrue();
        assertThat(api.book(api.token(email, PASSWORD), eventId, List.of(19)).status())
                .isEqualTo(201);
    }

    @Test
    void theLinkInTheMailOpensAPageThatVerifiesAndTheBookingThatWasRefusedGoesThrough() {
        var eventId = eventOnSale("Verification Hall", 2, 10, "Proof Night", 12);
        var email = uniqueEmail("Paula");
        var browser = new BrowserSession(port);
        browser.get("/register");
        var registered =
                browser.post("/register", Map.of("displayName", "Paula", "email", email, "password", PASSWORD));
        assertThat(registered.location()).endsWith("/");
        assertThat(browser.get("/").body()).contains("We mailed you a link: follow it to confirm your address");

        browser.get("/events/" + eventId);
        var refused = browser.post("/events/" + eventId + "/book", Map.of("seats", List.of(5)));
        assertThat(refused.location()).contains("/events/" + eventId);
        assertThat(browser.get("/events/" + eventId).body())
                .contains("Please confirm your email address first: follow the link we mailed you.")
                .contains("href=\"/me/verify-email\" data-action=\"verify-email\"");

        var page = browser.get("/me/verify-email");
        assertThat(page.body())
                .contains("please confirm that " + email + " is your address")
                .contains("data-action=\"resend-verification\"");
        browser.post("/me/verify-email", Map.of());
        assertThat(browser.get("/me/verify-email").body())
                .as("a second link within the minute")
                .contains("We mailed you a link a moment ago.");

        var link = mailedLink(email, VERIFY_LINK);
        assertThat(mailsTo(email)).as("the refused second link").hasSize(1);
        var opened = new BrowserSession(port).get(link.path());
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/");
        var openedAgain = new BrowserSession(port).get(link.path());
        assertThat(openedAgain.status()).isEqualTo(400);
        assertThat(openedAgain.body()).contains("This link does not work: it is unknown, was used already");

        assertThat(browser.get("/me/account").body()).contains("data-verified=\"true\"");
        browser.get("/events/" + eventId);
        var booked = browser.post("/events/" + eventId + "/book", Map.of("seats", List.of(5)));
        assertThat(booked.location()).contains("/bookings/");
    }

    @Test
    void thePageTellsAVerifiedAccountSoAndMailsNoLink() {
        var email = uniqueEmail("Quinn");
        api.register(email, PASSWORD, "Quinn");
        var browser = BrowserSession.signedIn(api, email, PASSWORD);

        assertThat(browser.get("/me/verify-email").body()).contains("Your address " + email + " is confirmed.");
        browser.post("/me/verify-email", Map.of());
        assertThat(browser.get("/me/verify-email").body()).contains("Your email address is confirmed already.");
        assertThat(mailsTo(email)).hasSize(1);
    }

    /** Scheduled on the command side, where bookings and reviews are decided; the read side is not waited for. */
    private String scheduled() {
        var admin = adminToken();
        return api.scheduleEvent(admin, api.createVenue(admin, "Verification Hall", 2, 10), "Proof Night", inDays(12));
    }

    private boolean verified(String email) {
        var found = api.get("/api/admin/users?email=" + email, adminToken()).json();
        assertThat(found).hasSize(1);
        return found.get(0).path("verified").asBoolean();
    }
}
