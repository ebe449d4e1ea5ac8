package io.seatwise.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A small HTTP client for the JSON API, talking to the application over a real socket. */
public class ApiClient {

    /** The password of every user that {@link #newUserToken} registers. */
    public static final String USER_PASSWORD = "correct-horse-battery";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private UnaryOperator<String> mailedVerificationToken;
    private final List<String> headers;

    public ApiClient(int port) {
        this("http://localhost:" + port, List.of());
    }

    private ApiClient(String baseUrl, List<String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    /**
     * The same client with headers on every request, such as the {@code X-Forwarded-For} that a proxy in front of
     * Seatwise adds to name the client it passes on.
     */
    public ApiClient withHeaders(String... headerNamesAndValues) {
        var all = new ArrayList<>(headers);
        all.addAll(List.of(headerNamesAndValues));
        var client = new ApiClient(baseUrl, List.copyOf(all));
        client.mailedVerificationToken = mailedVerificationToken;
        return client;
    }

    /** The same client as a trusted proxy in front of Seatwise passes it on: named by its address. */
    public ApiClient from(String clientAddress) {
        return withHeaders("X-Forwarded-For", clientAddress);
    }

    /**
     * Where accounts must verify their address: {@link #register} then verifies each account it registers, through
     * {@code POST /api/users/verify} with the token of the link mailed to it, which {@code mailedToken} finds by the
     * address.
     */
    public ApiClient verifyingWith(UnaryOperator<String> mailedToken) {
        this.mailedVerificationToken = mailedToken;
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, Object body) {
        return post(path, body, null);
    }

    public Response post(String path, Object body, String token) {
        return postRaw(path, toJson(body), token);
    }

    /** Posts the body exactly as given, so that tests can send malformed JSON. */
    public Response postRaw(String path, String body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response put(String path, Object body, String token) {
        return putRaw(path, toJson(body), token);
    }

    /** Puts the body exactly as given, so that tests can send malformed JSON. */
    public Response putRaw(String path, String body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response patch(String path, Object body, String token) {
        return send("PATCH", path, toJson(body), token);
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** The Prometheus text of {@code /actuator/prometheus}, which answers no request for JSON. */
    public Response metrics(String token) {
        return send(request("/actuator/prometheus", token)
                .setHeader("Accept", "text/plain")
                .GET()
                .build());
    }

    /** Any method, with the body exactly as given (none when null). */
    public Response send(String method, String path, String body, String token) {
        var builder = request(path, token);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String toJson(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Flows that most tests need.

    public String register(String email, String password, String displayName) {
        var response = post("/api/users", Map.of("email", email, "password", password, "displayName", displayName));
        if (response.status() != 201) {
            throw new IllegalStateException("Registration failed: " + response.status() + " " + response.body());
        }
        if (mailedVerificationToken != null) {
            var verified = post("/api/users/verify", Map.of("token", mailedVerificationToken.apply(email)));
            if (verified.status() != 204) {
                throw new IllegalStateException("Verification failed: " + verified.status() + " " + verified.body());
            }
        }
        return response.json().get("id").asText();
    }

    public String token(String email, String password) {
        var response = post("/api/auth/token", Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("Token failed: " + response.status() + " " + response.body());
        }
        return response.json().get("token").asText();
    }

    /** Registers a new user with a unique email and returns a bearer token for it. */
    public String newUserToken(String name) {
        var email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + System.nanoTime() + "@example.com";
        register(email, USER_PASSWORD, name);
        return token(email, USER_PASSWORD);
    }

    public String createVenue(String adminToken, String name, int rows, int seatsPerRow) {
        var response = post(
                "/api/venues",
                Map.of("name", name, "city", "Testville", "rows", rows, "seatsPerRow", seatsPerRow),
                adminToken);
        if (response.status() != 201) {
            throw new IllegalStateException("Venue failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asText();
    }

    public String scheduleEvent(String adminToken, String venueId, String title, java.time.Instant startsAt) {
        return schedule(adminToken, venueId, title, startsAt, Map.of("priceCents", 1250));
    }

    /** Schedules an event with one price and no limit of seats per account: one account may book it all. */
    public String scheduleEventWithoutLimit(
            String adminToken, String venueId, String title, java.time.Instant startsAt) {
        return schedule(adminToken, venueId, title, startsAt, Map.of("priceCents", 1250, "maxSeatsPerAccount", 0));
    }

    /**
     * The hall of SPEC §1's example: Stalls rows A ("WC..PPPPPP..CW", seats 1-10) and B ("SSS.SSSSSS.SSS", 11-22),
     * Circle row A ("RSSSSSSSSSSR", 23-34); categories P, S, R (restricted), W (wheelchair), C (companion).
     */
    public static Map<String, Object> exampleHall() {
        return Map.of(
                "categories",
                exampleCategories(),
                "sections",
                List.of(
                        Map.of(
                                "name",
                                "Stalls",
                                "rows",
                                List.of(
                                        Map.of("label", "A", "seats", "WC..PPPPPP..CW"),
                                        Map.of("label", "B", "seats", "SSS.SSSSSS.SSS"))),
                        Map.of("name", "Circle", "rows", List.of(Map.of("label", "A", "seats", "RSSSSSSSSSSR")))));
    }

    /** SPEC §1's categories: P, S, R (restricted), W (wheelchair), C (companion). */
    public static List<Map<String, String>> exampleCategories() {
        return List.of(
                Map.of("code", "P", "name", "Premium"),
                Map.of("code", "S", "name", "Standard"),
                Map.of("code", "R", "name", "Restricted view", "kind", "restricted"),
                Map.of("code", "W", "name", "Wheelchair space", "kind", "wheelchair"),
                Map.of("code", "C", "name", "Companion seat", "kind", "companion"));
    }

    /** Prices for {@link #exampleHall()}: P 45.00, S 25.00, R 12.00, W and C 25.00. */
    public static Map<String, Long> exampleHallPrices() {
        return Map.of("P", 4500L, "S", 2500L, "R", 1200L, "W", 2500L, "C", 2500L);
    }

    /** Creates a venue with a layout in the full form (a map or a JSON-like structure of lists and maps). */
    public String createVenue(String adminToken, String name, Object layout) {
        var response = post("/api/venues", Map.of("name", name, "city", "Testville", "layout", layout), adminToken);
        if (response.status() != 201) {
            throw new IllegalStateException("Venue failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asText();
    }

    /** Schedules an event priced per category, with the given single-seat rule ("allow" or "refuse"). */
    public String scheduleEvent(
            String adminToken,
            String venueId,
            String title,
            java.time.Instant startsAt,
            Map<String, Long> prices,
            String singleSeatRule) {
        return schedule(
                adminToken, venueId, title, startsAt, Map.of("prices", prices, "singleSeatRule", singleSeatRule));
    }

    private String schedule(
            String adminToken, String venueId, String title, java.time.Instant startsAt, Map<String, Object> pricing) {
        var body = new java.util.HashMap<String, Object>(pricing);
        body.putAll(Map.of(
                "venueId", venueId, "title", title, "description", "A test event", "startsAt", startsAt.toString()));
        var response = post("/api/events", body, adminToken);
        if (response.status() != 201) {
            throw new IllegalStateException("Event failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asText();
    }

    /** Books the best available {@code count} seats, of {@code category} unless it is null. */
    public Response bookBestAvailable(String token, String eventId, int count, String category) {
        var wanted = category == null ? Map.of("count", count) : Map.of("count", count, "category", category);
        return post("/api/events/" + eventId + "/bookings", Map.of("bestAvailable", wanted), token);
    }

    public Response book(String token, String eventId, List<Integer> seats) {
        return post("/api/events/" + eventId + "/bookings", Map.of("seats", seats), token);
    }

    /** The booked seats of an event as the read side shows them, ascending. */
    public List<Integer> bookedSeats(String eventId) {
        var response = get("/api/events/" + eventId + "/seats");
        if (response.status() != 200) {
            throw new IllegalStateException("Seat map failed: " + response.status() + " " + response.body());
        }
        return ints(response.json().get("booked"));
    }

    /** Whether the read side shows exactly these seats of the event as booked (false while it knows no such event). */
    public boolean seatMapShows(String eventId, List<Integer> booked) {
        var response = get("/api/events/" + eventId + "/seats");
        return response.status() == 200 && ints(response.json().get("booked")).equals(booked);
    }

    /** The event as the read side shows it, or nothing while it knows no such event. */
    public Optional<JsonNode> event(String eventId) {
        var response = get("/api/events/" + eventId);
        return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
    }

    /** The numbers in a JSON array, in their order; an empty list for a missing array. */
    public static List<Integer> ints(JsonNode array) {
        var numbers = new ArrayList<Integer>();
        if (array != null) {
            array.forEach(number -> numbers.add(number.intValue()));
        }
        return numbers;
    }
}
