package io.seatwise.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admins watch the event processors at /admin/operations and rebuild the read models from there. */
class OperationsPageTest extends ApplicationTest {

    private BrowserSession admin;
    private String event;

    @BeforeEach
    void bookedSeats() {
        var adminToken = adminToken();
        var venue = api.createVenue(adminToken, "Engine House", 2, 5);
        event = api.scheduleEvent(adminToken, venue, "Operations night", inDays(5));
        var user = api.newUserToken("Ops");
        assertThat(api.book(user, event, List.of(2, 3)).status()).isEqualTo(201);
        eventually(() -> api.seatMapShows(event, List.of(2, 3)));
        admin = new BrowserSession(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void adminSeesEveryProcessor() {
        var page = admin.get("/admin/operations");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-processor=\"catalog\"", "data-processor=\"seat-maps\"")
                .contains("data-processor=\"my-bookings\"", "data-processor=\"reviews\"", "data-processor=\"mail\"")
                // this node's own processor for its open seat maps, which no rebuild touches
                .contains("data-processor=\"live-seat-maps\"")
                .contains("data-action=\"rebuild\"")
                .containsPattern("/js/operations-[0-9a-f]{32}\\.js");
    }

    @Test
    void userIsForbiddenTheOperationsPage() {
        var user = new BrowserSession(port);
        var email = "ops-" + System.nanoTime() + "@example.com";
        api.register(email, "correct-horse-battery", "Ops User");
        user.signIn(email, "correct-horse-battery");

        assertThat(user.get("/admin/operations").status()).isEqualTo(403);
        assertThat(user.get("/admin/operations/status").status()).isEqualTo(403);
        assertThat(user.post("/admin/operations/rebuild", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void rebuildRunsInTheBackgroundUntilDone() {
        admin.get("/admin/operations");
        var posted = admin.post("/admin/operations/rebuild", Map.of());

        assertThat(posted.status()).isEqualTo(302);
        long run = Rebuilds.runOf(posted);
        assertThat(admin.path(posted.location())).isEqualTo("/admin/operations?run=" + run);
        // running, or done already, as this run from the moment the POST was answered: never the run before
        var started = Rebuilds.status(admin).get("replay");
        assertThat(started.get("run").asLong()).isEqualTo(run);
        assertThat(started.get("state").asText()).isIn("RUNNING", "DONE");
        Rebuilds.awaitDone(admin, run, Duration.ofSeconds(30));
        var status = admin.get("/admin/operations/status");
        assertThat(status.header("Content-Type")).startsWith("application/json");
        assertThat(status.body()).contains("\"percent\":100", "\"name\":\"catalog\"", "\"replayable\":false");
        assertThat(Rebuilds.status(admin).get("replay").get("processors").findValuesAsText("name"))
                .contains("seat-maps")
                .doesNotContain("live-seat-maps", "mail");
        assertThat(api.bookedSeats(event)).containsExactly(2, 3);
    }

    @Test
    void eachRebuildIsARunOfItsOwn() {
        admin.get("/admin/operations");
        var first = Rebuilds.runOf(admin.post("/admin/operations/rebuild", Map.of()));
        Rebuilds.awaitDone(admin, first, Duration.ofSeconds(30));
        admin.get("/admin/operations");
        var second = Rebuilds.runOf(admin.post("/admin/operations/rebuild", Map.of()));

        assertThat(second).isGreaterThan(first);
        Rebuilds.awaitDone(admin, second, Duration.ofSeconds(30));
        assertThat(api.bookedSeats(event)).containsExactly(2, 3);
    }
}
