package io.seatwise.web.booking;

import static io.seatwise.web.ApiClient.ints;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Real threads booking the seats of one event over HTTP at the same moment, one user account each, and the checks
 * that every answer allows: no seat sold twice, every refusal a 409 naming seats that really were sold.
 */
final class BookingRace implements AutoCloseable {

    /** One booking attempt and its answer. */
    record Attempt(String token, List<Integer> seats, ApiClient.Response response) {

        boolean accepted() {
            return response.status() == 201;
        }
    }

    /** What the race sold, as the 201 answers say: seat to booking, and seats per user. */
    record Outcome(Map<Integer, String> bookingOfSeat, Map<String, Integer> seatsPerToken) {

        List<Integer> soldSeats() {
            return List.copyOf(new TreeSet<>(bookingOfSeat.keySet()));
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private final ApiClient api;
    private final List<ApiClient> nodes;
    private final ExecutorService pool;
    private final int racers;

    BookingRace(ApiClient api, int racers) {
        this(List.of(api), racers);
    }

    /**
     * A race over several nodes of one database: accounts are registered on the first, and each racer sends its
     * bookings to the nodes in turn, starting with a different one than its neighbour.
     */
    BookingRace(List<ApiClient> nodes, int racers) {
        this.api = nodes.get(0);
        this.nodes = List.copyOf(nodes);
        this.racers = racers;
        this.pool = Executors.newFixedThreadPool(racers);
    }

    /** One bearer token per racer, for accounts registered in parallel. */
    List<String> tokens() throws Exception {
        var registrations = IntStream.range(0, racers)
                .<Callable<String>>mapToObj(racer -> () -> api.newUserToken("Racer " + racer))
                .toList();
        var tokens = new ArrayList<String>();
        for (var registration : pool.invokeAll(registrations, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            tokens.add(registration.get());
        }
        return tokens;
    }

    /** A random choice of {@code count} distinct seats among 1..{@code seats}. */
    static List<Integer> randomSeats(int seats, int count) {
        var chosen = new TreeSet<Integer>();
        while (chosen.size() < count) {
            chosen.add(ThreadLocalRandom.current().nextInt(1, seats + 1));
        }
        return List.copyOf(chosen);
    }

    /** Lets every racer try {@code attempts} bookings of seats from the chooser, all starting together. */
    List<Attempt> run(String event, List<String> tokens, int attempts, Supplier<List<Integer>> chooser)
            throws Exception {
        var ready = new CountDownLatch(tokens.size());
        var go = new CountDownLatch(1);
        var results = new ArrayList<Future<List<Attempt>>>();
        for (int racer = 0; racer < tokens.size(); racer++) {
            var token = tokens.get(racer);
            var first = racer;
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                var tried = new ArrayList<Attempt>();
                for (int i = 0; i < attempts; i++) {
                    var seats = chooser.get();
                    var node = nodes.get((first + i) % nodes.size());
                    tried.add(new Attempt(token, seats, node.book(token, event, seats)));
                }
                return tried;
            }));
        }
        assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        var all = new ArrayList<Attempt>();
        for (var result : results) {
            all.addAll(result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return all;
    }

    /**
     * Checks every answer: each is a 201 or a 409, no seat is in two 201s, each 201 holds the seats asked for, and each
     * 409 names seats that were asked for and that some 201 sold.
     */
    static Outcome check(List<Attempt> attempts) {
        assertThat(attempts)
                .allSatisfy(attempt -> assertThat(attempt.response().status())
                        .as(attempt.response().body())
                        .isIn(201, 409));
        var bookingOfSeat = new HashMap<Integer, String>();
        var seatsPerToken = new HashMap<String, Integer>();
        for (var attempt : attempts) {
            if (attempt.accepted()) {
                var answer = attempt.response().json();
                var sold = ints(answer.get("seats"));
                assertThat(sold).containsExactlyInAnyOrderElementsOf(attempt.seats());
                for (int seat : sold) {
                    var earlier = bookingOfSeat.putIfAbsent(
                            seat, answer.get("bookingId").asText());
                    assertThat(earlier).as("seat %d sold twice", seat).isNull();
                }
                seatsPerToken.merge(attempt.token(), sold.size(), Integer::sum);
            }
        }
        for (var attempt : attempts) {
            if (!attempt.accepted()) {
                var unavailable = ints(attempt.response().json().get("unavailableSeats"));
                assertThat(unavailable).as(attempt.response().body()).isNotEmpty();
                assertThat(attempt.seats()).containsAll(unavailable);
                assertThat(bookingOfSeat.keySet()).containsAll(unavailable);
            }
        }
        return new Outcome(bookingOfSeat, seatsPerToken);
    }

    /** How many seats of the event each user's "my bookings" holds, for the users that hold any. */
    static Map<String, Integer> seatsInMyBookings(ApiClient api, List<String> tokens, String event) {
        var seats = new HashMap<String, Integer>();
        for (var token : tokens) {
            for (var booking : api.get("/api/me/bookings", token).json()) {
                if (booking.get("eventId").asText().equals(event)) {
                    seats.merge(token, booking.get("seats").size(), Integer::sum);
                }
            }
        }
        return seats;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
