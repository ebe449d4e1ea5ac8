package io.seatwise.web.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live seat map over real HTTP, as a browser's EventSource reads it, and its JSON twin for polling: bookings,
 * cancellations and the waitlist's holds, and a map that the read model has not caught up with yet.
 */
class SeatMapStreamTest extends ApplicationTest {

    @Autowired
    private LiveSeatMaps live;

    @Autowired
    private RecentSeatChanges recent;

    @Autowired
    private EventProcessingConfiguration processing;

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

        try (var stream = SeatMapStream.open(api.baseUrl(), eventId)) {
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
            assertThat(SeatMapStream.seats(snapshot.data().get("booked").asText()))
                    .containsExactly(1, 2);

            assertThat(api.book(api.newUserToken("Bo"), eventId, List.of(17, 18))
                            .status())
                    .isEqualTo(201);
            var booked = stream.next();
            assertThat(booked.name()).isEqualTo("change");
            // the number of the seat-map event that made the change, which the map's version counts
            assertThat(booked.data().get("version").asLong())
                    .isGreaterThan(snapshot.data().get("version").asLong());
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
        try (var stream = SeatMapStream.open(api.baseUrl(), eventId)) {
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
        var stream = SeatMapStream.open(api.baseUrl(), event);
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
        assertThat(SeatMapStream.seats(response.json().get("booked").asText())).isEqualTo(api.bookedSeats(eventId));
        assertThat(response.json().get("bookedCount").asInt())
                .isEqualTo(api.bookedSeats(eventId).size());
    }

    @Test
    void seatsHeldForTheWaitlistShowHeldUntilTheOfferIsAccepted() throws Exception {
        var event = eventOnSale("Waiting Room", 1, 4, "Held for the waitlist", 7);
        var holder = api.newUserToken("Holder");
        var booking = api.book(holder, event, List.of(1, 2, 3, 4));
        assertThat(booking.status()).isEqualTo(201);
        var ann = api.newUserToken("Ann");
        var entry = api.post("/api/events/" + event + "/waitlist", Map.of("count", 2), ann);
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);

        try (var stream = SeatMapStream.open(api.baseUrl(), event)) {
            var shown = new SeatMapStream.Shown();
            follow(stream, shown, () -> shown.booked.equals(Set.of(1, 2, 3, 4)));

            var cancelled = api.delete(
                    "/api/bookings/" + booking.json().get("bookingId").asText(), holder);
            assertThat(cancelled.status()).isEqualTo(204);
            // the cancellation frees the seats, and the offer to the first in line holds two of them
            follow(stream, shown, () -> shown.booked.isEmpty() && shown.held.size() == 2);
            var held = List.copyOf(shown.held);

            eventually(() -> api.get("/api/me/waitlist", ann)
                    .json()
                    .findValuesAsText("status")
                    .contains("offered"));
            var accepted = api.post("/api/waitlist/" + entry.json().get("id").asText() + "/accept", Map.of(), ann);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            assertThat(ApiClient.ints(accepted.json().get("seats"))).isEqualTo(held);
            follow(stream, shown, () -> shown.booked.equals(Set.copyOf(held)) && shown.held.isEmpty());
        }
    }

    /**
     * The changes come from the event store, the map from the read model, which may be behind it: a map that lacks a
     * change sent before its stream opened goes out with the change applied.
     */
    @Test
    void aStreamWhoseMapLacksAChangeSentBeforeItOpenedStartsWithTheChangeApplied() throws Exception {
        var seatMaps = processing
                .eventProcessor("seat-maps", StreamingEventProcessor.class)
                .orElseThrow();
        seatMaps.shutDown();
        try {
            assertThat(api.book(api.newUserToken("Gil"), eventId, List.of(5, 6)).status())
                    .isEqualTo(201);
            // sent to no stream (none is open), and kept
            eventually(() -> recent.after(EventId.of(eventId), 0).changes().stream()
                    .anyMatch(change -> change.booked().equals(List.of(5, 6))));
            var readModel =
                    api.get("/events/" + eventId + "/seats/availability").json();
            assertThat(SeatMapStream.seats(readModel.get("booked").asText())).doesNotContain(5, 6);

            try (var stream = SeatMapStream.open(api.baseUrl(), eventId)) {
                var snapshot = stream.next();
                assertThat(snapshot.name()).isEqualTo("snapshot");
                assertThat(SeatMapStream.seats(snapshot.data().get("booked").asText()))
                        .contains(5, 6);
                assertThat(snapshot.data().get("bookedCount").asInt())
                        .isEqualTo(readModel.get("bookedCount").asInt() + 2);
                assertThat(snapshot.data().get("version").asLong())
                        .isGreaterThan(readModel.get("version").asLong());
            }
        } finally {
            seatMaps.start();
        }
        eventually(() -> api.seatMapShows(eventId, List.of(5, 6)));
    }

    /**
     * A map older than the oldest change this node keeps of its event cannot be brought up to date from them: the
     * stream reads the map again a second later (here the read model never catches up with changes it was never
     * given, so it keeps trying until the test leaves).
     */
    @Test
    void aStreamWhoseMapIsOlderThanTheChangesKeptReadsItsMapAgain() throws Exception {
        var event = eventOnSale("Far Behind Hall", 1, 4, "Far behind", 7);
        var id = EventId.of(event);
        long first = 1_000;
        for (long version = first; version <= first + RecentSeatChanges.PER_EVENT; version++) {
            recent.add(SeatAvailabilityChanged.booked(id, version, List.of(2)));
        }

        try (var stream = SeatMapStream.open(api.baseUrl(), event)) {
            var snapshot = stream.next();
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(SeatMapStream.seats(snapshot.data().get("booked").asText()))
                    .containsExactly(2);
            assertThat(snapshot.data().get("version").asLong()).isEqualTo(first + RecentSeatChanges.PER_EVENT);

            var again = stream.next();
            assertThat(again.name()).isEqualTo("snapshot");
            assertThat(SeatMapStream.seats(again.data().get("booked").asText())).containsExactly(2);
        }
    }

    /** Applies the stream's events to the map shown until the condition holds; fails if the stream falls silent. */
    private static void follow(SeatMapStream stream, SeatMapStream.Shown shown, BooleanSupplier condition)
            throws InterruptedException {
        while (!condition.getAsBoolean()) {
            shown.apply(stream.next());
        }
    }
}
