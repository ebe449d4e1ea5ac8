package io.seatwise.web.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Many clients booking seats of one event through the JSON API, each request a full command round trip. A request asks
 * for one seat, or for a random count of up to {@code maxSeats}; seats are handed out from a shuffled list (so a
 * request's seats lie anywhere in the hall) so that most bookings succeed; a share of the requests deliberately asks
 * for seats that were handed out before, as a rush does, and is refused with 409 (all or nothing: one taken seat is
 * enough). Both answers are decisions and both count; any other answer, or none, is a failure.
 */
final class BookingLoad {

    /** What one run of the load decided, and how long each decision took. */
    record Outcome(
            long booked,
            long refused,
            long failed,
            long seatsBooked,
            Histogram latencyMicros,
            Duration elapsed,
            long clientCpuNanos,
            List<String> errors) {

        long decided() {
            return booked + refused;
        }

        double decidedPerSecond() {
            return decided() / seconds();
        }

        /** Only the bookings that were made (201), per second. */
        double bookedPerSecond() {
            return booked / seconds();
        }

        double seatsPerSecond() {
            return seatsBooked / seconds();
        }

        private double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        double millisAt(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String baseUrl;
    private final String eventId;
    private final List<Integer> seats;
    private final AtomicInteger handedOut;

    /** A load on the event's seats 1..capacity, handed out in an order fixed by the seed. */
    BookingLoad(String baseUrl, String eventId, int capacity, long seed) {
        this(baseUrl, eventId, shuffled(capacity, seed), new AtomicInteger());
    }

    private BookingLoad(String baseUrl, String eventId, List<Integer> seats, AtomicInteger handedOut) {
        this.baseUrl = baseUrl;
        this.eventId = eventId;
        this.seats = seats;
        this.handedOut = handedOut;
    }

    private static List<Integer> shuffled(int capacity, long seed) {
        var order = new ArrayList<>(IntStream.rangeClosed(1, capacity).boxed().toList());
        Collections.shuffle(order, new java.util.Random(seed));
        return List.copyOf(order);
    }

    /** The same load, the seats it handed out included, sent to another server (the same data started again). */
    BookingLoad at(String otherBaseUrl) {
        return new BookingLoad(otherBaseUrl, eventId, seats, handedOut);
    }

    String eventId() {
        return eventId;
    }

    int seatsHandedOut() {
        return handedOut.get();
    }

    /** A seat that no request of this load has asked for yet, taken from the load's list. */
    int freshSeat() {
        return nextSeats(1, 0)[0];
    }

    /**
     * Sends {@code requests} single-seat bookings from {@code clients} concurrent clients, each with a token of its own
     * from the list (round robin); {@code conflictShare} of them ask for an already handed-out seat.
     */
    Outcome run(List<String> tokens, int clients, int requests, double conflictShare) throws InterruptedException {
        return run(tokens, clients, requests, conflictShare, 1);
    }

    /** As {@link #run(List, int, int, double)}, each request for a random count of 1 to {@code maxSeats} seats. */
    Outcome run(List<String> tokens, int clients, int requests, double conflictShare, int maxSeats)
            throws InterruptedException {
        var latency = new ConcurrentHistogram(3);
        var booked = new AtomicLong();
        var refused = new AtomicLong();
        var failed = new AtomicLong();
        var seatsBooked = new AtomicLong();
        var clientCpu = new AtomicLong();
        var errors = new ConcurrentLinkedQueue<String>();
        var budget = new AtomicInteger(requests);
        var done = new CountDownLatch(clients);
        // A kept-alive connection per client. The clients share the two cores with the server, so the load generator
        // has to be cheap: blocking I/O on the client's own thread, no cookies, no retries.
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(clients)
                .setMaxConnPerRoute(clients)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .build())
                .build();
        var http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(60))
                        .build())
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            var token = tokens.get(client % tokens.size());
            var worker = new Thread(
                    () -> {
                        try {
                            while (budget.getAndDecrement() > 0) {
                                int[] seats =
                                        nextSeats(ThreadLocalRandom.current().nextInt(1, maxSeats + 1), conflictShare);
                                long sent = System.nanoTime();
                                int status = book(http, token, seats, errors);
                                latency.recordValue((System.nanoTime() - sent) / 1000);
                                switch (status) {
                                    case 201 -> {
                                        booked.incrementAndGet();
                                        seatsBooked.addAndGet(seats.length);
                                    }
                                    case 409 -> refused.incrementAndGet();
                                    default -> failed.incrementAndGet();
                                }
                            }
                        } catch (RuntimeException outOfSeats) {
                            errors.add(outOfSeats.getMessage());
                            failed.incrementAndGet();
                        } finally {
                            // the load generator's own CPU: its clients' threads, not GreenMail's in the same JVM
                            clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime());
                            done.countDown();
                        }
                    },
                    "booking-client-" + client);
            worker.start();
        }
        done.await();
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        try {
            http.close();
        } catch (IOException ignored) {
            // the run is measured; a connection that fails to close changes nothing
        }
        return new Outcome(
                booked.get(),
                refused.get(),
                failed.get(),
                seatsBooked.get(),
                latency,
                elapsed,
                clientCpu.get(),
                List.copyOf(errors).stream().limit(5).toList());
    }

    /**
     * {@code count} distinct seats: fresh ones from the list, or with a chance of {@code conflictShare} ones handed out
     * before (booked, or being booked by another client), of which at least one is taken by the time this request is
     * decided unless it wins that race.
     */
    private int[] nextSeats(int count, double conflictShare) {
        var random = ThreadLocalRandom.current();
        int before = handedOut.get();
        if (before >= count && random.nextDouble() < conflictShare) {
            return random.ints(0, before)
                    .distinct()
                    .limit(count)
                    .map(seats::get)
                    .toArray();
        }
        int next = handedOut.getAndAdd(count);
        if (next + count > seats.size()) {
            throw new IllegalStateException("The load ran out of seats: ask for fewer requests");
        }
        return seats.subList(next, next + count).stream()
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private int book(CloseableHttpClient http, String token, int[] seats, Queue<String> errors) {
        var request = new HttpPost(baseUrl + "/api/events/" + eventId + "/bookings");
        request.setHeader("Authorization", "Bearer " + token);
        request.setHeader("Accept", "application/json");
        var json = new StringBuilder("{\"seats\":[");
        for (int i = 0; i < seats.length; i++) {
            json.append(i == 0 ? "" : ",").append(seats[i]);
        }
        request.setEntity(new StringEntity(json.append("]}").toString(), ContentType.APPLICATION_JSON));
        try {
            return http.execute(request, response -> {
                var body = EntityUtils.toString(response.getEntity());
                if (response.getCode() != 201 && response.getCode() != 409) {
                    errors.add(response.getCode() + " " + body);
                }
                return response.getCode();
            });
        } catch (IOException e) {
            errors.add(e.toString());
            return -1;
        }
    }
}
