package io.seatwise.web.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forwarded headers from a peer that is no trusted proxy are not believed: on an application that trusts only the
 * proxies of 10.0.0.0/8, this test's requests come from loopback, so whatever client or scheme they claim, they are
 * this machine's address over plain HTTP.
 */
class TrustedProxiesTest {

    private static final int REGISTRATIONS = 2;

    private static StandaloneApplication application;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        application = StandaloneApplication.start(
                Files.createTempDirectory("seatwise-proxies-"),
                "--seatwise.trusted-proxies=10.0.0.0/8",
                "--seatwise.throttle.registrations=" + REGISTRATIONS + "/1h");
        api = application.api();
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void aClientCannotEscapeItsThrottleByNamingOtherAddresses() {
        for (int attempt = 0; attempt < REGISTRATIONS; attempt++) {
            var claimed = api.withHeaders(
                    "X-Forwarded-For", "203.0.113." + attempt, "Forwarded", "for=198.51.100." + attempt);
            assertThat(register(claimed).status()).isEqualTo(201);
        }

        var refused = register(api.withHeaders(
                "X-Forwarded-For", "203.0.113.99", "X-Real-IP", "203.0.113.98", "Forwarded", "for=192.0.2.1"));

        assertThat(refused.status())
                .as("every registration counted for this machine's address")
                .isEqualTo(429);
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotClaimHttps() {
        for (var claim : new String[][] {
            {"X-Forwarded-Proto", "https"}, {"Forwarded", "proto=https;for=203.0.113.7"}, {"X-Forwarded-Ssl", "on"}
        }) {
            var page = new BrowserSession(application.port()).get("/login", claim);

            assertThat(page.header("Set-Cookie"))
                    .as(claim[0])
                    .contains("JSESSIONID=")
                    .doesNotContain("Secure");
            assertThat(page.header("Strict-Transport-Security")).as(claim[0]).isNull();
        }
    }

    private static ApiClient.Response register(ApiClient client) {
        return client.post(
                "/api/users",
                Map.of(
                        "email",
                        "proxy-" + UUID.randomUUID() + "@example.com",
                        "password",
                        ApiClient.USER_PASSWORD,
                        "displayName",
                        "Pat"));
    }
}
