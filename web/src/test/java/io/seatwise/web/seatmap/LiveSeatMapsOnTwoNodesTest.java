package io.seatwise.web.seatmap;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import io.seatwise.web.TimeSensitive;
import io.seatwise.web.storage.postgres.ClusterNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live seat maps on two nodes of one PostgreSQL database: a map open on one node shows, within a second, every booking
 * and cancellation made on either node, of events whose {@code seat-maps} segment either node's processor handles.
 * Each node tells its own open maps from the event store, not from its share of the projection.
 */
@NeedsPostgreSql
@TimeSensitive
class LiveSeatMapsOnTwoNodesTest {

    private static final String SEAT_MAPS = "seat-maps";
    private static final int EVENTS_PER_SEGMENT = 2;

    private static PostgresDatabase database;
    private static StandaloneApplication nodeA;
    private static StandaloneApplication nodeB;
    private static ApiClient a;
    private static ApiClient b;

    /** A booking or a cancellation of some seats, and when its node answered it. */
    private record Action(String event, boolean booking, List<Integer> seats, long answeredNanos) {}

    @BeforeAll
    static void twoNodes() throws Exception {
        database = PostgresDatabase.create("live_seat_maps");
        var nodes = StandaloneApplication.startTwoNodes(database.settings());
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
        a = nodeA.api();
        b = nodeB.api();
        // each node handles one of the seat maps' two segments
        eventually(
                Duration.ofSeconds(45),
                () -> Set.copyOf(segmentOwners().values()).equals(Set.of(nodeId(nodeA), nodeId(nodeB))));
    }

    @AfterAll
    static void stop() throws SQLException {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSeatMapOpenOnOneNodeShowsEveryBookingAndCancellationOfBothNodesWithinASecond() throws Exception {
        var events = eventsOfBothSegments();
        var owners = segmentOwners();
        assertThat(events)
                .as("events whose seat maps node A projects, and events whose seat maps node B projects")
                .anyMatch(event -> owners.get(segmentOf(event)).equals(nodeId(nodeA)))
                .anyMatch(event -> owners.get(segmentOf(event)).equals(nodeId(nodeB)));
        for (var event : events) {
            eventually(() -> b.get("/events/" + event + "/seats/availability").status() == 200);
        }
        var streams = new LinkedHashMap<String, SeatMapStream>();
        try {
            for (var event : events) {
                streams.put(event, SeatMapStream.open(b.baseUrl(), event));
            }
            var ann = a.newUserToken("Ann");
            var bob = b.newUserToken("Bob");
            var actions = new ArrayList<Action>();
            for (var event : events) {
                var annOnA = book(actions, a, ann, event, List.of(1, 2));
                var bobOnB = book(actions, b, bob, event, List.of(3));
                book(actions, a, ann, event, List.of(6));
                book(actions, b, bob, event, List.of(7, 8));
                cancel(actions, b, ann, event, annOnA, List.of(1, 2));
                cancel(actions, a, bob, event, bobOnB, List.of(3));
            }

            for (var event : events) {
                var stream = streams.get(event);
                var shown = new SeatMapStream.Shown();
                var changes = new ArrayList<SeatMapStream.Event>();
                while (!shown.booked.equals(Set.of(6, 7, 8))) {
                    var next = stream.next();
                    shown.apply(next);
                    changes.add(next);
                }
                for (var action : actions.stream()
                        .filter(action -> action.event().equals(event))
                        .toList()) {
                    var arrived = changes.stream()
                            .filter(change -> change.name().equals("change"))
                            .filter(change -> ApiClient.ints(
                                            change.data().get(action.booking() ? "booked" : "released"))
                                    .containsAll(action.seats()))
                            .findFirst();
                    assertThat(arrived).as("%s shown on node B", action).isPresent();
                    assertThat(Duration.ofNanos(arrived.get().arrivedNanos() - action.answeredNanos()))
                            .as("%s shown on node B after it was answered", action)
                            .isLessThanOrEqualTo(Duration.ofSeconds(1));
                }
            }
        } finally {
            for (var stream : streams.values()) {
                stream.close();
            }
        }
    }

    /** New events, {@value #EVENTS_PER_SEGMENT} in each of the seat maps' two segments. */
    private static List<String> eventsOfBothSegments() {
        var admin = a.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        var events = new ArrayList<String>();
        var perSegment = new int[2];
        for (int made = 0; perSegment[0] < EVENTS_PER_SEGMENT || perSegment[1] < EVENTS_PER_SEGMENT; made++) {
            var venue = a.createVenue(admin, "Live hall " + made, 2, 5);
            var event = a.scheduleEvent(
                    admin, venue, "Live night " + made, Instant.now().plus(Duration.ofDays(3)));
            if (perSegment[segmentOf(event)]++ < EVENTS_PER_SEGMENT) {
                events.add(event);
            }
        }
        return events;
    }

    private static String book(List<Action> actions, ApiClient node, String token, String event, List<Integer> seats) {
        var booked = node.book(token, event, seats);
        long answered = System.nanoTime();
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        actions.add(new Action(event, true, seats, answered));
        return booked.json().get("bookingId").asText();
    }

    private static void cancel(
            List<Action> actions, ApiClient node, String token, String event, String booking, List<Integer> seats) {
        var cancelled = node.delete("/api/bookings/" + booking, token);
        long answered = System.nanoTime();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
        actions.add(new Action(event, false, seats, answered));
    }

    /** The segment of the seat maps' processor that handles the event: its seat map's events go by its id. */
    private static int segmentOf(String event) {
        return Segment.computeSegment(0, 0, 1).matches(event) ? 0 : 1;
    }

    private static String nodeId(StandaloneApplication node) {
        return node.context().getBean(ClusterNode.class).id();
    }

    /** Who holds each segment of the seat maps' processor, as the token store has it. */
    private static Map<Integer, String> segmentOwners() {
        var owners = new HashMap<Integer, String>();
        try (var connection = database.connect();
                var query = connection.prepareStatement(
                        "SELECT segment, owner FROM TokenEntry WHERE processorName = ? AND owner IS NOT NULL")) {
            query.setString(1, SEAT_MAPS);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getInt(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return owners;
    }
}
