package io.seatwise.web.benchmark;

import io.seatwise.web.ApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The replay part of the benchmark alone, repeated on the same data: {@code mvn -B -Pbenchmark -DskipTests verify
 * -Dbenchmark.main=io.seatwise.web.benchmark.ReplayBenchmark}. It fills a data folder with
 * {@code benchmark.replayEvents} events (1,000,000) once, or reuses {@code benchmark.dataDir} when that folder holds
 * them already, and times {@code java -jar seatwise.jar replay} {@code benchmark.replayRuns} times (3): replays vary
 * from run to run on a shared machine, and one figure says little.
 */
public final class ReplayBenchmark {

    private static final Pattern SUMMARY = Pattern.compile("Replayed ([\\d,]+) events .* \\(([\\d,]+) ev/s\\)");
    private static final int ROWS = 200;
    private static final int SEATS_PER_ROW = 200;
    private static final int ACCOUNTS = 8;

    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("benchmark.replayEvents", 1_000_000);
        int runs = Integer.getInteger("benchmark.replayRuns", 3);
        var given = System.getProperty("benchmark.dataDir", "");
        var dataDir = given.isBlank()
                ? Files.createTempDirectory("seatwise-replay-benchmark").resolve("data")
                : Path.of(given);
        if (!Files.exists(dataDir.resolve("seatwise.db"))) {
            fill(dataDir, events);
        }
        var figures = new ArrayList<String>();
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            var output = ServerProcess.replay(dataDir, "512m");
            double seconds = (System.nanoTime() - started) / 1e9;
            var summary = SUMMARY.matcher(output);
            if (!summary.find()) {
                throw new IllegalStateException("The replay printed no summary:\n" + output);
            }
            long replayed = Long.parseLong(summary.group(1).replace(",", ""));
            var figure = String.format(
                    Locale.ROOT,
                    "Replay %d of %,d events: %s events/s replaying; %,.0f events/s over %.1f s for the whole command",
                    run,
                    replayed,
                    summary.group(2),
                    replayed / seconds,
                    seconds);
            System.out.println(figure);
            figures.add(figure);
        }
        System.out.println();
        System.out.println("== Seatwise replay benchmark, data in " + dataDir);
        figures.forEach(System.out::println);
    }

    private static void fill(Path dataDir, long events) throws Exception {
        Files.createDirectories(dataDir);
        String venueId;
        var accountIds = new ArrayList<String>();
        try (var server = ServerProcess.start(dataDir, "benchmark-server", "512m", List.of(), List.of())) {
            var api = server.api();
            var admin = api.token(ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD);
            venueId = api.createVenue(admin, "Replay Arena", ROWS, SEATS_PER_ROW);
            api.scheduleEvent(admin, venueId, "First night", Instant.now().plus(Duration.ofDays(30)));
            for (int account = 0; account < ACCOUNTS; account++) {
                accountIds.add(api.register(
                        "replay-" + account + "@benchmark.example", "correct-horse-battery", "Client " + account));
            }
        }
        long stored = new EventStoreFiller().fillTo(dataDir, events, venueId, accountIds, ROWS, SEATS_PER_ROW);
        System.out.printf(Locale.ROOT, "Event store of %,d events in %s%n", stored, dataDir);
    }
}
