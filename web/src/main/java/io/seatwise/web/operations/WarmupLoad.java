package io.seatwise.web.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rehearsal's load: what people do when a sale opens, through the server's own HTTP API on loopback. A few clients
 * book one to four random seats of a large hall's event each (taken seats answer 409, which is rehearsed as well),
 * now and then cancel one of their bookings, and read the event, its seats and its page; a hall that fills up is
 * followed by another event.
 */
final class WarmupLoad {

    record Credentials(String email, String password) {}

    /** The rehearsal's admin, with a password of its own for every start. */
    static final Credentials CREDENTIALS = new Credentials("warmup@seatwise.invalid", randomPassword());

    private static final int CLIENTS = 8;
    private static final int ROWS = 100;
    private static final int SEATS_PER_ROW = 100;
    private static final int CAPACITY = ROWS * SEATS_PER_ROW;
    /** Bookings of one event before the next one opens, so that most requests still find free seats. */
    private static final int BOOKINGS_PER_EVENT = CAPACITY / 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Credentials admin;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final AtomicLong decided = new AtomicLong();
    private volatile String event;
    private String adminToken;
    private String venue;

    WarmupLoad(int port, Credentials admin) {
        this.base = "http://127.0.0.1:" + port;
        this.admin = admin;
    }

    /** Books for the given time and answers how many bookings were decided (201 or 409). */
    long run(Duration duration) {
        adminToken = token(admin);
        venue = send(
                        "POST",
                        "/api/venues",
                        Map.of("name", "Warm-up hall", "city", "Nowhere", "rows", ROWS, "seatsPerRow", SEATS_PER_ROW),
                        adminToken)
                .path("id")
                .asText();
        event = newEvent();
        var deadline = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            var running = new ArrayList<Future<?>>();
            for (int client = 0; client < CLIENTS; client++) {
                var user = new Credentials("warmup-" + client + "@seatwise.invalid", randomPassword());
                send(
                        "POST",
                        "/api/users",
                        Map.of("email", user.email(), "password", user.password(), "displayName", "Warm-up " + client),
                        null);
                var token = token(user);
                running.add(clients.submit(() -> book(token, deadline)));
            }
            for (var client : running) {
                client.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a warm-up client failed", e.getCause());
        } finally {
            clients.shutdownNow();
        }
        return decided.get();
    }

    private void book(String token, long deadline) {
        var random = ThreadLocalRandom.current();
        var mine = new ArrayList<String>();
        while (System.nanoTime() < deadline) {
            var current = event;
            var seats = new ArrayList<Integer>();
            for (int seat = 0, count = 1 + random.nextInt(4); seat < count; seat++) {
                int number = 1 + random.nextInt(CAPACITY);
                if (!seats.contains(number)) {
                    seats.add(number);
                }
            }
            var booking = call("POST", "/api/events/" + current + "/bookings", Map.of("seats", seats), token);
            if (booking.statusCode() == 201 || booking.statusCode() == 409) {
                long count = decided.incrementAndGet();
                if (count % BOOKINGS_PER_EVENT == 0) {
                    event = newEvent();
                }
            }
            if (booking.statusCode() == 201) {
                mine.add(parse(booking).path("bookingId").asText());
            }
            int chance = random.nextInt(100);
            if (chance < 3 && !mine.isEmpty()) {
                call("DELETE", "/api/bookings/" + mine.remove(mine.size() - 1), null, token);
            } else if (chance < 5) {
                call("GET", "/api/events/" + current, null, null);
                call("GET", "/api/events/" + current + "/seats", null, null);
            } else if (chance < 6) {
                call("GET", "/events/" + current, null, null);
                call("GET", "/", null, null);
            }
        }
    }

    private String newEvent() {
        var startsAt = Instant.now().plus(Duration.ofDays(30)).toString();
        return send(
                        "POST",
                        "/api/events",
                        Map.of(
                                "venueId",
                                venue,
                                "title",
                                "Warm-up night",
                                "description",
                                "A rehearsal",
                                "startsAt",
                                startsAt,
                                "priceCents",
                                1000),
                        adminToken)
                .path("id")
                .asText();
    }

    private String token(Credentials credentials) {
        return send(
                        "POST",
                        "/api/auth/token",
                        Map.of("email", credentials.email(), "password", credentials.password()),
                        null)
                .path("token")
                .asText();
    }

    /** A call whose answer the rehearsal needs: anything but a 2xx ends it. */
    private JsonNode send(String method, String path, Object body, String token) {
        var response = call(method, path, body, token);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        return parse(response);
    }

    private HttpResponse<String> call(String method, String path, Object body, String token) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
