package io.seatwise.web.booking;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import io.seatwise.web.TimeSensitive;
import io.seatwise.web.storage.postgres.ClusterNode;
import io.seatwise.web.ticket.TicketCodes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Seatwise nodes, each its own application with its own port and data folder, on one fresh PostgreSQL database,
 * started at the same moment: one first admin and one set of demo data between them, tokens from either node good on
 * both, tickets signed with one key, each node's bookings visible on the other within a second, clients racing for the same seats across both
 * nodes without any seat sold twice (in the answers, in the event store and in both nodes' seat maps), each node
 * holding claims on the processors' segments, and every confirmation mailed once although both nodes deliver mail.
 */
@NeedsPostgreSql
@TimeSensitive
class PostgresTwoNodesTest {

    private static final int RACERS = 24;
    private static final int ATTEMPTS_PER_RACER = 4;
    private static final int SEATS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PostgresDatabase database;
    private static StandaloneApplication nodeA;
    private static StandaloneApplication nodeB;
    private static ApiClient a;
    private static ApiClient b;

    @BeforeAll
    static void twoNodesStartTogether() throws Exception {
        database = PostgresDatabase.create("two_nodes");
        var settings = new ArrayList<>(List.of(database.settings()));
        settings.add("--seatwise.demo=true");
        var nodes = StandaloneApplication.startTwoNodes(settings.toArray(String[]::new));
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
        a = nodeA.api();
        b = nodeB.api();
        // While a segment passes from one node to the other, nobody handles its events for a few seconds; the tests
        // of how quickly bookings show begin once the nodes have shared out the segments.
        eventually(Duration.ofSeconds(45), PostgresTwoNodesTest::bothNodesHoldClaimsOnEveryProcessor);
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
    void nodesStartingTogetherCreateTheFirstAdminAndTheDemoDataOnce() throws SQLException {
        assertThat(storedEvents("io.seatwise.api.account.AccountRegistered", "email", ADMIN_EMAIL))
                .as("registrations of the first admin")
                .isEqualTo(1);
        assertThat(storedEvents("io.seatwise.api.account.AccountRegistered", "email", "demo@seatwise.local"))
                .as("registrations of the demo guest")
                .isEqualTo(1);
        assertThat(storedEvents("io.seatwise.api.venue.VenueCreated", "name", "The Lantern Hall"))
                .as("demo venues of the same name")
                .isEqualTo(1);
        eventually(() -> countNamed(a.get("/api/venues").json(), "The Lantern Hall") == 1
                && countNamed(b.get("/api/venues").json(), "The Lantern Hall") == 1);
    }

    private static long countNamed(com.fasterxml.jackson.databind.JsonNode venues, String name) {
        var count = 0L;
        for (var venue : venues) {
            if (venue.get("name").asText().equals(name)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aTokenFromOneNodeIsAcceptedByTheOther() {
        var fromA = a.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        var fromB = b.token(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(b.get("/api/me/bookings", fromA).status()).isEqualTo(200);
        assertThat(a.get("/api/me/bookings", fromB).status()).isEqualTo(200);
        assertThat(b.get("/api/admin/stats", fromA).status()).isEqualTo(200);
    }

    @Test
    void bothNodesSignTicketsWithTheSameKey() {
        var codesOfA = nodeA.context().getBean(TicketCodes.class);
        var codesOfB = nodeB.context().getBean(TicketCodes.class);
        var ticket = new TicketCodes.TicketCode(EventId.random(), BookingId.next(), 17);

        assertThat(codesOfA.publicKeySpki()).isEqualTo(codesOfB.publicKeySpki());
        assertThat(codesOfB.read(codesOfA.code(ticket.eventId(), ticket.bookingId(), ticket.seat())))
                .contains(ticket);
        assertThat(codesOfA.read(codesOfB.code(ticket.eventId(), ticket.bookingId(), ticket.seat())))
                .contains(ticket);
    }

    @Test
    void bothNodesHoldClaimsOnEveryProcessorWithTwoSegments() {
        assertThat(bothNodesHoldClaimsOnEveryProcessor()).isTrue();
        assertThat(owners().get("mail")).hasSize(1);
    }

    private static boolean bothNodesHoldClaimsOnEveryProcessor() {
        var both = Set.of(nodeId(nodeA), nodeId(nodeB));
        var owners = owners();
        return Stream.of("catalog", "seat-maps", "my-bookings", "reviews", "statistics")
                .allMatch(processor -> both.equals(owners.get(processor)));
    }

    @Test
    void aBookingOnOneNodeShowsOnTheOtherWithinASecond() {
        var event = newEvent("Seen everywhere", 2, 5);
        var ann = a.newUserToken("Ann");

        var onA = a.book(ann, event, List.of(1, 2));
        assertThat(onA.status()).as(onA.body()).isEqualTo(201);
        eventually(Duration.ofSeconds(1), () -> b.seatMapShows(event, List.of(1, 2)));

        var onB = b.book(ann, event, List.of(7));
        assertThat(onB.status()).as(onB.body()).isEqualTo(201);
        eventually(Duration.ofSeconds(1), () -> a.seatMapShows(event, List.of(1, 2, 7)));
        eventually(
                Duration.ofSeconds(1),
                () -> a.get("/api/me/bookings", ann).json().size() == 2);
    }

    /**
     * Each node keeps the seat maps it used in its cache. A node whose cached seat map missed the other node's booking
     * decides on stale state; its events then collide with the other node's on the unique (aggregate, sequence) key,
     * Axon drops the cached seat map, and the command is decided again on what is stored.
     */
    @Test
    void aStaleSeatMapInOneNodesCacheNeverSellsASeatTwice() throws SQLException {
        var event = newEvent("Stale cache", 1, 6);
        var ann = a.newUserToken("Ann");
        var bob = a.newUserToken("Bob");
        assertThat(b.book(ann, event, List.of(1)).status()).isEqualTo(201); // B caches the seat map
        assertThat(a.book(ann, event, List.of(2)).status()).isEqualTo(201); // A's copy, from scheduling, was stale

        var again = b.book(bob, event, List.of(2, 3)); // B's copy misses seat 2

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(ApiClient.ints(again.json().get("unavailableSeats"))).containsExactly(2);
        var fresh = b.book(bob, event, List.of(3));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        assertThat(soldInEventStore(event)).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void clientsRacingOnBothNodesNeverSellASeatTwice() throws Exception {
        var event = newEvent("Final on two nodes", 3, SEATS / 3);
        try (var race = new BookingRace(List.of(a, b), RACERS)) {
            var tokens = race.tokens();

            var attempts = race.run(event, tokens, ATTEMPTS_PER_RACER, () -> BookingRace.randomSeats(SEATS, 2));

            assertThat(attempts).hasSize(RACERS * ATTEMPTS_PER_RACER);
            assertThat(attempts).as("some bookings lost the race").anyMatch(attempt -> !attempt.accepted());
            var outcome = BookingRace.check(attempts);
            var sold = outcome.soldSeats();
            assertThat(sold).isNotEmpty();
            assertThat(soldInEventStore(event)).containsExactlyInAnyOrderElementsOf(sold);
            eventually(Duration.ofSeconds(1), () -> a.seatMapShows(event, sold) && b.seatMapShows(event, sold));
            for (var node : List.of(a, b)) {
                eventually(() -> node.event(event)
                        .map(summary -> summary.get("booked").asInt() == sold.size())
                        .orElse(false));
                eventually(
                        () -> BookingRace.seatsInMyBookings(node, tokens, event).equals(outcome.seatsPerToken()));
            }
            var bookings = new HashSet<>(outcome.bookingOfSeat().values());
            eventually(Duration.ofSeconds(15), () -> confirmationsSentOnce(bookings));
        }
    }

    private static String newEvent(String title, int rows, int seatsPerRow) {
        var admin = a.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        var venue = a.createVenue(admin, title + " hall", rows, seatsPerRow);
        return a.scheduleEvent(admin, venue, title, Instant.now().plus(Duration.ofDays(3)));
    }

    private static String nodeId(StandaloneApplication node) {
        return node.context().getBean(ClusterNode.class).id();
    }

    /** How many events of the type the event store holds whose payload has the value in the field. */
    private static int storedEvents(String payloadType, String field, String value) throws SQLException {
        try (var connection = database.connect();
                var query = connection.prepareStatement("SELECT count(*) FROM DomainEventEntry WHERE payloadType = ?"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> ? = ?")) {
            query.setString(1, payloadType);
            query.setString(2, field);
            query.setString(3, value);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Every seat that a SeatsBooked event of the seat map names, as often as it is named. */
    private static List<Integer> soldInEventStore(String event) throws SQLException {
        var seats = new ArrayList<Integer>();
        try (var connection = database.connect();
                var query = connection.prepareStatement("SELECT convert_from(payload, 'UTF8') FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? AND payloadType = 'io.seatwise.api.booking.SeatsBooked'")) {
            query.setString(1, event);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    JSON.readTree(rows.getString(1)).get("seats").forEach(seat -> seats.add(seat.asInt()));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        return seats;
    }

    /** The owners of each processor's segments, as the token store has them. */
    private static Map<String, Set<String>> owners() {
        var owners = new HashMap<String, Set<String>>();
        try (var connection = database.connect();
                var rows = connection.createStatement().executeQuery("SELECT processorName, owner FROM TokenEntry")) {
            while (rows.next()) {
                if (rows.getString(2) != null) {
                    owners.computeIfAbsent(rows.getString(1), processor -> new HashSet<>())
                            .add(rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return owners;
    }

    /**
     * Each booking has one confirmation, sent after one attempt: both nodes' senders look for due mail, and a mail
     * that both had claimed would show two attempts. (Without an SMTP server a sent mail is kept for /admin/mail.)
     */
    private static boolean confirmationsSentOnce(Set<String> bookings) {
        var sent = new HashMap<String, Integer>();
        try (var connection = database.connect();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT booking_id, attempts FROM mail_outbox"
                                + " WHERE kind = 'BOOKING_CONFIRMATION' AND status = 'SENT'")) {
            while (rows.next()) {
                sent.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        if (!sent.keySet().containsAll(bookings)) {
            return false;
        }
        assertThat(bookings)
                .allSatisfy(booking -> assertThat(sent.get(booking))
                        .as("delivery attempts of the confirmation of %s", booking)
                        .isEqualTo(1));
        return true;
    }
}
