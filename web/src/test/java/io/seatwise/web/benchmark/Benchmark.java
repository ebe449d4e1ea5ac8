package io.seatwise.web.benchmark;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.SeatwiseProcess;
import io.seatwise.web.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The numbers Seatwise publishes, measured end to end on this machine: {@code mvn -B -Pbenchmark -DskipTests verify}.
 *
 * <p>It starts the built jar on a temporary data directory with a 512 MB heap and a real SMTP server (GreenMail) for
 * its mail, schedules an event with 40,000 seats, and books it through the HTTP API: a latency probe on the fresh
 * event, a storm of concurrent clients booking single seats, each read model's catch-up, the same probe on the now long
 * history, a second storm of requests for 1 to 4 seats on an event of its own, and the event page. It then starts the
 * server again on the same data to time a seat map's first load from its snapshot, stops it, grows the event store to
 * a million events and times the operator's replay command; last, it runs {@code side_by_side.py}'s cold measurement
 * when that script is there. Any answer to a booking other than 201 or 409 fails the run, after the figures.
 *
 * <p>Settings are system properties: {@code benchmark.clients} (64), {@code benchmark.requests} (40,000),
 * {@code benchmark.multiSeatRequests} (14,000 or {@code benchmark.requests}, whichever is fewer),
 * {@code benchmark.warmUpRounds} (at most 24), {@code benchmark.replayEvents} (1,000,000), {@code benchmark.jfr} (a
 * file to record a flight recording of the server into), {@code benchmark.sideBySide} (the script;
 * {@code ../shared/bench/side_by_side.py} from the repository's root, {@code none} skips it).
 */
public final class Benchmark {

    private static final int ROWS = 200;
    private static final int SEATS_PER_ROW = 200;
    private static final int CAPACITY = ROWS * SEATS_PER_ROW;
    private static final int PROBE_REQUESTS = 1_000;
    private static final int WARM_UP_REQUESTS = 8_000;

    /**
     * The server is warm once its JIT compilers work less than this share of a warm-up round's time (1 would be one
     * core all the time): on two cores a cold server spends about half its CPU compiling, and a storm would measure
     * the compilers as much as the bookings.
     */
    private static final double WARM_COMPILING_SHARE = 0.1;

    private static final double CONFLICT_SHARE = 0.1;

    /** The second storm's requests ask for 1 to this many seats each (at random). */
    private static final int MAX_SEATS_PER_REQUEST = 4;

    /** Bookings on the server started again before seat maps are loaded from their snapshots and timed. */
    private static final int RESTART_WARM_UP = 2_000;

    /** How many loads of a seat map from its snapshot are timed, and how many go before them, not counted. */
    private static final int COLD_LOADS = 50;

    private static final int COLD_LOADS_NOT_COUNTED = 100;

    /** How long the read models may take to catch up with a storm before the run counts it as a failure. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);

    private static final Pattern REPLAY_SUMMARY = Pattern.compile("Replayed ([\\d,]+) events .* \\(([\\d,]+) ev/s\\)");

    private final int clients = Integer.getInteger("benchmark.clients", 64);
    private final int requests = Integer.getInteger("benchmark.requests", 40_000);
    private final int multiSeatRequests = Integer.getInteger("benchmark.multiSeatRequests", Math.min(requests, 14_000));
    private final int maxWarmUpRounds = Integer.getInteger("benchmark.warmUpRounds", 24);
    private final long replayEvents = Long.getLong("benchmark.replayEvents", 1_000_000);
    private final String flightRecording = System.getProperty("benchmark.jfr", "");
    private final String sideBySide = System.getProperty("benchmark.sideBySide", "");
    private final List<String> report = new ArrayList<>();

    /** What went wrong: printed after the figures, and then the run fails. */
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
    }

    private void run() throws Exception {
        // the data in a folder of its own: the server's and the replay's logs go beside it
        var dataDir = Files.createTempDirectory("seatwise-benchmark").resolve("data");
        Files.createDirectories(dataDir);
        print("Seatwise benchmark on %d cores, data in %s", Runtime.getRuntime().availableProcessors(), dataDir);

        double commitsPerSecond = CommitProbe.commitsPerSecond(dataDir, 5_000);
        print("SQLite single-row commits on this disk: %,.0f/s", commitsPerSecond);

        var jvmOptions = new ArrayList<String>();
        if (!flightRecording.isBlank()) {
            jvmOptions.add("-XX:StartFlightRecording=filename="
                    + Path.of(flightRecording).toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        String venueId;
        var accountIds = new ArrayList<String>();
        try (var mail = new MailCatcher()) {
            List<String> tokens;
            BookingLoad stormEvent;
            BookingLoad groupEvent;
            String admin;
            try (var server =
                    ServerProcess.start(dataDir, "benchmark-server", "512m", jvmOptions, mail.serverSettings())) {
                var api = server.api();
                admin = api.token(ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD);
                venueId = api.createVenue(admin, "Benchmark Arena", ROWS, SEATS_PER_ROW);
                var eventId = api.scheduleEvent(
                        admin, venueId, "Sell-out night", Instant.now().plus(Duration.ofDays(30)));
                tokens = registerClients(api, accountIds);
                print(
                        "Server pid %d; %d clients with a token each; event of %,d seats; mail to GreenMail at %s",
                        server.pid(), clients, CAPACITY, String.join(" ", mail.serverSettings()));

                try (var heap = new HeapWatch(server, admin)) {
                    warmUp(server, admin, venueId, tokens);

                    var load = new BookingLoad(api.baseUrl(), eventId, CAPACITY, 42);
                    stormEvent = load;
                    var fresh = load.run(tokens, 1, PROBE_REQUESTS, 0);
                    describe("fresh event, 1 client", fresh);

                    long serverCpu = server.cpuNanos();
                    var threadsCpu = server.cpuNanosByThreads();
                    long compiled = server.compilationMillis(admin);
                    print("Storm begins at %s", java.time.LocalTime.now());
                    var storm = load.run(tokens, clients, requests, CONFLICT_SHARE);
                    long stormEnded = System.nanoTime();
                    print("Storm ends at %s", java.time.LocalTime.now());
                    serverCpu = server.cpuNanos() - serverCpu;
                    var stormThreadsCpu = since(threadsCpu, server.cpuNanosByThreads());
                    compiled = server.compilationMillis(admin) - compiled;
                    var caughtUp = CatchUp.await(api, admin, stormEnded, CATCH_UP_TIMEOUT);
                    describe("one event, " + clients + " clients", storm);
                    print(
                            "  the JIT compilers worked %.0f%% of the storm",
                            100.0 * compiled / storm.elapsed().toMillis());
                    describe("storm", caughtUp);
                    print(
                            "  server CPU per decided booking in the storm, by threads: %s",
                            perBooking(stormThreadsCpu, storm));

                    var late = load.run(tokens, 1, PROBE_REQUESTS, 0);
                    describe(
                            "same event after " + String.format(Locale.ROOT, "%,d", load.seatsHandedOut())
                                    + " seats, 1 client",
                            late);

                    var multiSeatEventId = api.scheduleEvent(
                            admin, venueId, "Group night", Instant.now().plus(Duration.ofDays(31)));
                    var groups = new BookingLoad(api.baseUrl(), multiSeatEventId, CAPACITY, 43);
                    groupEvent = groups;
                    var multiSeat =
                            groups.run(tokens, clients, multiSeatRequests, CONFLICT_SHARE, MAX_SEATS_PER_REQUEST);
                    long multiSeatEnded = System.nanoTime();
                    var multiSeatCaughtUp = CatchUp.await(api, admin, multiSeatEnded, CATCH_UP_TIMEOUT);
                    describe("1-" + MAX_SEATS_PER_REQUEST + " seats a request, " + clients + " clients", multiSeat);
                    describe("storm of 1-" + MAX_SEATS_PER_REQUEST + " seats a request", multiSeatCaughtUp);

                    long bookings = fresh.booked() + storm.booked() + late.booked();
                    awaitReadModel(api, eventId, bookings);
                    var page = timePage(api, eventId);

                    report.add("");
                    report.add(String.format(
                            Locale.ROOT,
                            "Decided bookings/s, %d clients on one event, single seats: %,.0f; 201 only: %,.0f/s"
                                    + " (p50 %.1f ms, p99 %.1f ms)",
                            clients,
                            storm.decidedPerSecond(),
                            storm.bookedPerSecond(),
                            storm.millisAt(50),
                            storm.millisAt(99)));
                    report.add(String.format(
                            Locale.ROOT,
                            "Decided bookings/s, %d clients on one event, 1 to %d seats a request: %,.0f; 201 only:"
                                    + " %,.0f/s, %,.0f seats/s (p50 %.1f ms, p99 %.1f ms)",
                            clients,
                            MAX_SEATS_PER_REQUEST,
                            multiSeat.decidedPerSecond(),
                            multiSeat.bookedPerSecond(),
                            multiSeat.seatsPerSecond(),
                            multiSeat.millisAt(50),
                            multiSeat.millisAt(99)));
                    report.add(String.format(
                            Locale.ROOT,
                            "Booking latency, fresh vs. after %,d bookings: p50 %.2f ms vs. %.2f ms (%.2fx)",
                            fresh.booked() + storm.booked(),
                            fresh.millisAt(50),
                            late.millisAt(50),
                            late.millisAt(50) / fresh.millisAt(50)));
                    report.add(String.format(
                            Locale.ROOT,
                            "CPU per decided booking in the storm: server %.2f ms, load generator %.2f ms",
                            serverCpu / 1e6 / storm.decided(),
                            storm.clientCpuNanos() / 1e6 / storm.decided()));
                    report.add(String.format(
                            Locale.ROOT,
                            "SQLite single-row commits/s: %,.0f; bookings/s are %.0f%% of that",
                            commitsPerSecond,
                            100 * storm.decidedPerSecond() / commitsPerSecond));
                    report.add(String.format(
                            Locale.ROOT,
                            "Read models caught up after the storm's last answer (%,d events behind at most):"
                                    + " all in %.2f s; %s",
                            caughtUp.backlog().values().stream()
                                    .mapToLong(Long::longValue)
                                    .max()
                                    .orElse(0),
                            caughtUp.all().toMillis() / 1e3,
                            caughtUp.describe()));
                    report.add(String.format(
                            Locale.ROOT,
                            "Event page with %,d seats: p50 %.1f ms, p99 %.1f ms",
                            CAPACITY,
                            page.getValueAtPercentile(50) / 1000.0,
                            page.getValueAtPercentile(99) / 1000.0));
                    report.add(String.format(
                            Locale.ROOT,
                            "Server memory: peak heap used %,d MB of 512 MB; peak resident %,d MB",
                            heap.peakBytes() >> 20,
                            server.peakResidentBytes() >> 20));
                }
            }
            coldSeatMap(dataDir, mail, tokens, stormEvent, groupEvent);
            report.add(String.format(
                    Locale.ROOT,
                    "Mail: %,d messages arrived at the SMTP server (GreenMail) by the end; the outbox: %s",
                    mail.received(),
                    outbox(dataDir)));
        }

        if (replayEvents > 0) {
            replay(dataDir, venueId, accountIds);
        }
        sideBySide(dataDir);

        System.out.println();
        System.out.println("== Seatwise benchmark results (figures from a busy machine are not publishable)");
        report.forEach(System.out::println);
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("== FAILED");
            failures.forEach(System.out::println);
            throw new IllegalStateException("The benchmark failed: " + String.join("; ", failures));
        }
    }

    private List<String> registerClients(ApiClient api, List<String> accountIds) throws InterruptedException {
        var tokens = new ConcurrentHashMap<Integer, String>();
        var ids = new ConcurrentHashMap<Integer, String>();
        var pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < clients; i++) {
            int client = i;
            pool.execute(() -> {
                var email = "client-" + client + "@benchmark.example";
                ids.put(client, api.register(email, "correct-horse-battery", "Client " + client));
                tokens.put(client, api.token(email, "correct-horse-battery"));
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES) || tokens.size() != clients) {
            throw new IllegalStateException("Could not register the clients");
        }
        for (int i = 0; i < clients; i++) {
            accountIds.add(ids.get(i));
        }
        return List.copyOf(new java.util.TreeMap<>(tokens).values());
    }

    /**
     * Books seats on events of their own until the server's JIT compilers have done most of their work, so that
     * neither the probes nor the storm measure a server that is still compiling the booking path. Compiling comes in
     * waves, so the server counts as warm after two quiet rounds in a row. Each warm-up event takes rounds until it is
     * nearly sold out, so that the server holds no more events than a venue's busy week.
     */
    private void warmUp(ServerProcess server, String admin, String venueId, List<String> tokens)
            throws InterruptedException {
        var api = server.api();
        BookingLoad load = null;
        String eventId = null;
        long booked = 0;
        int quietRounds = 0;
        for (int round = 1; round <= maxWarmUpRounds && quietRounds < 2; round++) {
            if (load == null || load.seatsHandedOut() + WARM_UP_REQUESTS > CAPACITY) {
                eventId = api.scheduleEvent(
                        admin, venueId, "Warm-up night " + round, Instant.now().plus(Duration.ofDays(20 + round)));
                load = new BookingLoad(api.baseUrl(), eventId, CAPACITY, round);
                booked = 0;
            }
            long compiledBefore = server.compilationMillis(admin);
            long started = System.nanoTime();
            var warmUp = load.run(tokens, clients, WARM_UP_REQUESTS, CONFLICT_SHARE);
            booked += warmUp.booked();
            awaitReadModel(api, eventId, booked);
            double compiling =
                    (server.compilationMillis(admin) - compiledBefore) / ((System.nanoTime() - started) / 1e6);
            describe("warm-up round " + round + ", " + clients + " clients", warmUp);
            print("  the JIT compilers worked %.0f%% of that round", 100 * compiling);
            quietRounds = compiling < WARM_COMPILING_SHARE ? quietRounds + 1 : 0;
        }
    }

    private Duration awaitReadModel(ApiClient api, String eventId, long bookings) {
        long started = System.nanoTime();
        while (true) {
            var event = api.event(eventId).orElseThrow();
            if (event.get("booked").asLong() >= bookings) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            ServerProcess.sleep(50);
        }
    }

    private Histogram timePage(ApiClient api, String eventId) {
        var histogram = new Histogram(3);
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            var response = api.get("/events/" + eventId);
            if (response.status() != 200) {
                throw new IllegalStateException("Event page failed: " + response.status());
            }
            if (i >= 5) {
                histogram.recordValue((System.nanoTime() - started) / 1000);
            }
        }
        return histogram;
    }

    private void replay(Path dataDir, String venueId, List<String> accountIds) throws Exception {
        long stored = new EventStoreFiller().fillTo(dataDir, replayEvents, venueId, accountIds, ROWS, SEATS_PER_ROW);
        print("Event store grown to %,d events; replaying", stored);
        long started = System.nanoTime();
        var output = ServerProcess.replay(dataDir, "512m");
        double seconds = (System.nanoTime() - started) / 1e9;
        var summary = REPLAY_SUMMARY.matcher(output);
        if (!summary.find()) {
            throw new IllegalStateException("The replay printed no summary:\n" + output);
        }
        long replayed = Long.parseLong(summary.group(1).replace(",", ""));
        report.add(String.format(
                Locale.ROOT,
                "Replay of %,d events: %s events/s from the first event read to the last committed;"
                        + " %,.0f events/s over %.1f s for the whole command, the JVM's start included",
                replayed,
                summary.group(2),
                replayed / seconds,
                seconds));
    }

    private void describe(String what, BookingLoad.Outcome outcome) {
        print(
                "%-40s %,7d decided in %5.1f s = %,6.0f/s, 201 only %,6.0f/s  (201: %,d, 409: %,d, other: %,d;"
                        + " %,d seats booked)  p50 %.2f ms  p99 %.2f ms  max %.1f ms",
                what,
                outcome.decided(),
                outcome.elapsed().toMillis() / 1e3,
                outcome.decidedPerSecond(),
                outcome.bookedPerSecond(),
                outcome.booked(),
                outcome.refused(),
                outcome.failed(),
                outcome.seatsBooked(),
                outcome.millisAt(50),
                outcome.millisAt(99),
                outcome.latencyMicros().getMaxValue() / 1000.0);
        outcome.errors().forEach(error -> print("  unexpected answer: %s", error));
        if (outcome.failed() > 0) {
            failures.add(String.format(
                    Locale.ROOT,
                    "%s: %,d answers other than 201 or 409, such as %s",
                    what,
                    outcome.failed(),
                    outcome.errors()));
        }
    }

    private void describe(String after, CatchUp caughtUp) {
        print("  read models caught up after the %s (head %,d): %s", after, caughtUp.head(), caughtUp.describe());
        if (!caughtUp.missing().isEmpty()) {
            failures.add(String.format(
                    Locale.ROOT,
                    "read models not caught up %d s after the %s: %s",
                    CATCH_UP_TIMEOUT.toSeconds(),
                    after,
                    caughtUp.missing()));
        }
    }

    /**
     * A seat map's load from its snapshot, as after a restart or once the cache has let it go: the running server
     * offers no way to empty its cache, so it is started again on the same data with a cache of one seat map. The first
     * booking on the storm's event then finds a cold JVM and an empty cache. After a short load on the group event,
     * which warms the booking path, bookings alternate between the two events: each finds the other's seat map in
     * the cache and loads its own from its snapshot and the events after it. Last, bookings on the storm's event alone
     * find its map cached, for comparison.
     */
    private void coldSeatMap(
            Path dataDir, MailCatcher mail, List<String> tokens, BookingLoad stormEvent, BookingLoad other)
            throws Exception {
        var history = history(dataDir, stormEvent.eventId());
        var settings = new ArrayList<>(mail.serverSettings());
        settings.add("--seatwise.booking.seat-map-cache-size=1");
        long started = System.nanoTime();
        try (var server = ServerProcess.start(dataDir, "benchmark-server-again", "512m", List.of(), settings)) {
            print(
                    "Server started again on the same data in %.1f s, with a cache of one seat map",
                    (System.nanoTime() - started) / 1e9);
            var api = server.api();
            double first = timeBooking(api, tokens.get(0), stormEvent);
            print("  first booking on the storm's event (cold JVM, empty cache): %.1f ms", first);
            describe(
                    "after the start, 1 event, " + clients + " clients",
                    other.at(api.baseUrl()).run(tokens, clients, RESTART_WARM_UP, 0));
            var loaded = new Histogram(3);
            for (int i = 0; i < COLD_LOADS + COLD_LOADS_NOT_COUNTED; i++) {
                double millis = timeBooking(api, tokens.get(1), stormEvent);
                if (i >= COLD_LOADS_NOT_COUNTED) {
                    loaded.recordValue(Math.round(millis * 1000));
                }
                timeBooking(api, tokens.get(2), other);
            }
            var cached = new Histogram(3);
            for (int i = 0; i < COLD_LOADS; i++) {
                cached.recordValue(Math.round(timeBooking(api, tokens.get(1), stormEvent) * 1000));
            }
            print(
                    "  storm's event loaded from its snapshot, %d times: p50 %.1f ms, p99 %.1f ms; cached: p50 %.1f ms",
                    COLD_LOADS,
                    loaded.getValueAtPercentile(50) / 1000.0,
                    loaded.getValueAtPercentile(99) / 1000.0,
                    cached.getValueAtPercentile(50) / 1000.0);
            report.add(String.format(
                    Locale.ROOT,
                    "Seat map of the storm's event loaded from its snapshot (%s; server started again on the same data"
                            + " with a cache of one seat map): a booking p50 %.1f ms, p99 %.1f ms, vs. p50 %.1f ms"
                            + " cached; the first booking after the start %.1f ms",
                    history,
                    loaded.getValueAtPercentile(50) / 1000.0,
                    loaded.getValueAtPercentile(99) / 1000.0,
                    cached.getValueAtPercentile(50) / 1000.0,
                    first));
        }
    }

    /** Books one seat no one has asked for and answers how long it took, in milliseconds; anything but 201 fails. */
    private double timeBooking(ApiClient api, String token, BookingLoad event) {
        long started = System.nanoTime();
        var response = api.book(token, event.eventId(), List.of(event.freshSeat()));
        double millis = (System.nanoTime() - started) / 1e6;
        if (response.status() != 201) {
            failures.add("a booking after the restart answered " + response.status() + " " + response.body());
        }
        return millis;
    }

    /** How long a seat map's history is, and where its last snapshot stands in it (the server stopped). */
    private static String history(Path dataDir, String eventId) throws SQLException {
        try (var connection = SqliteFiles.openReadOnly(dataDir);
                var events = connection.prepareStatement(
                        "SELECT max(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?");
                var snapshots = connection.prepareStatement(
                        "SELECT max(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
            events.setString(1, eventId);
            snapshots.setString(1, eventId);
            long last = single(events);
            long snapshot = single(snapshots);
            return snapshot < 0
                    ? String.format(Locale.ROOT, "%,d events, no snapshot", last + 1)
                    : String.format(
                            Locale.ROOT,
                            "%,d events, the snapshot at event %,d and %,d events read after it",
                            last + 1,
                            snapshot + 1,
                            last - snapshot);
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (var result = query.executeQuery()) {
            return result.next() && result.getObject(1) != null ? result.getLong(1) : -1;
        }
    }

    /**
     * The mail outbox's rows by kind and status, pending ones split into due and not yet due (review prompts wait an
     * hour), read from the stopped server's read models.
     */
    private static String outbox(Path dataDir) {
        try (var connection = SqliteFiles.openReadOnly(dataDir);
                var query = connection.prepareStatement("SELECT kind, CASE WHEN status <> 'PENDING' THEN lower(status)"
                        + " WHEN next_attempt_at <= ? THEN 'due' ELSE 'not yet due' END, count(*)"
                        + " FROM mail_outbox GROUP BY 1, 2 ORDER BY 1, 2 DESC")) {
            query.setLong(1, System.currentTimeMillis());
            var kinds = new java.util.LinkedHashMap<String, List<String>>();
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    kinds.computeIfAbsent(result.getString(1), kind -> new ArrayList<>())
                            .add(String.format(Locale.ROOT, "%,d %s", result.getLong(3), result.getString(2)));
                }
            }
            var counts = new java.util.StringJoiner("; ");
            kinds.forEach((kind, statuses) -> counts.add(kind + " " + String.join(", ", statuses)));
            return kinds.isEmpty() ? "empty" : counts.toString();
        } catch (SQLException e) {
            return "not readable (" + e.getMessage() + ")";
        }
    }

    /** {@code side_by_side.py}'s cold measurement, when the script and its tools are there. */
    private void sideBySide(Path dataDir) throws IOException, InterruptedException {
        if (sideBySide.equals("none")) {
            report.add("Cold, side by side with the seed-style peer: skipped (-Dbenchmark.sideBySide=none)");
            return;
        }
        var jar = SeatwiseProcess.jar().toAbsolutePath();
        // web/target/seatwise.jar: the repository's root is three levels up
        var root = jar.getParent().getParent().getParent();
        var script = sideBySide.isBlank()
                ? root.resolve("../shared/bench/side_by_side.py").normalize()
                : Path.of(sideBySide).toAbsolutePath();
        var missing = SideBySide.missing(script);
        if (missing != null) {
            print("side_by_side.py skipped: %s", missing);
            report.add("Cold, side by side with the seed-style peer: skipped, " + missing);
            return;
        }
        print("Running %s (the server as the README starts it, then the peer)", script);
        var result = SideBySide.run(script, root, jar, dataDir.getParent());
        if (result.peerFailed()) {
            // seed_peer.py creates its tables as each of gunicorn's four workers imports it, and on a busy machine two
            // of them can race; the whole measurement is run again, Seatwise's part included
            print("  the peer did not start (%s); once more", String.join(" ", result.lines()));
            result = SideBySide.run(script, root, jar, dataDir.getParent());
        }
        result.lines().forEach(line -> print("  %s", line));
        report.add(
                "Cold, side by side with the seed-style peer (side_by_side.py, a new server as the README starts it):");
        result.lines().forEach(line -> report.add("  " + line));
        if (!result.ran()) {
            failures.add(String.join(" ", result.lines()));
        } else if (result.other() > 0) {
            failures.add("side_by_side.py: " + result.other() + " of Seatwise's answers were neither 201 nor 409");
        }
    }

    /** What each group of threads used between two readings of {@link ServerProcess#cpuNanosByThreads()}. */
    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        var used = new HashMap<String, Long>();
        after.forEach((threads, nanos) -> used.put(threads, nanos - before.getOrDefault(threads, 0L)));
        return used;
    }

    /** The groups of threads that used the most CPU, as milliseconds per decided booking, the busiest first. */
    private static String perBooking(Map<String, Long> used, BookingLoad.Outcome outcome) {
        return used.entrySet().stream()
                .filter(threads -> threads.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .map(threads -> String.format(
                        Locale.ROOT, "%s %.3f", threads.getKey(), threads.getValue() / 1e6 / outcome.decided()))
                .collect(Collectors.joining(", "));
    }

    private static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }

    /** Samples the server's heap in the background and keeps the highest reading. */
    private static final class HeapWatch implements AutoCloseable {

        private final AtomicLong peak = new AtomicLong();
        private final java.util.concurrent.ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor();

        HeapWatch(ServerProcess server, String adminToken) {
            // A reading that fails is left out; one that throws would end the sampling.
            sampler.scheduleAtFixedRate(
                    () -> {
                        try {
                            peak.accumulateAndGet(server.heapUsedBytes(adminToken), Math::max);
                        } catch (RuntimeException missed) {
                            System.err.println("Heap reading failed: " + missed.getMessage());
                        }
                    },
                    0,
                    1,
                    TimeUnit.SECONDS);
        }

        long peakBytes() {
            return peak.get();
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }
}
