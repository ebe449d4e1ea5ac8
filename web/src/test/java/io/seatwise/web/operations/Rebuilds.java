package io.seatwise.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rebuilds of the read models from the operations page, as tests start and follow them. Each waits for its own run,
 * by the number that the page's redirect names, never for the end of one that an earlier test started.
 */
public final class Rebuilds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN = Pattern.compile("[?&]run=(\\d+)");

    private Rebuilds() {}

    /** The run that a rebuild's redirect names. */
    public static long runOf(BrowserSession.Page posted) {
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        var run = RUN.matcher(posted.location());
        assertThat(run.find())
                .as("the redirect names the run: " + posted.location())
                .isTrue();
        return Long.parseLong(run.group(1));
    }

    /**
     * Waits until the given run is done and returns the status that said so. The run is the one the status reports
     * from the moment its POST was answered, and a run that fails fails the wait at once.
     */
    public static JsonNode awaitDone(BrowserSession admin, long run, Duration within) {
        var seen = new JsonNode[1];
        ApplicationTest.eventually(within, () -> {
            var status = status(admin);
            var replay = status.get("replay");
            assertThat(replay.get("run").asLong())
                    .as("the run the status reports")
                    .isEqualTo(run);
            assertThat(replay.get("state").asText()).isNotEqualTo("FAILED");
            seen[0] = status;
            return replay.get("state").asText().equals("DONE");
        });
        return seen[0];
    }

    /** Starts a rebuild as an admin does on the page, and waits until it is done. */
    public static JsonNode rebuildAndAwait(BrowserSession admin, Duration within) {
        admin.get("/admin/operations");
        return awaitDone(admin, runOf(admin.post("/admin/operations/rebuild", Map.of())), within);
    }

    public static JsonNode status(BrowserSession admin) {
        var page = admin.get("/admin/operations/status");
        assertThat(page.status()).isEqualTo(200);
        try {
            return JSON.readTree(page.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + page.body(), e);
        }
    }
}
