package io.seatwise.web.waitlist;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The waitlist on two nodes of one PostgreSQL database, both of which run the durable deadlines' scheduler: people
 * join on one node, a cancellation on the other offers the seats, and when the offer runs out its deadline fires once
 * between the two nodes: one expiry and one new offer to the next in line are stored, never two.
 */
@NeedsPostgreSql
class PostgresWaitlistTwoNodesTest {

    private static final Duration TTL = Duration.ofSeconds(6);

    @Test
    void anOffersDeadlineFiresOnceBetweenTwoNodes() throws Exception {
        try (var database = PostgresDatabase.create("waitlist_nodes")) {
            var settings = new ArrayList<>(List.of(database.settings()));
            settings.add("--seatwise.waitlist.offer-ttl=" + TTL.toSeconds() + "s");
            var arguments = settings.toArray(String[]::new);
            try (var nodeA = StandaloneApplication.start(Files.createTempDirectory("seatwise-node-"), arguments);
                    var nodeB = StandaloneApplication.start(Files.createTempDirectory("seatwise-node-"), arguments)) {
                var a = nodeA.api();
                var b = nodeB.api();
                var admin = a.token(ADMIN_EMAIL, ADMIN_PASSWORD);
                var event = a.scheduleEvent(
                        admin,
                        a.createVenue(admin, "Two Doors Hall", 1, 4),
                        "Twice waited",
                        Instant.now().plus(Duration.ofDays(3)));
                eventually(() -> b.get("/api/events/" + event + "/seats").status() == 200);
                var holder = a.newUserToken("Holder");
                var booking = a.book(holder, event, List.of(1, 2, 3, 4))
                        .json()
                        .get("bookingId")
                        .asText();
                var ann = a.newUserToken("Ann");
                var bob = b.newUserToken("Bob");
                assertThat(join(a, ann, event).status()).isEqualTo(201);
                assertThat(join(b, bob, event).status()).isEqualTo(201);

                assertThat(b.delete("/api/bookings/" + booking, holder).status())
                        .isEqualTo(204);

                eventually(Duration.ofSeconds(10), () -> storedEvents(database, "SeatsOffered", event) == 1);
                eventually(
                        TTL.plusSeconds(20),
                        () -> storedEvents(database, "OfferExpired", event) == 1
                                && storedEvents(database, "SeatsOffered", event) == 2);
                eventually(TTL.plusSeconds(20), () -> storedEvents(database, "OfferExpired", event) == 2);
                // both nodes poll every second: give a second firing every chance to show
                Thread.sleep(3_000);
                assertThat(storedEvents(database, "OfferExpired", event))
                        .as("each offer expired once")
                        .isEqualTo(2);
                assertThat(storedEvents(database, "SeatsOffered", event))
                        .as("Ann, then Bob, then nobody")
                        .isEqualTo(2);
                assertThat(a.book(a.newUserToken("Cy"), event, List.of(2, 3)).status())
                        .as("back on sale")
                        .isEqualTo(201);
            }
        }
    }

    private static io.seatwise.web.ApiClient.Response join(io.seatwise.web.ApiClient api, String token, String event) {
        return api.post("/api/events/" + event + "/waitlist", Map.of("count", 2), token);
    }

    private static int storedEvents(PostgresDatabase database, String type, String event) {
        try (var connection = database.connect();
                var query = connection.prepareStatement("SELECT count(*) FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? AND payloadType = ?")) {
            query.setString(1, event);
            query.setString(2, "io.seatwise.api.waitlist." + type);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
