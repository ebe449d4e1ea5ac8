package io.seatwise.web.benchmark;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Nginx;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.SeatwiseProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Two nodes against one on a mixed load (issue 18), each time behind nginx with the documented configuration on a
 * fresh PostgreSQL database: {@code mvn -B -Pbenchmark -DskipTests verify
 * -Dbenchmark.main=io.seatwise.web.benchmark.NodesBenchmark}, with {@code SEATWISE_TEST_POSTGRES_URL} (and its user and
 * password) and {@code SEATWISE_TEST_NGINX} set as for the tests.
 *
 * <p>It schedules {@value #EVENTS} events of {@value #ROWS} × {@value #SEATS_PER_ROW} seats and lets
 * {@value #CLIENTS} clients, each signed in as a user of its own, do what visitors of a sale do, one request after the
 * other without pause: a fifth of the requests book one or two seats of a random event at random (201 or 409), the
 * rest read the home page, an event's page or an event's seat map as JSON. The load runs for
 * {@code nodes.warmUpSeconds} (40) to warm the nodes' JIT, then for {@code nodes.seconds} (30) measured. Any answer
 * other than 200, 201 or 409 is counted and fails the run after the figures. Both rounds run on the same machine: two
 * nodes share its cores with each other, PostgreSQL, nginx and the clients.
 */
public final class NodesBenchmark {

    private static final int EVENTS = 8;
    private static final int ROWS = 40;
    private static final int SEATS_PER_ROW = 50;
    private static final int CLIENTS = 48;
    private static final double BOOKING_SHARE = 0.2;

    private enum Kind {
        BOOKING,
        HOME_PAGE,
        EVENT_PAGE,
        SEAT_MAP
    }

    /**
     * What one round measured: the latencies of each kind of request in microseconds (HdrHistogram, as
     * {@link BookingLoad} records them), the bookings refused as taken, and the answers that were wrong.
     */
    private record Figures(int nodes, Duration measured, Map<Kind, Histogram> latencies, long wrong, long conflicts) {

        long requests() {
            return latencies.values().stream()
                    .mapToLong(Histogram::getTotalCount)
                    .sum();
        }

        String line(Kind kind) {
            var micros = latencies.get(kind);
            return "%-10s %7.0f/s  p50 %5.1f ms  p99 %6.1f ms"
                    .formatted(
                            kind.name().toLowerCase().replace('_', ' '),
                            micros.getTotalCount() / (measured.toMillis() / 1000.0),
                            micros.getValueAtPercentile(50) / 1000.0,
                            micros.getValueAtPercentile(99) / 1000.0);
        }
    }

    private NodesBenchmark() {}

    public static void main(String[] args) throws Exception {
        var warmUp = Duration.ofSeconds(Integer.getInteger("nodes.warmUpSeconds", 40));
        var measured = Duration.ofSeconds(Integer.getInteger("nodes.seconds", 30));
        var rounds = new ArrayList<Figures>();
        for (int nodes = 1; nodes <= 2; nodes++) {
            rounds.add(round(nodes, warmUp, measured));
        }
        System.out.printf(
                "%nMixed load, %d clients, %d%% bookings, measured for %d s after %d s of the same load:%n",
                CLIENTS, Math.round(BOOKING_SHARE * 100), measured.toSeconds(), warmUp.toSeconds());
        for (var round : rounds) {
            System.out.printf(
                    "%d node%s behind nginx: %.0f requests/s, %d bookings refused as taken, %d wrong answers%n",
                    round.nodes(),
                    round.nodes() == 1 ? "" : "s",
                    round.requests() / (measured.toMillis() / 1000.0),
                    round.conflicts(),
                    round.wrong());
            for (var kind : Kind.values()) {
                System.out.println("  " + round.line(kind));
            }
        }
        if (rounds.stream().anyMatch(round -> round.wrong() > 0)) {
            throw new IllegalStateException("Some answers were neither 200, 201 nor 409: see the nodes' logs");
        }
    }

    private static Figures round(int nodeCount, Duration warmUp, Duration measured) throws Exception {
        var folder = Files.createTempDirectory("seatwise-nodes-benchmark-");
        var nodes = new ArrayList<SeatwiseProcess>();
        try (var database = PostgresDatabase.create("nodes_benchmark")) {
            for (int node = 0; node < nodeCount; node++) {
                nodes.add(SeatwiseProcess.start(
                        folder.resolve("node" + node), "node" + node, List.of("-Xmx512m"), settings(database)));
            }
            try (var nginx =
                    Nginx.start(nodes.stream().map(SeatwiseProcess::port).toList())) {
                var lb = nginx.api();
                var events = scheduleEvents(lb, nodes);
                var tokens = new ArrayList<String>();
                for (int client = 0; client < CLIENTS; client++) {
                    tokens.add(lb.newUserToken("Visitor " + client));
                }
                var base = "http://127.0.0.1:" + nginx.port();
                System.out.printf("%d node(s): warming up for %d s%n", nodeCount, warmUp.toSeconds());
                load(base, events, tokens, warmUp);
                System.out.printf("%d node(s): measuring for %d s%n", nodeCount, measured.toSeconds());
                return load(base, events, tokens, measured).of(nodeCount, measured);
            }
        } finally {
            nodes.forEach(SeatwiseProcess::close);
        }
    }

    private static String[] settings(PostgresDatabase database) {
        var settings = new ArrayList<>(List.of(database.settings()));
        settings.add("--seatwise.trusted-proxies=127.0.0.1,::1");
        settings.add("--seatwise.booking.max-seats-per-account=0");
        return settings.toArray(String[]::new);
    }

    private static List<String> scheduleEvents(ApiClient lb, List<SeatwiseProcess> nodes) {
        var admin = lb.token(ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD);
        var events = new ArrayList<String>();
        for (int event = 0; event < EVENTS; event++) {
            var venue = lb.createVenue(admin, "Mixed hall " + event, ROWS, SEATS_PER_ROW);
            events.add(lb.scheduleEventWithoutLimit(
                    admin, venue, "Mixed night " + event, Instant.now().plus(Duration.ofDays(30))));
        }
        for (var node : nodes) {
            for (var event : events) {
                ApplicationTest.eventually(
                        Duration.ofSeconds(30),
                        () -> node.api().get("/api/events/" + event + "/seats").status() == 200);
            }
        }
        return events;
    }

    /** Every client's requests, recorded as they are answered. */
    private record Load(Map<Kind, Histogram> latencies, LongAdder wrong, LongAdder conflicts) {

        static Load empty() {
            var latencies = new EnumMap<Kind, Histogram>(Kind.class);
            for (var kind : Kind.values()) {
                latencies.put(kind, new ConcurrentHistogram(3));
            }
            return new Load(latencies, new LongAdder(), new LongAdder());
        }

        Figures of(int nodes, Duration measured) {
            return new Figures(nodes, measured, latencies, wrong.sum(), conflicts.sum());
        }
    }

    private static Load load(String base, List<String> events, List<String> tokens, Duration duration)
            throws Exception {
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var end = System.nanoTime() + duration.toNanos();
        var load = Load.empty();
        ExecutorService clients = Executors.newFixedThreadPool(tokens.size());
        try {
            var futures = new ArrayList<Future<?>>();
            for (var token : tokens) {
                futures.add(clients.submit(() -> client(http, base, events, token, end, load)));
            }
            for (var future : futures) {
                future.get();
            }
            return load;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void client(HttpClient http, String base, List<String> events, String token, long end, Load load) {
        var random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            var event = events.get(random.nextInt(events.size()));
            Kind kind;
            HttpRequest request;
            if (random.nextDouble() < BOOKING_SHARE) {
                kind = Kind.BOOKING;
                int first = 1 + random.nextInt(ROWS * SEATS_PER_ROW - 1);
                var seats = random.nextBoolean() ? "[" + first + "]" : "[" + first + "," + (first + 1) + "]";
                request = HttpRequest.newBuilder(URI.create(base + "/api/events/" + event + "/bookings"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"seats\": " + seats + "}"))
                        .build();
            } else {
                kind = Kind.values()[1 + random.nextInt(Kind.values().length - 1)];
                var path = switch (kind) {
                    case HOME_PAGE -> "/";
                    case EVENT_PAGE -> "/events/" + event;
                    default -> "/api/events/" + event + "/seats";
                };
                request = HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build();
            }
            long started = System.nanoTime();
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.ofByteArray())
                        .statusCode();
            } catch (Exception e) {
                status = 0;
            }
            load.latencies().get(kind).recordValue((System.nanoTime() - started) / 1_000);
            if (status == 409) {
                load.conflicts().increment();
            } else if (status != 200 && status != 201) {
                load.wrong().increment();
            }
        }
    }
}
