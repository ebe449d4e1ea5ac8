package io.seatwise.web.booking;

import io.seatwise.web.ApiClient;
import io.seatwise.web.mail.Booker;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients booking seats over HTTP, as fast as they can or with a pause after each answer, one thread and one account
 * each, for tests that take the server away in the middle: each client books random seats of random events until its
 * connection is lost or refused, the server answers 503, or it has sent its share of requests. Every request is kept
 * with what came of it.
 */
final class BookingStorm implements AutoCloseable {

    /**
     * One booking request: sent and ended on {@link System#nanoTime()}, with its answer, or with none because the
     * connection was refused or lost on the way.
     */
    record Shot(
            Booker booker, String eventId, List<Integer> seats, long sentAt, long endedAt, ApiClient.Response answer) {

        boolean acknowledged() {
            return answer != null && answer.status() == 201;
        }

        boolean unanswered() {
            return answer == null;
        }

        String bookingId() {
            return answer.json().get("bookingId").asText();
        }
    }

    private static final int MAX_SHOTS_PER_CLIENT = 2_000;

    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();
    private final List<Shot> shots = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile boolean stopping;

    private final Duration pause;

    private BookingStorm(int clients, Duration pause) {
        this.pool = Executors.newFixedThreadPool(clients);
        this.pause = pause;
    }

    /** Lets every booker book 1..{@code maxSeats} random seats of a random one of the events, again and again. */
    static BookingStorm start(ApiClient api, List<Booker> bookers, List<String> events, int capacity, int maxSeats) {
        return start(api, bookers, events, capacity, maxSeats, Duration.ZERO);
    }

    /** As {@link #start(ApiClient, List, List, int, int)}, each client waiting {@code pause} after each answer. */
    static BookingStorm start(
            ApiClient api, List<Booker> bookers, List<String> events, int capacity, int maxSeats, Duration pause) {
        var storm = new BookingStorm(bookers.size(), pause);
        for (var booker : bookers) {
            storm.clients.add(storm.pool.submit(() -> storm.client(api, booker, events, capacity, maxSeats)));
        }
        return storm;
    }

    private void client(ApiClient api, Booker booker, List<String> events, int capacity, int maxSeats) {
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < MAX_SHOTS_PER_CLIENT && !stopping; i++) {
            var event = events.get(random.nextInt(events.size()));
            var seats = BookingRace.randomSeats(capacity, random.nextInt(1, maxSeats + 1));
            long sentAt = System.nanoTime();
            ApiClient.Response answer;
            try {
                answer = api.book(booker.token(), event, seats);
            } catch (UncheckedIOException refusedOrLost) {
                answer = null;
            }
            shots.add(new Shot(booker, event, seats, sentAt, System.nanoTime(), answer));
            if (answer == null || answer.status() == 503) {
                return;
            }
            if (answer.status() == 201) {
                acknowledged.incrementAndGet();
            }
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException closed) {
                    return;
                }
            }
        }
    }

    /** Waits until the server has acknowledged at least {@code count} bookings. */
    void awaitAcknowledged(int count, Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (acknowledged.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + acknowledged.get() + " of " + count + " bookings within " + within);
            }
            Thread.sleep(5);
        }
    }

    /** How many bookings the server has acknowledged so far. */
    int acknowledged() {
        return acknowledged.get();
    }

    /** Lets every client end after the answer to the request it is sending. */
    void stop() {
        stopping = true;
    }

    /** Waits for every client to end, and answers every request they sent. */
    List<Shot> awaitEnd(Duration within) throws Exception {
        var deadline = System.nanoTime() + within.toNanos();
        for (var client : clients) {
            client.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        synchronized (shots) {
            return List.copyOf(shots);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
