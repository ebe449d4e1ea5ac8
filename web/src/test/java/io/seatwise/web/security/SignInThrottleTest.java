package io.seatwise.web.security;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password guessing on the token endpoint and the sign-in form, on an application of its own with small limits (3
 * failures per account, 12 per client, forgotten after 5 seconds) and tokens that last 3 seconds. Every test waits
 * out the refusals it causes, so none leaves the client blocked for the next.
 */
class SignInThrottleTest {

    private static final int PER_ACCOUNT = 3;
    private static final int PER_CLIENT = 12;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String PASSWORD = "correct-horse-battery";

    private static StandaloneApplication application;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("seatwise-throttle-");
        application = StandaloneApplication.start(
                dataDir,
                "--seatwise.sign-in.max-failures-per-account=" + PER_ACCOUNT,
                "--seatwise.sign-in.max-failures-per-client=" + PER_CLIENT,
                "--seatwise.sign-in.failure-window=" + WINDOW.toSeconds() + "s",
                "--seatwise.token-ttl=3s");
        api = application.api();
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void tokenEndpointRefusesAnAccountAfterRepeatedFailuresWithRetryAfter() throws InterruptedException {
        var email = newAccount();
        for (int attempt = 0; attempt < PER_ACCOUNT; attempt++) {
            assertProblem(token(email, "wrong-password-" + attempt), 401, "wrong email or password");
        }

        var refused = token(email, PASSWORD);

        var problem = assertProblem(refused, 429, "try again");
        var retryAfter = retryAfter(refused);
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds());
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(refused.body()).doesNotContain("\"token\"");
        assertThat(token(newAccount(), PASSWORD).status())
                .as("another account from the same client")
                .isEqualTo(200);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertThat(token(email, PASSWORD).status()).as("after the wait").isEqualTo(200);
    }

    @Test
    void signInPageTellsSomeoneToWaitAfterRepeatedFailures() throws InterruptedException {
        var email = newAccount();
        var browser = new BrowserSession(application.port());
        for (int attempt = 0; attempt < PER_ACCOUNT; attempt++) {
            var failed = browser.signIn(email, "wrong-password-" + attempt);
            assertThat(browser.path(failed.location())).isEqualTo("/login?error");
        }

        var refused = browser.signIn(email, PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body())
                .contains("Too many failed sign-ins")
                .contains("data-problem=\"throttled\"")
                .doesNotContain("Wrong email or password")
                .doesNotContain("Exception");
        var retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds());
        assertThat(browser.get("/me/bookings").status()).as("still signed out").isEqualTo(302);
        assertThat(token(email, PASSWORD).status())
                .as("the API counts the same failures")
                .isEqualTo(429);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        var signedIn = browser.signIn(email, PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(browser.get("/me/bookings").status()).isEqualTo(200);
    }

    @Test
    void oneClientIsRefusedAfterFailingWithManyAccounts() throws InterruptedException {
        Thread.sleep(WINDOW.toMillis()); // forget what the other tests of this class failed from this client
        var email = newAccount();
        for (int attempt = 0; attempt < PER_CLIENT; attempt++) {
            assertProblem(token("guess-" + attempt + "@example.com", PASSWORD), 401, "wrong email or password");
        }

        var refused = token(email, PASSWORD);

        assertProblem(refused, 429, "try again");
        var retryAfter = retryAfter(refused);
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds());
        assertThat(new BrowserSession(application.port())
                        .signIn(email, PASSWORD)
                        .status())
                .as("the sign-in form from the same client")
                .isEqualTo(429);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertThat(token(email, PASSWORD).status()).as("after the wait").isEqualTo(200);
    }

    @Test
    void successfulSignInForgivesEarlierFailures() {
        var email = newAccount();
        for (int round = 0; round < 2; round++) {
            for (int attempt = 0; attempt < PER_ACCOUNT - 1; attempt++) {
                assertProblem(token(email, "wrong-password-" + attempt), 401, "wrong email or password");
            }
            assertThat(token(email, PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void issuedTokenStopsWorkingWhenItExpires() {
        var token = api.token(newAccount(), PASSWORD);
        assertThat(api.get("/api/me/bookings", token).status()).isEqualTo(200);

        // three seconds of life plus at most five of allowed clock skew
        ApplicationTest.eventually(
                Duration.ofSeconds(15), () -> api.get("/api/me/bookings", token).status() == 401);

        assertProblem(api.get("/api/me/bookings", token), 401, "token");
    }

    private static String newAccount() {
        var email = "throttle-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD, "Tess");
        return email;
    }

    private static ApiClient.Response token(String email, String password) {
        return api.post("/api/auth/token", Map.of("email", email, "password", password));
    }

    private static long retryAfter(ApiClient.Response response) {
        return Long.parseLong(response.raw().headers().firstValue("Retry-After").orElseThrow());
    }
}
