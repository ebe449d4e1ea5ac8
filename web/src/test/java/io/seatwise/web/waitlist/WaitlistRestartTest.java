package io.seatwise.web.waitlist;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.StandaloneApplication;
import io.seatwise.web.TimeSensitive;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offer's deadline survives a restart: the application stops while seats are held for the first in line, starts
 * again on the same SQLite files, and the offer still runs out on time (not before), its seats going to the next entry
 * that fits; that offer in turn runs out and the seats are back on sale. The offers are held for {@link #TTL}.
 */
@TimeSensitive
class WaitlistRestartTest {

    private static final Duration TTL = Duration.ofSeconds(12);
    private static final String SHORT_OFFERS = "--seatwise.waitlist.offer-ttl=" + TTL.toSeconds() + "s";

    @TempDir
    Path dataDir;

    @Test
    void anOpenOfferRunsOutOnTimeAfterARestartAndMovesOn() {
        String event;
        String ann;
        String bob;
        Instant annsDeadline;
        try (var first = StandaloneApplication.start(dataDir, SHORT_OFFERS)) {
            var api = first.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            event = api.scheduleEvent(
                    admin,
                    api.createVenue(admin, "Restart Hall", 1, 4),
                    "Held over",
                    Instant.now().plus(Duration.ofDays(3)));
            eventually(() -> api.get("/api/events/" + event + "/seats").status() == 200);
            var holder = api.newUserToken("Holder");
            var booking = api.book(holder, event, List.of(1, 2, 3, 4))
                    .json()
                    .get("bookingId")
                    .asText();
            ann = api.newUserToken("Ann");
            bob = api.newUserToken("Bob");
            assertThat(join(api, ann, event).status()).isEqualTo(201);
            assertThat(join(api, bob, event).status()).isEqualTo(201);

            assertThat(api.delete("/api/bookings/" + booking, holder).status()).isEqualTo(204);

            eventually(() -> status(api, ann).equals("offered"));
            annsDeadline =
                    Instant.parse(entry(api, ann).get("offer").get("expiresAt").asText());
        }

        try (var second = StandaloneApplication.start(dataDir, SHORT_OFFERS)) {
            var api = second.api();
            if (Instant.now().isBefore(annsDeadline.minusSeconds(1))) {
                assertThat(status(api, ann))
                        .as("still held for Ann before its time")
                        .isEqualTo("offered");
                assertThat(ints(api.get("/api/events/" + event + "/seats")
                                .json()
                                .get("held")))
                        .containsExactly(2, 3);
            }

            var waitUntil = Duration.between(Instant.now(), annsDeadline).plusSeconds(10);
            eventually(
                    waitUntil,
                    () -> status(api, ann).equals("expired") && status(api, bob).equals("offered"));
            var bobsOffer = entry(api, bob).get("offer");
            assertThat(ints(bobsOffer.get("seats"))).containsExactly(2, 3);
            var bobOfferedAt =
                    Instant.parse(bobsOffer.get("expiresAt").asText()).minus(TTL);
            assertThat(bobOfferedAt)
                    .as("Ann's offer ran out on time: not before its deadline, and within a few seconds of it")
                    .isBetween(annsDeadline, annsDeadline.plusSeconds(5));

            var bobsDeadline = bobOfferedAt.plus(TTL);
            eventually(
                    Duration.between(Instant.now(), bobsDeadline).plusSeconds(10),
                    () -> status(api, bob).equals("expired")
                            && ints(api.get("/api/events/" + event + "/seats")
                                            .json()
                                            .get("held"))
                                    .isEmpty());
            var cy = api.newUserToken("Cy");
            assertThat(api.book(cy, event, List.of(2, 3)).status())
                    .as("back on sale")
                    .isEqualTo(201);
        }
    }

    private static ApiClient.Response join(ApiClient api, String token, String event) {
        return api.post("/api/events/" + event + "/waitlist", Map.of("count", 2), token);
    }

    private static JsonNode entry(ApiClient api, String token) {
        var entries = api.get("/api/me/waitlist", token).json();
        return entries.size() == 0 ? null : entries.get(0);
    }

    private static String status(ApiClient api, String token) {
        var entry = entry(api, token);
        return entry == null ? "" : entry.get("status").asText();
    }
}
