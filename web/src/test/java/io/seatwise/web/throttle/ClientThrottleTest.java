package io.seatwise.web.throttle;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.StandaloneApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registrations, password reset requests and live seat-map streams per client, through the API and the pages, on an
 * application of its own that allows 3 registrations and 2 reset requests an hour and 2 open streams per client. Loopback is the trusted proxy, so API tests name
 * their clients with X-Forwarded-For; the pages' client is the test's own address.
 */
class ClientThrottleTest {

    private static final int REGISTRATIONS = 3;
    private static final int PASSWORD_RESETS = 2;
    private static final int STREAMS = 2;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static StandaloneApplication application;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        application = StandaloneApplication.start(
                Files.createTempDirectory("seatwise-client-throttle-"),
                "--seatwise.throttle.registrations=" + REGISTRATIONS + "/1h",
                "--seatwise.throttle.password-resets=" + PASSWORD_RESETS + "/1h",
                "--seatwise.live.max-streams-per-client=" + STREAMS);
        api = application.api();
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void aClientThatRegistersTooOftenIsToldToWaitAndOthersStillRegister() {
        var client = api.from(newClient());
        for (int account = 0; account < REGISTRATIONS; account++) {
            assertThat(register(client).status()).isEqualTo(201);
        }

        var refused = register(client);

        var problem = assertProblem(refused, 429, "too many", "try again");
        var retryAfter =
                Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3_500L, 3_600L);
        assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(register(api.from(newClient())).status())
                .as("another client")
                .isEqualTo(201);
    }

    @Test
    void theRefusalIsTheOneTheApiDescriptionGives() {
        var client = api.from(newClient());
        for (int account = 0; account < REGISTRATIONS; account++) {
            register(client);
        }
        var refused = register(client).json();

        var description = api.get("/v3/api-docs").json();
        var answer = description.at("/paths/~1api~1users/post/responses/429/content/application~1problem+json");
        assertThat(answer.path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(names(answer.path("examples"))).contains("too-many-requests");
        var example = description.at("/components/examples/too-many-requests/value");
        assertThat(names(refused)).isEqualTo(names(example));
        assertThat(names(description.at("/components/schemas/Problem/properties")))
                .containsAll(names(refused));
        assertThat(refused.path("detail").asText().replaceAll("\\d+", "N"))
                .isEqualTo(example.path("detail").asText().replaceAll("\\d+", "N"));
        assertThat(description
                        .at("/paths/~1api~1auth~1token/post/responses/429")
                        .isMissingNode())
                .as("sign-ins are counted by the sign-in throttle, which describes its own 429")
                .isFalse();
    }

    @Test
    void theRegistrationPageTellsAThrottledClientHowLongToWaitInItsLanguage() {
        for (int account = 0; account < REGISTRATIONS; account++) {
            var browser = new BrowserSession(application.port());
            browser.get("/register");
            var registered = browser.post("/register", registration());
            assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        }
        var browser = new BrowserSession(application.port());
        browser.get("/register");

        var refused = browser.post("/register", registration());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body())
                .contains("data-problem=\"throttled\"")
                .contains("Too many attempts from your address. Please wait 60 minutes")
                .doesNotContain("Exception");
        var german = new BrowserSession(application.port());
        german.get("/register?lang=de");
        assertThat(german.post("/register", registration()).body())
                .contains("Zu viele Versuche von Ihrer Adresse. Bitte warten Sie 60 Minuten");
    }

    @Test
    void passwordResetRequestsAreCountedPerClientOnTheirRoutes() {
        var client = api.from(newClient());
        var request = Map.of("email", "someone-" + UUID.randomUUID() + "@example.com");
        for (int attempt = 0; attempt < PASSWORD_RESETS; attempt++) {
            assertThat(client.post("/api/password-resets", request).status()).isNotEqualTo(429);
        }

        assertProblem(client.post("/api/password-resets", request), 429, "try again");
        assertThat(api.from(newClient()).post("/api/password-resets", request).status())
                .as("another client")
                .isNotEqualTo(429);

        var browser = new BrowserSession(application.port());
        for (int attempt = 0; attempt < PASSWORD_RESETS; attempt++) {
            assertThat(browser.post("/password-reset", request).status()).isNotEqualTo(429);
        }
        var page = browser.post("/password-reset", request);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("data-problem=\"throttled\"");
    }

    @Test
    void oneClientHoldsOnlySoManyLiveSeatMapsAndGetsAnotherOnceItClosesOne() throws Exception {
        var admin = api.token(ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD);
        var eventId = api.scheduleEvent(
                admin,
                api.createVenue(admin, "Stream Hall", 2, 5),
                "Streamed",
                Instant.now().plus(Duration.ofDays(5)));
        ApplicationTest.eventually(
                () -> api.get("/api/events/" + eventId + "/seats").status() == 200);
        var client = newClient();
        var open = new ArrayList<HttpResponse<InputStream>>();
        try {
            for (int stream = 0; stream < STREAMS; stream++) {
                open.add(stream(eventId, client));
                assertThat(open.get(stream).statusCode()).isEqualTo(200);
            }

            var refused = stream(eventId, client);
            refused.body().close();

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            var other = stream(eventId, newClient());
            open.add(other);
            assertThat(other.statusCode()).as("another client").isEqualTo(200);

            open.remove(0).body().close();
            // the server finds a closed stream when it next writes to it: a booking's change
            var booker = api.from(newClient()).newUserToken("Bea");
            var seat = new AtomicInteger();
            ApplicationTest.eventually(Duration.ofSeconds(20), () -> {
                api.book(booker, eventId, List.of(seat.incrementAndGet()));
                var again = stream(eventId, client);
                if (again.statusCode() == 200) {
                    open.add(again);
                    return true;
                }
                close(again);
                return false;
            });
        } finally {
            open.forEach(ClientThrottleTest::close);
        }
    }

    /** Opens a live seat map as the page's EventSource does, from the client, and leaves it open. */
    private static HttpResponse<InputStream> stream(String eventId, String client) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api.baseUrl() + "/events/" + eventId + "/seats/stream"))
                                    .header("Accept", "text/event-stream")
                                    .header("X-Forwarded-For", client)
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void close(HttpResponse<InputStream> stream) {
        try {
            stream.body().close();
        } catch (IOException alreadyClosed) {
            // nothing to close
        }
    }

    private static ApiClient.Response register(ApiClient client) {
        return client.post("/api/users", registration());
    }

    private static Map<String, String> registration() {
        return Map.of(
                "email",
                "client-" + UUID.randomUUID() + "@example.com",
                "password",
                ApiClient.USER_PASSWORD,
                "displayName",
                "Cleo");
    }

    private static String newClient() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }

    private static TreeSet<String> names(JsonNode object) {
        var names = new TreeSet<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
