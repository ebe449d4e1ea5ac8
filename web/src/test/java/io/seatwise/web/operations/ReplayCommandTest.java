package io.seatwise.web.operations;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.command.review.ReviewWithdrawals;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.SqliteFiles;
import io.seatwise.web.StandaloneApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar seatwise.jar replay} on a real SQLite file: the first run books, cancels and reviews through the
 * API and stops; the read-model tables are then damaged on purpose, the replay command runs, and a second run must
 * answer exactly as the first did, from tables equal to the first run's, with the mail outbox untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayCommandTest {

    /** Axon's own tables, the command side's and Flyway's: none of them is a read model. */
    private static final Set<String> NOT_READ_MODELS = Set.of(
            "domainevententry",
            "snapshotevententry",
            "tokenentry",
            "sagaentry",
            "associationvalueentry",
            "deadletterentry",
            "account_credentials",
            "ledger_events",
            "ledger_bookings",
            "flyway_schema_history");

    @TempDir
    static Path dataDir;

    private Map<String, String> answersBefore;
    private Map<String, String> answersAfter;
    private Map<String, List<String>> readModelsBefore;
    private Map<String, List<String>> readModelsAfter;
    private Map<String, List<String>> mailBefore;
    private Map<String, List<String>> mailAfter;
    private Map<String, List<Long>> positionsAfter;
    private List<String> lettersAfter;
    private long headAfter;
    private int exitCode;
    private String output;
    private String errors;

    @BeforeAll
    void bookReplayAndRestart() throws SQLException {
        List<String> paths;
        Map<String, String> tokens;
        try (var first = StandaloneApplication.start(dataDir)) {
            var api = first.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Replay Hall", 4, 5);
            var event = api.scheduleEvent(admin, venue, "The premiere", inDays(5));
            var encore = api.scheduleEvent(admin, venue, "The encore", inDays(9));
            var ann = api.newUserToken("Ann");
            var bob = api.newUserToken("Bob");
            assertThat(api.book(ann, event, List.of(1, 2)).status()).isEqualTo(201);
            assertThat(api.book(ann, encore, List.of(7)).status()).isEqualTo(201);
            var bobs = api.book(bob, event, List.of(3, 4));
            assertThat(bobs.status()).isEqualTo(201);
            var cancelled =
                    api.delete("/api/bookings/" + bobs.json().get("bookingId").asText(), bob);
            assertThat(cancelled.status()).isEqualTo(204);
            assertThat(api.book(bob, event, List.of(4)).status()).isEqualTo(201);
            var review = Map.of("rating", 4, "text", "Lovely evening");
            assertThat(api.post("/api/events/" + event + "/reviews", review, ann)
                            .status())
                    .isEqualTo(201);
            assertThat(api.post("/api/venues/" + venue + "/reviews", review, bob)
                            .status())
                    .isEqualTo(201);
            // the event's life: an edited and rescheduled event, and a cancelled one whose booking was released
            var gala = api.scheduleEvent(admin, venue, "The gala", inDays(12));
            assertThat(api.book(bob, gala, List.of(5)).status()).isEqualTo(201);
            var changes = Map.of("title", "The new gala", "startsAt", inDays(14).toString(), "priceCents", 3000);
            assertThat(api.patch("/api/events/" + gala, changes, admin).status())
                    .isEqualTo(200);
            var lost = api.scheduleEvent(admin, venue, "The lost night", inDays(15));
            assertThat(api.book(ann, lost, List.of(6)).status()).isEqualTo(201);
            var cancel = Map.of("reason", "Rain");
            assertThat(api.post("/api/events/" + lost + "/cancel", cancel, admin)
                            .status())
                    .isEqualTo(200);
            paths = List.of(
                    "/api/events/" + gala,
                    "/api/events/" + lost,
                    "/api/events/" + lost + "/seats",
                    "/api/venues",
                    "/api/events",
                    "/api/events/" + event,
                    "/api/events/" + encore,
                    "/api/events/" + event + "/seats",
                    "/api/events/" + encore + "/seats",
                    "/api/events/" + event + "/reviews",
                    "/api/venues/" + venue + "/reviews");
            tokens = Map.of("ann", ann, "bob", bob);
            var replay = first.context().getBean(Replay.class);
            ApplicationTest.eventually(Duration.ofSeconds(10), () -> allCaughtUp(replay));
            answersBefore = answers(api, paths, tokens);
        }
        readModelsBefore = tables(false);
        mailBefore = tables(true);
        damageReadModels();
        parkStaleLetters();

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        exitCode = ReplayCommand.run(
                new String[] {"replay", "--seatwise.data-dir=" + dataDir},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        output = out.toString(StandardCharsets.UTF_8);
        errors = err.toString(StandardCharsets.UTF_8);
        readModelsAfter = tables(false);
        mailAfter = tables(true);
        positionsAfter = positions();
        lettersAfter = letterGroups();
        headAfter = head();

        try (var second = StandaloneApplication.start(dataDir)) {
            answersAfter = answers(second.api(), paths, tokens);
        }
    }

    @Test
    void replayExitsWithZero() {
        assertThat(exitCode).as(output + errors).isZero();
        assertThat(errors).isEmpty();
    }

    @Test
    void replayPrintsItsProgress() {
        assertThat(output.lines().filter(line -> line.matches("\\[[#.]{30}] +\\d+% [\\d,]+/[\\d,]+ events .*ev/s.*")))
                .as(output)
                .isNotEmpty()
                .last()
                .asString()
                .contains("100%");
    }

    @Test
    void replaySummarisesEveryReadModel() {
        assertThat(output).contains("Replayed ");
        assertThat(output.lines().map(String::strip).map(line -> line.split(" ")[0]))
                .contains("catalog", "seat-maps", "my-bookings", "reviews")
                .doesNotContain("mail", "booking-ledger");
    }

    @Test
    void readModelTablesAreRebuiltAsTheyWere() {
        assertThat(readModelsBefore).containsKeys("venues", "event_summaries", "booked_seats", "bookings", "reviews");
        assertThat(readModelsAfter).isEqualTo(readModelsBefore);
    }

    /**
     * Groups that a replay leaves where they are ({@code @DisallowReplay}): mail, the sagas, which keep time, and the
     * review withdrawals, which are stored events already.
     */
    private static final Set<String> NEVER_REPLAYED = Set.of("mail", "waitlist-saga", ReviewWithdrawals.GROUP);

    @Test
    void everyReplayedProcessorIsLeftAtTheHeadOfTheStore() {
        assertThat(positionsAfter.keySet()).contains("catalog", "seat-maps", "my-bookings", "reviews", "statistics");
        positionsAfter.forEach((processor, positions) -> {
            if (!NEVER_REPLAYED.contains(processor)) {
                assertThat(positions).as(processor).isNotEmpty().allMatch(position -> position == headAfter);
            }
        });
    }

    @Test
    void apiAnswersTheSameAfterTheReplay() {
        assertThat(answersAfter).isEqualTo(answersBefore);
    }

    @Test
    void noMailIsWrittenOrSentAgain() {
        assertThat(mailBefore.get("mail_outbox")).isNotEmpty();
        assertThat(mailAfter).isEqualTo(mailBefore);
    }

    /** A rebuilt group's letters would hold up their sequences and be handled twice; the mail group is not rebuilt. */
    @Test
    void replayEmptiesTheDeadLettersOfTheGroupsItRebuilds() {
        assertThat(lettersAfter).containsExactly("mail");
    }

    private static boolean allCaughtUp(Replay replay) {
        var processors = replay.processors();
        return !processors.isEmpty()
                && processors.stream().allMatch(processor -> processor.caughtUp() && processor.lag() == 0);
    }

    private static Map<String, String> answers(ApiClient api, List<String> paths, Map<String, String> tokens) {
        var answers = new LinkedHashMap<String, String>();
        paths.forEach(path -> answers.put(path, answer(api.get(path))));
        tokens.forEach((who, token) -> answers.put(who, answer(api.get("/api/me/bookings", token))));
        return answers;
    }

    private static String answer(ApiClient.Response response) {
        return response.status() + " " + response.body();
    }

    /** Breaks the read models behind the application's back, so that only a real rebuild can restore them. */
    /** A letter in the catalog's dead letter queue and one in the mail's, as a processor parks them. */
    private static void parkStaleLetters() throws SQLException {
        try (var connection = SqliteFiles.open(dataDir);
                var statement = connection.prepareStatement("INSERT INTO DeadLetterEntry (deadLetterIdentifier,"
                        + " processingGroup, sequenceIdentifier, sequenceIndex, messageType, eventIdentifier, timestamp,"
                        + " payloadType, payload, enqueuedAt, lastTouched) VALUES (?, ?, 'stale', 1, 'Stale', ?, ?,"
                        + " 'Stale', X'7B7D', ?, ?)")) {
            for (var group : List.of("catalog", "mail")) {
                var now = Instant.now().toString();
                statement.setString(1, "stale-" + group);
                statement.setString(2, group);
                statement.setString(3, "stale-event-" + group);
                statement.setString(4, now);
                statement.setString(5, now);
                statement.setString(6, now);
                statement.executeUpdate();
            }
        }
    }

    private static List<String> letterGroups() throws SQLException {
        var groups = new ArrayList<String>();
        try (var connection = SqliteFiles.open(dataDir);
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT processingGroup FROM DeadLetterEntry ORDER BY processingGroup")) {
            while (rows.next()) {
                groups.add(rows.getString(1));
            }
        }
        return groups;
    }

    private static void damageReadModels() throws SQLException {
        try (var connection = SqliteFiles.open(dataDir);
                var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM booked_seats");
            statement.executeUpdate("UPDATE venues SET name = 'Wrong'");
            statement.executeUpdate("UPDATE event_summaries SET booked = 0");
            statement.executeUpdate("DELETE FROM reviews");
        }
    }

    /** Every row of the read-model tables, or of the mail tables, as text, sorted per table. */
    private static Map<String, List<String>> tables(boolean mail) throws SQLException {
        var dump = new TreeMap<String, List<String>>();
        try (var connection = SqliteFiles.open(dataDir)) {
            var names = new ArrayList<String>();
            try (var rows = connection
                    .createStatement()
                    .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                            + " UNION ALL SELECT name FROM read_models.sqlite_master"
                            + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (var name : names) {
                if (NOT_READ_MODELS.contains(name.toLowerCase()) || name.startsWith("mail_") != mail) {
                    continue;
                }
                var lines = new ArrayList<String>();
                try (var rows = connection.createStatement().executeQuery("SELECT * FROM " + name)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        var line = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            line.append(rows.getString(column)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                dump.put(name, lines);
            }
        }
        return dump;
    }

    /** Each processor's stored positions, one per segment. */
    private static Map<String, List<Long>> positions() throws SQLException {
        var positions = new TreeMap<String, List<Long>>();
        var index = Pattern.compile("\"index\":(\\d+)");
        try (var connection = SqliteFiles.open(dataDir);
                var rows = connection.createStatement().executeQuery("SELECT processorName, token FROM TokenEntry")) {
            while (rows.next()) {
                var token = rows.getBytes(2);
                var found = index.matcher(token == null ? "" : new String(token, StandardCharsets.UTF_8));
                positions
                        .computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                        .add(found.find() ? Long.parseLong(found.group(1)) : -1);
            }
        }
        return positions;
    }

    private static long head() throws SQLException {
        try (var connection = SqliteFiles.open(dataDir);
                var rows = connection.createStatement().executeQuery("SELECT max(globalIndex) FROM DomainEventEntry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }
}
