package io.seatwise.web.deadletter;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.operations.Rebuilds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A poisoned event, one that a handler of the catalog cannot handle, is parked in the catalog's dead letter queue with
 * the later events of its sequence, while the catalog goes on with the others; what the failed handler had written is
 * undone; admins see the letters on their page and through the API, retry them once the cause is gone, or drop them.
 * The poison is a handler of this test in the catalog's group that writes a row and then runs a statement the database
 * refuses, for the events whose titles it is told, until it is healed.
 */
@Import(DeadLetterTest.PoisonConfiguration.class)
@AutoConfigureObservability
class DeadLetterTest extends ApplicationTest {

    @Autowired
    Poison poison;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    private String admin;
    private String venue;

    @BeforeEach
    void hall() {
        admin = adminToken();
        venue = api.createVenue(admin, "Poison Hall", 2, 5);
    }

    @Test
    void poisonedEventIsParkedWhileTheCatalogGoesOn() {
        var title = "Poisoned night " + UUID.randomUUID();
        poison.failOn(title);
        var poisoned = api.scheduleEvent(admin, venue, title, inDays(4));
        assertThat(api.book(api.newUserToken("Pia"), poisoned, List.of(3)).status())
                .isEqualTo(201);
        var later = api.scheduleEvent(admin, venue, "The night after " + UUID.randomUUID(), inDays(5));

        eventually(() -> api.event(later).isPresent());
        var letters = lettersOf(poisoned, 2);
        var first = letters.get(0);
        assertThat(first.path("group").asText()).isEqualTo("catalog");
        assertThat(first.path("sequence").asText()).isEqualTo(poisoned);
        assertThat(first.path("position").asInt()).isZero();
        assertThat(first.path("eventType").asText()).isEqualTo("EventScheduled");
        assertThat(first.path("aggregateSequence").asLong()).isZero();
        assertThat(first.path("causeMessage").asText()).contains("no_such_poison_table");
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
        assertThat(first.path("enqueuedAt").asText()).isNotBlank();
        var second = letters.get(1);
        assertThat(second.path("position").asInt()).isEqualTo(1);
        assertThat(second.path("eventType").asText()).isEqualTo("SeatsBooked");
        assertThat(second.path("causeType").isNull()).isTrue();
        // the failed event's writes are undone, the catalog's own and the poison's row alike
        assertThat(api.event(poisoned)).isEmpty();
        assertThat(markers(poisoned)).isZero();

        var browser = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        var page = browser.get("/admin/dead-letters");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "data-group=\"catalog\"",
                        "data-letter=\"" + first.path("id").asText() + "\"")
                .contains("data-letter=\"" + second.path("id").asText() + "\"", "EventScheduled", "SeatsBooked")
                .contains("no_such_poison_table", "data-action=\"retry\"", "data-action=\"drop\"");

        var failedAgain = api.post(retry(first), Map.of(), admin);
        assertThat(failedAgain.status()).as(failedAgain.body()).isEqualTo(200);
        assertThat(failedAgain.json().path("handled").asBoolean()).isFalse();
        var stillParked = failedAgain.json().path("parked");
        assertThat(stillParked).hasSize(2);
        assertThat(stillParked.get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(stillParked.get(0).path("causeMessage").asText()).contains("no_such_poison_table");
        assertThat(api.event(poisoned)).isEmpty();
        assertThat(markers(poisoned)).isZero();

        poison.heal(title);
        browser.get("/admin/dead-letters");
        var retried = browser.post(retry(first).replace("/api", ""), Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(browser.path(retried.location())).isEqualTo("/admin/dead-letters");
        assertThat(browser.get("/admin/dead-letters").body())
                .contains("The sequence was handled")
                .doesNotContain(first.path("id").asText());
        assertThat(lettersOf(poisoned)).isEmpty();
        var shown = api.event(poisoned).orElseThrow();
        assertThat(shown.path("title").asText()).isEqualTo(title);
        assertThat(shown.path("booked").asInt()).isEqualTo(1);
        assertThat(markers(poisoned)).isEqualTo(1);
    }

    @Test
    void droppedLetterLeavesTheQueue() {
        var title = "Dropped night " + UUID.randomUUID();
        poison.failOn(title);
        var poisoned = api.scheduleEvent(admin, venue, title, inDays(6));
        var letter = lettersOf(poisoned, 1).get(0);
        var id = letter.path("id").asText();

        var browser = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get("/admin/dead-letters");
        var asked = browser.post("/admin/dead-letters/" + id + "/drop", Map.of());
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("data-confirmation", "EventScheduled", "name=\"confirmed\"");
        assertThat(lettersOf(poisoned)).hasSize(1);

        assertThat(api.delete("/api/admin/dead-letters/" + id, admin).status()).isEqualTo(204);
        assertThat(lettersOf(poisoned)).isEmpty();
        assertProblem(api.delete("/api/admin/dead-letters/" + id, admin), 404, "dead letter");
        assertProblem(api.post("/api/admin/dead-letters/" + id + "/retry", Map.of(), admin), 404, "dead letter");
        assertThat(browser.post("/admin/dead-letters/" + id + "/drop", Map.of("confirmed", "true"))
                        .status())
                .isEqualTo(404);
        // dropped for good: healing the cause brings nothing back
        poison.heal(title);
        assertThat(api.event(poisoned)).isEmpty();
    }

    @Test
    void rebuildEmptiesTheQueueAndParksWhatStillFails() {
        var title = "Rebuilt night " + UUID.randomUUID();
        poison.failOn(title);
        var poisoned = api.scheduleEvent(admin, venue, title, inDays(8));
        assertThat(api.book(api.newUserToken("Rea"), poisoned, List.of(1)).status())
                .isEqualTo(201);
        var before = lettersOf(poisoned, 2).stream()
                .map(letter -> letter.path("id").asText())
                .toList();

        Rebuilds.rebuildAndAwait(BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD), Duration.ofSeconds(60));

        // the same two events parked once more, as letters of the rebuild, not twice
        eventually(() -> lettersOf(poisoned).stream()
                .noneMatch(letter -> before.contains(letter.path("id").asText())));
        var after = lettersOf(poisoned, 2);
        assertThat(after)
                .extracting(letter -> letter.path("eventType").asText())
                .containsExactly("EventScheduled", "SeatsBooked");
        assertThat(after.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(api.event(poisoned)).isEmpty();
    }

    @Test
    void lettersAreLinkedCountedPerGroupAndShownInGerman() {
        var title = "Counted night " + UUID.randomUUID();
        poison.failOn(title);
        var poisoned = api.scheduleEvent(admin, venue, title, inDays(7));
        lettersOf(poisoned, 1);

        var browser = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(browser.get("/admin").body()).contains("href=\"/admin/dead-letters\"");
        assertThat(browser.get("/admin/operations").body()).contains("href=\"/admin/dead-letters\"");
        var german = browser.get("/admin/dead-letters?lang=de").body();
        assertThat(german).contains("Unzustellbare Ereignisse", "Erneut versuchen", "Verwerfen", "Versuche");

        // Axon's JDBC queue, as the storage builds it, for every streaming group; none for the booking ledger
        for (var group : List.of("catalog", "seat-maps", "my-bookings", "reviews", "statistics", "door", "mail")) {
            assertThat(processing.deadLetterQueue(group))
                    .as(group)
                    .containsInstanceOf(JdbcSequencedDeadLetterQueue.class);
        }
        assertThat(processing.deadLetterQueue("booking-ledger")).isEmpty();

        var metrics = api.metrics(admin).body();
        assertThat(metrics).containsPattern("seatwise_dead_letters\\{group=\"catalog\"[^}]*} [1-9]");
        assertThat(metrics).contains("seatwise_dead_letters{group=\"mail\"");
    }

    private static String retry(JsonNode letter) {
        return "/api/admin/dead-letters/" + letter.path("id").asText() + "/retry";
    }

    private int markers(String eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM review_authors WHERE account_id = ?", Integer.class, Poison.marker(eventId));
    }

    /** Waits until the catalog's queue holds the given number of letters of the event. */
    private List<JsonNode> lettersOf(String eventId, int count) {
        var found = new AtomicReference<List<JsonNode>>();
        eventually(() -> {
            found.set(lettersOf(eventId));
            return found.get().size() == count;
        });
        return found.get();
    }

    private List<JsonNode> lettersOf(String eventId) {
        var answer = api.get("/api/admin/dead-letters", admin);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var letters = new ArrayList<JsonNode>();
        for (var group : answer.json()) {
            for (var letter : group.path("letters")) {
                if (letter.path("aggregateId").asText().equals(eventId)) {
                    letters.add(letter);
                }
            }
        }
        return letters;
    }

    @TestConfiguration
    static class PoisonConfiguration {

        @Bean
        Poison poison(JdbcTemplate jdbc) {
            return new Poison(jdbc);
        }
    }

    /** A handler in the catalog's group that fails on the events it is told, after writing a row of its own. */
    @ProcessingGroup("catalog")
    static class Poison {

        private final JdbcTemplate jdbc;
        private final Set<String> titles = ConcurrentHashMap.newKeySet();

        Poison(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        static String marker(String eventId) {
            return "poison-" + eventId;
        }

        void failOn(String title) {
            titles.add(title);
        }

        void heal(String title) {
            titles.remove(title);
        }

        @EventHandler
        void on(EventScheduled event) {
            jdbc.update(
                    "INSERT INTO review_authors (account_id, display_name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    marker(event.eventId().value()),
                    "poison");
            if (titles.contains(event.title())) {
                // a statement the database refuses: on PostgreSQL it also refuses every later one in the transaction
                jdbc.queryForList("SELECT * FROM no_such_poison_table");
            }
        }
    }
}
