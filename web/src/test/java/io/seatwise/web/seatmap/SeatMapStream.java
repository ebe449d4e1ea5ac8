package io.seatwise.web.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One live seat map's Server-Sent Events stream over real HTTP, read as a browser's EventSource reads it: a thread of
 * its own reads the events as they come (heartbeats, which are comments, are skipped), each noted with the moment it
 * arrived, and {@link #next()} hands them out in order.
 */
public final class SeatMapStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Event END = new Event("end", null, null, 0);

    public record Event(String name, String retry, JsonNode data, long arrivedNanos) {}

    private final InputStream body;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SeatMapStream(InputStream body) {
        this.body = body;
        var reader = new Thread(this::read, "seat-map-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the event's stream on the server at the base URL ({@code http://localhost:port}). */
    public static SeatMapStream open(String baseUrl, String eventId) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/events/" + eventId + "/seats/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        return new SeatMapStream(response.body());
    }

    /** The next event, waiting at most five seconds. */
    public Event next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }

    /** The next event, waiting at most as long as given. */
    public Event next(Duration within) throws InterruptedException {
        var event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event on the stream within " + within.toMillis() + " ms");
        }
        if (event == END) {
            events.add(END);
            throw new IllegalStateException("The stream ended");
        }
        return event;
    }

    private void read() {
        try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String retry = null;
            var data = new ArrayList<String>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, retry, JSON.readTree(String.join("\n", data)), System.nanoTime()));
                    }
                    name = null;
                    retry = null;
                    data.clear();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                }
            }
        } catch (IOException closed) {
            // the test closed the stream, or the server did
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    /** The seats of a bit set as the stream sends it (Base64, seat n = bit n). */
    public static List<Integer> seats(String base64) {
        var bits = BitSet.valueOf(Base64.getDecoder().decode(base64));
        return bits.stream().boxed().toList();
    }

    /** The map as a browser that follows the stream draws it: the last snapshot with every change since applied. */
    public static final class Shown {

        public final TreeSet<Integer> booked = new TreeSet<>();
        public final TreeSet<Integer> held = new TreeSet<>();

        public void apply(Event event) {
            var data = event.data();
            if (event.name().equals("snapshot")) {
                booked.clear();
                booked.addAll(seats(data.get("booked").asText()));
                held.clear();
                held.addAll(seats(data.get("held").asText()));
                return;
            }
            data.get("booked").forEach(seat -> booked.add(seat.asInt()));
            data.get("released").forEach(seat -> booked.remove(seat.asInt()));
            data.get("held").forEach(seat -> held.add(seat.asInt()));
            data.get("unheld").forEach(seat -> held.remove(seat.asInt()));
        }
    }
}
