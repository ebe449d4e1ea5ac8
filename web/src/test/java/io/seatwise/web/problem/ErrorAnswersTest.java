package io.seatwise.web.problem;

import static io.seatwise.web.ProblemAssertions.assertNoInternals;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.StoredState;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Requests that no controller takes: unknown paths, wrong methods, wrong media types and bodies too large. */
class ErrorAnswersTest extends ApplicationTest {

    private static final String LARGE = "{\"name\": \"" + "x".repeat(300_000) + "\"}";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void unknownApiPathIsANotFoundProblem() {
        var problem = assertProblem(api.get("/api/events/x/nothing-here"), 404, "no such");

        assertThat(problem.get("instance").asText()).isEqualTo("/api/events/x/nothing-here");
    }

    @Test
    void wrongMethodOnTheApiIsAMethodNotAllowedProblem() {
        var user = api.newUserToken("Mona");

        assertProblem(api.send("PATCH", "/api/me/bookings", "{}", user), 405, "method");
        assertProblem(api.send("DELETE", "/api/events", null, adminToken()), 405, "method");
    }

    @Test
    void bodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/users"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=a@b.c"))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void bodyOverTheLimitIsRefusedWhetherItsLengthIsSaidOrNot() throws Exception {
        var storedBefore = StoredState.of(jdbc);

        assertProblem(api.postRaw("/api/venues", LARGE, adminToken()), 413, "too large");
        var chunked = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/venues"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(LARGE.getBytes())))
                .build();
        var response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("too large");
        assertThat(StoredState.of(jdbc)).isEqualTo(storedBefore);
    }

    @Test
    void unknownPageWrongMethodAndLargeFormGetFriendlyPages() {
        var browser = BrowserSession.signedInUser(api, "Pia");

        var pages = Map.of(
                404, browser.get("/no/such/page"),
                405, browser.post("/me/bookings", Map.of()),
                413, browser.post("/register", Map.of("displayName", "x".repeat(300_000))));

        pages.forEach((status, page) -> {
            assertThat(page.status()).isEqualTo(status);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("Back to the events");
            assertNoInternals(page.body());
        });
    }

    @Test
    void errorPathAskedForDirectlyIsNotFound() {
        assertThat(new BrowserSession(port).get("/error").status()).isEqualTo(404);
        assertProblem(api.get("/api/../error"), 404);
    }
}
