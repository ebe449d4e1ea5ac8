package io.seatwise.web.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The live seat map over real HTTP, as a browser's EventSource reads it, and its JSON twin for polling. */
class SeatMapStreamTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private LiveSeatMaps live;

    private String eventId;

    @BeforeEach
    void matinee() {
        eventId = eventOnSale("Playhouse", 4, 10, "Matinee", 7);
    }

    @Test
    void streamStartsWithTheWholeMapThenSendsEachBookingAndCancellationAfterItIsStored() throws Exception {
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, eventId, List.of(1, 2)).status()).isEqualTo(201);
        eventually(() -> api.seatMapShows(eventId, List.of(1, 2)));

        try (var stream = Stream.open(port, eventId)) {
            var snapshot = stream.next();
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(snapshot.retry()).isEqualTo("1000");
            // the hall as the page draws it: one section "Main" of rows A to D with ten standard seats each
            var layout = snapshot.data().get("layout");
            assertThat(layout.get("sections").get(0).get("name").asText()).isEqualTo("Main");
            assertThat(layout.get("sections").get(0).get("rows")).hasSize(4);
            assertThat(layout.get("sections")
                            .get(0)
                            .get("rows")
                            .get(3)
                            .get("label")
                            .asText())
                    .isEqualTo("D");
            assertThat(layout.get("sections")
                            .get(0)
                            .get("rows")
                            .get(3)
                            .get("seats")
                            .asText())
                    .isEqualTo("SSSSSSSSSS");
            assertThat(layout.get("categories").get(0).get("code").asText()).isEqualTo("S");
            assertThat(snapshot.data().get("bookedCount").asInt()).isEqualTo(2);
            assertThat(seats(snapshot.data().get("booked").asText())).containsExactly(1, 2);

            assertThat(api.book(api.newUserToken("Bo"), eventId, List.of(17, 18))
                            .status())
                    .isEqualTo(201);
            var booked = stream.next();
            // sent once the read model has committed: whoever reads the map now sees the seats
            assertThat(api.bookedSeats(eventId)).contains(17, 18);
            assertThat(booked.name()).isEqualTo("change");
            assertThat(ApiClient.ints(booked.data().get("booked"))).containsExactly(17, 18);
            assertThat(ApiClient.ints(booked.data().get("released"))).isEmpty();

            var cat = api.newUserToken("Cat");
            var cancellable = api.book(cat, eventId, List.of(30));
            assertThat(stream.next().data().get("booked").toString()).isEqualTo("[30]");
            assertThat(api.delete(
                                    "/api/bookings/"
                                            + cancellable
                                                    .json()
                                                    .get("bookingId")
                                                    .asText(),
                                    cat)
                            .status())
                    .isEqualTo(204);
            var released = stream.next();
            assertThat(ApiClient.ints(released.data().get("released"))).containsExactly(30);
            assertThat(ApiClient.ints(released.data().get("booked"))).isEmpty();
        }
    }

    @Test
    void streamOnlyCarriesItsOwnEvent() throws Exception {
        var other = eventOnSale("Annex", 2, 5, "Other", 7);
        try (var stream = Stream.open(port, eventId)) {
            stream.next();
            var token = api.newUserToken("Dee");
            assertThat(api.book(token, other, List.of(3)).status()).isEqualTo(201);
            assertThat(api.book(token, eventId, List.of(5)).status()).isEqualTo(201);
            assertThat(ApiClient.ints(stream.next().data().get("booked"))).containsExactly(5);
        }
    }

    @Test
    void streamOfAnUnknownEventIsNotFound() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/events/no-such-event/seats/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(api.get("/events/no-such-event/seats/availability").status()).isEqualTo(404);
    }

    @Test
    void streamOfAViewerWhoLeftIsClosedAndItsSubscriptionCancelled() throws Exception {
        // an event of its own: streams that other tests left are found closed at any moment, and would change a count
        var event = eventOnSale("Left Early Hall", 4, 10, "Left early", 7);
        var id = EventId.of(event);
        var stream = Stream.open(port, event);
        stream.next();
        assertThat(live.openStreams(id)).isEqualTo(1);

        stream.close();
        // The server finds out when it next writes to the stream: here a booking, else the heartbeat. The first write
        // after the close may still land in the socket's buffer, so it books on, one seat at a time, until the
        // stream is gone (on a busy machine the writes of several bookings can come at once, before the close is seen).
        var token = api.newUserToken("Eve");
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int seat = 21; seat <= 40 && live.openStreams(id) > 0 && System.nanoTime() < deadline; seat++) {
            api.book(token, event, List.of(seat));
            Thread.sleep(500);
        }
        eventually(Duration.ofSeconds(5), () -> live.openStreams(id) == 0);
    }

    @Test
    void availabilityForPollingIsTheSameMapAsTheApiShows() throws Exception {
        assertThat(api.book(api.newUserToken("Fin"), eventId, List.of(9, 10, 40))
                        .status())
                .isEqualTo(201);
        eventually(() -> api.bookedSeats(eventId).containsAll(List.of(9, 10, 40)));

        var response = api.get("/events/" + eventId + "/seats/availability");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(seats(response.json().get("booked").asText())).isEqualTo(api.bookedSeats(eventId));
        assertThat(response.json().get("bookedCount").asInt())
                .isEqualTo(api.bookedSeats(eventId).size());
    }

    private static List<Integer> seats(String base64) {
        var bits = BitSet.valueOf(Base64.getDecoder().decode(base64));
        return bits.stream().boxed().toList();
    }

    /** One Server-Sent Events stream, read event by event. */
    private record Stream(BufferedReader reader, InputStream body) implements AutoCloseable {

        record Event(String name, String retry, JsonNode data) {}

        static Stream open(int port, String eventId) throws Exception {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/events/" + eventId + "/seats/stream"))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            var body = response.body();
            return new Stream(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)), body);
        }

        /** The next event, waiting at most five seconds; heartbeats (comments) are skipped. */
        Event next() throws Exception {
            return CompletableFuture.supplyAsync(this::read).get(5, TimeUnit.SECONDS);
        }

        private Event read() {
            try {
                String name = null;
                String retry = null;
                var data = new ArrayList<String>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            return new Event(name, retry, JSON.readTree(String.join("\n", data)));
                        }
                        continue;
                    }
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("retry:")) {
                        retry = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5));
                    }
                }
                throw new IllegalStateException("The stream ended");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
