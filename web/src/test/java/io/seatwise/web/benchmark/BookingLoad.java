package io.seatwise.web.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Many clients booking seats of one event through the JSON API, each request a full command round trip. Seats are
 * handed out from a shuffled list so that most bookings succeed; a share of the requests deliberately asks for a seat
 * that was handed out before, as a rush does, and is refused with 409. Both answers are decisions and both count.
 */
final class BookingLoad {

    /** What one run of the load decided, and how long each decision took. */
    record Outcome(
            long booked, long refused, long failed, Histogram latencyMicros, Duration elapsed, List<String> errors) {

        long decided() {
            return booked + refused;
        }

        double decidedPerSecond() {
            return decided() / (elapsed.toNanos() / 1e9);
        }

        double millisAt(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final int CLIENTS_PER_CONNECTION_POOL = 8;

    private final String baseUrl;
    private final String eventId;
    private final List<Integer> seats;
    private final AtomicInteger handedOut = new AtomicInteger();

    /** A load on the event's seats 1..capacity, handed out in an order fixed by the seed. */
    BookingLoad(String baseUrl, String eventId, int capacity, long seed) {
        this.baseUrl = baseUrl;
        this.eventId = eventId;
        var order = new ArrayList<>(IntStream.rangeClosed(1, capacity).boxed().toList());
        Collections.shuffle(order, new java.util.Random(seed));
        this.seats = List.copyOf(order);
    }

    int seatsHandedOut() {
        return handedOut.get();
    }

    /**
     * Sends {@code requests} bookings from {@code clients} concurrent clients, each with a token of its own from the
     * list (round robin); {@code conflictShare} of them ask for an already handed-out seat.
     */
    Outcome run(List<String> tokens, int clients, int requests, double conflictShare) throws InterruptedException {
        var latency = new ConcurrentHistogram(3);
        var booked = new AtomicLong();
        var refused = new AtomicLong();
        var failed = new AtomicLong();
        var errors = new ConcurrentLinkedQueue<String>();
        var budget = new AtomicInteger(requests);
        var done = new CountDownLatch(clients);
        var pools = new ArrayList<HttpClient>();
        for (int i = 0; i < clients; i += CLIENTS_PER_CONNECTION_POOL) {
            pools.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build());
        }
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            var http = pools.get(client / CLIENTS_PER_CONNECTION_POOL);
            var token = tokens.get(client % tokens.size());
            var worker = new Thread(
                    () -> {
                        try {
                            while (budget.getAndDecrement() > 0) {
                                int seat = nextSeat(conflictShare);
                                long sent = System.nanoTime();
                                int status = book(http, token, seat, errors);
                                latency.recordValue((System.nanoTime() - sent) / 1000);
                                switch (status) {
                                    case 201 -> booked.incrementAndGet();
                                    case 409 -> refused.incrementAndGet();
                                    default -> failed.incrementAndGet();
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "booking-client-" + client);
            worker.start();
        }
        done.await();
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Outcome(
                booked.get(),
                refused.get(),
                failed.get(),
                latency,
                elapsed,
                List.copyOf(errors).stream().limit(5).toList());
    }

    private int nextSeat(double conflictShare) {
        var random = ThreadLocalRandom.current();
        int before = handedOut.get();
        if (before > 0 && random.nextDouble() < conflictShare) {
            return seats.get(random.nextInt(before));
        }
        int next = handedOut.getAndIncrement();
        if (next >= seats.size()) {
            throw new IllegalStateException("The load ran out of seats: ask for fewer requests");
        }
        return seats.get(next);
    }

    private int book(HttpClient http, String token, int seat, Queue<String> errors) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/events/" + eventId + "/bookings"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seats\":[" + seat + "]}"))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                errors.add(response.statusCode() + " " + response.body());
            }
            return response.statusCode();
        } catch (IOException e) {
            errors.add(e.toString());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
