package io.seatwise.web.benchmark;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The numbers Seatwise publishes, measured end to end on this machine: {@code mvn -B -Pbenchmark -DskipTests verify}.
 *
 * <p>It starts the built jar on a temporary data directory with a 512 MB heap, schedules an event with 40,000 seats,
 * and books it through the HTTP API: a latency probe on the fresh event, a storm of concurrent clients, the same probe
 * on the now long history, and the event page. It then stops the server, grows the event store to a million events
 * and times the operator's replay command. Settings are system properties: {@code benchmark.clients} (64),
 * {@code benchmark.requests} (40,000), {@code benchmark.replayEvents} (1,000,000), {@code benchmark.jfr} (a file to
 * record a flight recording of the server into).
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

    private static final int MAX_WARM_UP_ROUNDS = 24;
    private static final double CONFLICT_SHARE = 0.1;
    private static final Pattern REPLAY_SUMMARY = Pattern.compile("Replayed ([\\d,]+) events .* \\(([\\d,]+) ev/s\\)");

    private final int clients = Integer.getInteger("benchmark.clients", 64);
    private final int requests = Integer.getInteger("benchmark.requests", 40_000);
    private final long replayEvents = Long.getLong("benchmark.replayEvents", 1_000_000);
    private final String flightRecording = System.getProperty("benchmark.jfr", "");
    private final List<String> report = new ArrayList<>();

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
        try (var server = ServerProcess.start(dataDir, "512m", jvmOptions)) {
            var api = server.api();
            var admin = api.token(ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD);
            venueId = api.createVenue(admin, "Benchmark Arena", ROWS, SEATS_PER_ROW);
            var eventId = api.scheduleEvent(
                    admin, venueId, "Sell-out night", Instant.now().plus(Duration.ofDays(30)));
            var tokens = registerClients(api, accountIds);
            print("Server pid %d; %d clients with a token each; event of %,d seats", server.pid(), clients, CAPACITY);

            try (var heap = new HeapWatch(server, admin)) {
                warmUp(server, admin, venueId, tokens);

                var load = new BookingLoad(api.baseUrl(), eventId, CAPACITY, 42);
                var fresh = load.run(tokens, 1, PROBE_REQUESTS, 0);
                describe("fresh event, 1 client", fresh);

                long serverCpu = server.cpuNanos();
                long clientCpu = ownCpuNanos();
                long compiled = server.compilationMillis(admin);
                print("Storm begins at %s", java.time.LocalTime.now());
                var storm = load.run(tokens, clients, requests, CONFLICT_SHARE);
                print("Storm ends at %s", java.time.LocalTime.now());
                serverCpu = server.cpuNanos() - serverCpu;
                clientCpu = ownCpuNanos() - clientCpu;
                compiled = server.compilationMillis(admin) - compiled;
                describe("one event, " + clients + " clients", storm);
                print(
                        "  the JIT compilers worked %.0f%% of the storm",
                        100.0 * compiled / storm.elapsed().toMillis());

                var late = load.run(tokens, 1, PROBE_REQUESTS, 0);
                describe(
                        "same event after " + String.format(Locale.ROOT, "%,d", load.seatsHandedOut())
                                + " seats, 1 client",
                        late);

                long bookings = fresh.booked() + storm.booked() + late.booked();
                var caughtUp = awaitReadModel(api, eventId, bookings);
                var page = timePage(api, eventId);

                report.add("");
                report.add(String.format(
                        Locale.ROOT,
                        "Decided bookings/s, %d clients on one event: %,.0f (p50 %.1f ms, p99 %.1f ms)",
                        clients,
                        storm.decidedPerSecond(),
                        storm.millisAt(50),
                        storm.millisAt(99)));
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
                        clientCpu / 1e6 / storm.decided()));
                report.add(String.format(
                        Locale.ROOT,
                        "SQLite single-row commits/s: %,.0f; bookings/s are %.0f%% of that",
                        commitsPerSecond,
                        100 * storm.decidedPerSecond() / commitsPerSecond));
                report.add(String.format(
                        Locale.ROOT, "Read models caught up %.1f s after the last booking", caughtUp.toMillis() / 1e3));
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

        if (replayEvents > 0) {
            replay(dataDir, venueId, accountIds);
        }
        System.out.println();
        System.out.println("== Seatwise benchmark results");
        report.forEach(System.out::println);
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
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS && quietRounds < 2; round++) {
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
                "%-40s %,7d decided in %5.1f s = %,6.0f/s  (201: %,d, 409: %,d, other: %,d)  p50 %.2f ms  p99 %.2f ms  max %.1f ms",
                what,
                outcome.decided(),
                outcome.elapsed().toMillis() / 1e3,
                outcome.decidedPerSecond(),
                outcome.booked(),
                outcome.refused(),
                outcome.failed(),
                outcome.millisAt(50),
                outcome.millisAt(99),
                outcome.latencyMicros().getMaxValue() / 1000.0);
        outcome.errors().forEach(error -> print("  unexpected answer: %s", error));
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(-1L);
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
