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
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password guessing on the token endpoint and the sign-in form, on an application of its own: 5 wrong passwords per
 * account and client as by default, but forgotten after 20 seconds, 20 sign-in attempts per client in 2 minutes, and
 * tokens that last 3 seconds. Loopback is the trusted proxy, so each test names its clients with X-Forwarded-For (or
 * Forwarded), fresh ones each time; the sign-in form's client is the test's own address.
 */
class SignInThrottleTest {

    private static final int WRONG_PASSWORDS = 5;
    private static final int SIGN_INS = 20;
    /** Longer than a test's wrong passwords take (each is checked, slowly, as BCrypt is meant to be). */
    private static final Duration WINDOW = Duration.ofSeconds(20);

    private static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(2);
    private static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static StandaloneApplication application;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("seatwise-throttle-");
        application = StandaloneApplication.start(
                dataDir,
                "--seatwise.throttle.wrong-passwords=" + WRONG_PASSWORDS + "/" + WINDOW.toSeconds() + "s",
                "--seatwise.throttle.sign-ins=" + SIGN_INS + "/" + SIGN_IN_WINDOW.toSeconds() + "s",
                "--seatwise.trusted-proxies=127.0.0.1,::1,10.0.0.0/8",
                "--seatwise.token-ttl=3s");
        api = application.api();
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void anAttackerIsMadeToWaitWhileTheOwnerSignsInFromAnotherClient() {
        var email = newAccount();
        var attacker = api.from(newClient());
        for (int attempt = 0; attempt < WRONG_PASSWORDS; attempt++) {
            assertProblem(token(attacker, email, "wrong-password-" + attempt), 401, "wrong email or password");
        }

        var refused = token(attacker, email, PASSWORD);

        var problem = assertProblem(refused, 429, "try again");
        var retryAfter = retryAfter(refused);
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds());
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(refused.body()).as("the right password is not even checked").doesNotContain("\"token\"");

        var owner = api.from(newClient());
        assertThat(token(owner, email, PASSWORD).status())
                .as("the owner, from elsewhere")
                .isEqualTo(200);
        var ownersBrowser = new BrowserSession(application.port()).signIn(email, PASSWORD);
        assertThat(ownersBrowser.status()).isEqualTo(302);
        assertThat(ownersBrowser.location()).as("the owner's sign-in form").doesNotContain("error");
        assertThat(token(attacker, email, PASSWORD).status())
                .as("the owner's sign-ins forgive the attacker nothing")
                .isEqualTo(429);
        assertThat(token(attacker, newAccount(), PASSWORD).status())
                .as("another account from the attacker's client")
                .isEqualTo(200);
    }

    @Test
    void signInPageTellsAClientToWaitAfterTooManyWrongPasswordsAndLetsItInAfterTheWait() throws InterruptedException {
        var email = newAccount();
        var browser = new BrowserSession(application.port());
        for (int attempt = 0; attempt < WRONG_PASSWORDS; attempt++) {
            var failed = browser.signIn(email, "wrong-password-" + attempt);
            assertThat(browser.path(failed.location())).isEqualTo("/login?error");
        }

        var refused = browser.signIn(email, PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body())
                .contains("Too many sign-in attempts")
                .contains("data-problem=\"throttled\"")
                .doesNotContain("Wrong email or password")
                .doesNotContain("Exception");
        var retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds());
        assertThat(browser.get("/me/bookings").status()).as("still signed out").isEqualTo(302);
        assertThat(token(api, email, PASSWORD).status())
                .as("the API counts the same client's wrong passwords")
                .isEqualTo(429);
        assertThat(token(api.from(newClient()), email, PASSWORD).status())
                .as("another client")
                .isEqualTo(200);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        var signedIn = browser.signIn(email, PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(browser.get("/me/bookings").status()).isEqualTo(200);
    }

    @Test
    void oneClientIsRefusedAfterTooManySignInAttemptsWithAnyAccounts() {
        var email = newAccount();
        var client = api.from(newClient());
        for (int attempt = 0; attempt < SIGN_INS; attempt++) {
            assertProblem(token(client, "guess-" + attempt + "@example.com", PASSWORD), 401, "wrong email or password");
        }

        var refused = token(client, email, PASSWORD);

        assertProblem(refused, 429, "try again");
        assertThat(retryAfter(refused)).isBetween(1L, SIGN_IN_WINDOW.toSeconds());
        assertThat(token(api.from(newClient()), email, PASSWORD).status())
                .as("the same account from another client")
                .isEqualTo(200);
    }

    @Test
    void theRightPasswordForgivesTheClientsWrongOnes() {
        var email = newAccount();
        var client = api.from(newClient());
        for (int round = 0; round < 3; round++) {
            for (int attempt = 0; attempt < WRONG_PASSWORDS - 1; attempt++) {
                assertProblem(token(client, email, "wrong-password-" + attempt), 401, "wrong email or password");
            }
            assertThat(token(client, email, PASSWORD).status())
                    .as("round " + round)
                    .isEqualTo(200);
        }
    }

    @Test
    void parallelGuessesFromOneClientPassNoMoreThanTheLimit() throws Exception {
        var email = newAccount();
        var client = api.from(newClient());
        int guesses = 16;
        var start = new CyclicBarrier(guesses);
        var pool = Executors.newFixedThreadPool(guesses);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int guess = 0; guess < guesses; guess++) {
                var password = "parallel-guess-" + guess;
                Callable<Integer> attempt = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return token(client, email, password).status();
                };
                answers.add(pool.submit(attempt));
            }
            var checked = 0;
            var refused = 0;
            for (var answer : answers) {
                int status = answer.get(30, TimeUnit.SECONDS);
                assertThat(status).isIn(401, 429);
                checked += status == 401 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertThat(checked).as("guesses checked").isEqualTo(WRONG_PASSWORDS);
            assertThat(refused).as("guesses refused unchecked").isEqualTo(guesses - WRONG_PASSWORDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void behindChainedProxiesTheClientIsTheLastAddressThatNoTrustedProxyWrote() {
        var email = newAccount();
        var client = newClient();
        for (int attempt = 0; attempt < WRONG_PASSWORDS; attempt++) {
            // whatever the client writes in front of the chain, the proxies append its real address and their own
            var spoofed = api.withHeaders("X-Forwarded-For", "192.0.2." + attempt + ", " + client + ", 10.1.2.3");
            assertProblem(token(spoofed, email, "wrong-" + attempt), 401, "wrong email or password");
        }

        assertThat(token(api.from(client), email, PASSWORD).status()).isEqualTo(429);
        assertThat(token(api.withHeaders("Forwarded", "for=\"" + client + ":4711\";proto=https"), email, PASSWORD)
                        .status())
                .as("the same client named by RFC 7239's Forwarded")
                .isEqualTo(429);
        assertThat(token(api.withHeaders("Forwarded", "for=" + newClient()), email, PASSWORD)
                        .status())
                .as("another client named by Forwarded")
                .isEqualTo(200);
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

    /** A client address of its own for each use, from the documentation range. */
    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "203.0." + (n / 250) + "." + (1 + n % 250);
    }

    private static ApiClient.Response token(ApiClient client, String email, String password) {
        return client.post("/api/auth/token", Map.of("email", email, "password", password));
    }

    private static long retryAfter(ApiClient.Response response) {
        return Long.parseLong(response.raw().headers().firstValue("Retry-After").orElseThrow());
    }
}
