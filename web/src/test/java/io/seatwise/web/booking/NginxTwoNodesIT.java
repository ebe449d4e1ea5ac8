package io.seatwise.web.booking;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.Chromium;
import io.seatwise.web.Nginx;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.SeatwiseProcess;
import io.seatwise.web.mail.Booker;
import io.seatwise.web.seatmap.SeatMapStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two nodes, each the packaged jar as a process of its own, on one fresh PostgreSQL database behind a real nginx with
 * the configuration that docs/several-nodes.md gives (round-robin, no stickiness): clients racing through nginx never
 * get a seat twice; the sign-in form shown by one node is posted to the other, and a browser uses the pages; live seat
 * maps opened through nginx, one on each node, show every booking within a second, whichever node took it; a rolling
 * restart of both nodes under load loses no request that nginx could have sent to the other node; and, last, one node
 * killed with SIGKILL in the middle of a booking storm loses no acknowledged booking, the other goes on serving and
 * takes over its processors' segments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxTwoNodesIT {

    private static final List<String> PROCESSORS =
            List.of("catalog", "seat-maps", "my-bookings", "reviews", "statistics");
    /** Axon's claim on a segment lapses this long after its owner last renewed it (JdbcTokenStore's default). */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    /** How often a node looks for segments that nobody holds ({@code seatwise.cluster.heartbeat-interval}). */
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** How often an idle processor tries to claim segments (Axon's default). */
    private static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(5);

    private static final int BOOKERS = 16;
    private static final int ROWS = 10;
    private static final int SEATS_PER_ROW = 50;
    private static final int MAX_SEATS = 3;
    /** How long each client of the rolling restart's storm waits after each answer. */
    private static final Duration ROLLING_PAUSE = Duration.ofMillis(250);

    private static Path folder;
    private static PostgresDatabase database;
    private static final SeatwiseProcess[] nodes = new SeatwiseProcess[2];
    private static final List<SeatwiseProcess> started = new ArrayList<>();
    private static Nginx nginx;
    private static ApiClient lb;
    private static String admin;

    @BeforeAll
    static void twoNodesBehindNginx() throws Exception {
        Nginx.assumeInstalled();
        SeatwiseProcess.jar();
        folder = Files.createTempDirectory("seatwise-nginx-nodes-");
        database = PostgresDatabase.create("nginx");
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> start(0));
            var b = pool.submit(() -> start(1));
            nodes[0] = a.get();
            nodes[1] = b.get();
        } finally {
            pool.shutdown();
        }
        nginx = Nginx.start(List.of(nodes[0].port(), nodes[1].port()));
        lb = nginx.api();
        admin = lb.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        eventually(Duration.ofSeconds(45), () -> ownersOfEveryProcessor().equals(Set.of(owner(0), owner(1))));
    }

    /** Starts node 0 or 1, on the port it had before if it ran before (where nginx expects it). */
    private static SeatwiseProcess start(int node) throws Exception {
        var settings = new ArrayList<>(List.of(database.settings()));
        // nginx on this machine names the client in X-Forwarded-For
        settings.add("--seatwise.trusted-proxies=127.0.0.1,::1");
        // a stopping node serves through the default drain, longer than nginx leaves out a node that failed (the
        // restarted one, refused while it started), so that it is back in turn when the other stops
        settings.add("--seatwise.shutdown.drain=5s");
        settings.add("--seatwise.booking.max-seats-per-account=0");
        if (nodes[node] != null) {
            settings.add("--server.port=" + nodes[node].port());
        }
        var process = SeatwiseProcess.start(
                folder.resolve("node" + node + "-" + started.size()),
                "node" + node + "-" + started.size(),
                settings.toArray(String[]::new));
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    @AfterAll
    static void stop() throws SQLException {
        if (nginx != null) {
            nginx.close();
        }
        started.forEach(SeatwiseProcess::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void clientsRacingThroughNginxNeverGetASeatTwice() throws Exception {
        var event = newEvent("Race through nginx", 3, 4);
        try (var race = new BookingRace(List.of(lb), 24)) {
            var tokens = race.tokens();

            var attempts = race.run(event, tokens, 4, () -> BookingRace.randomSeats(12, 2));

            assertThat(attempts).as("some bookings lost the race").anyMatch(attempt -> !attempt.accepted());
            var sold = BookingRace.check(attempts).soldSeats();
            assertThat(sold).isNotEmpty();
            var stored = storedBookings().live(Set.of(event));
            var storedSeats =
                    stored.stream().flatMap(booking -> booking.seats().stream()).toList();
            assertThat(storedSeats).containsExactlyInAnyOrderElementsOf(sold);
            eventually(
                    Duration.ofSeconds(1),
                    () -> nodes[0].api().seatMapShows(event, sold)
                            && nodes[1].api().seatMapShows(event, sold));
        }
        assertThat(answeredBy("POST /api/events/.*/bookings"))
                .as("nodes that answered the race")
                .containsExactlyInAnyOrder(nodes[0].port(), nodes[1].port());
    }

    @Test
    @Order(2)
    void theSignInFormOfOneNodeSignsInOnTheOther() {
        var email = "form-" + System.nanoTime() + "@example.com";
        lb.register(email, ApiClient.USER_PASSWORD, "Form User");
        var browser = new BrowserSession(nginx.port());

        var form = browser.get("/login");
        var formNode = lastAnswer("GET /login ");
        var signedIn = browser.post("/login", Map.of("email", email, "password", ApiClient.USER_PASSWORD));
        var postNode = lastAnswer("POST /login ");

        assertThat(form.status()).isEqualTo(200);
        assertThat(postNode)
                .as("round-robin: the form and its post on different nodes")
                .isNotEqualTo(formNode);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error").doesNotContain("login");
        for (int i = 0; i < 4; i++) { // both nodes, twice
            var page = browser.get("/me/bookings");
            assertThat(page.status()).as("my bookings, request %d", i).isEqualTo(200);
            assertThat(page.body()).contains("Form User");
        }
    }

    @Test
    @Order(3)
    void aBrowserUsesThePagesThroughNginx() {
        var event = newEvent("Browsed through nginx", 2, 5);
        var email = "browser-" + System.nanoTime() + "@example.com";
        lb.register(email, ApiClient.USER_PASSWORD, "Browsing User");
        var token = lb.token(email, ApiClient.USER_PASSWORD);
        assertThat(lb.book(token, event, List.of(4, 5)).status()).isEqualTo(201);
        var base = "http://localhost:" + nginx.port();
        try (var chromium = Chromium.start()) {
            chromium.signIn(base, email, ApiClient.USER_PASSWORD);
            var driver = chromium.driver();
            for (int i = 0; i < 4; i++) {
                driver.get(base + "/me/bookings");
                chromium.waiting(Duration.ofSeconds(10))
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.tagName("body"), "Browsed through nginx"));
                assertThat(driver.getCurrentUrl())
                        .as("still signed in, page %d", i)
                        .endsWith("/me/bookings");
            }
            driver.get(base + "/events/" + event);
            chromium.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("body"), "Browsed through nginx"));
        }
    }

    @Test
    @Order(4)
    void liveSeatMapsOpenThroughNginxShowEveryBookingOnBothNodesWithinASecond() throws Exception {
        var event = newEvent("Followed through nginx", 2, 10);
        eventually(() ->
                nodes[0].api().get("/events/" + event + "/seats/availability").status() == 200
                        && nodes[1].api()
                                        .get("/events/" + event + "/seats/availability")
                                        .status()
                                == 200);
        var base = "http://localhost:" + nginx.port();
        var token = lb.newUserToken("Follower");
        var answered = new LinkedHashMap<Integer, Long>();
        try (var first = SeatMapStream.open(base, event);
                var second = SeatMapStream.open(base, event)) {
            for (int seat = 1; seat <= 6; seat++) {
                var booked = lb.book(token, event, List.of(seat));
                answered.put(seat, System.nanoTime());
                assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            }

            for (var stream : List.of(first, second)) {
                var shown = new SeatMapStream.Shown();
                var arrived = new HashMap<Integer, Long>();
                while (!shown.booked.containsAll(answered.keySet())) {
                    var next = stream.next();
                    shown.apply(next);
                    shown.booked.forEach(seat -> arrived.putIfAbsent(seat, next.arrivedNanos()));
                }
                answered.forEach(
                        (seat, answeredNanos) -> assertThat(Duration.ofNanos(arrived.get(seat) - answeredNanos))
                                .as("seat %d shown after its booking was answered", seat)
                                .isLessThanOrEqualTo(Duration.ofSeconds(1)));
            }
        }
        var nodePorts = List.of(nodes[0].port(), nodes[1].port());
        eventually(
                Duration.ofSeconds(5),
                () -> answeredBy("POST /api/events/" + event + "/bookings").containsAll(nodePorts));
        assertThat(answeredBy("POST /api/events/" + event + "/bookings"))
                .as("nodes that booked")
                .containsExactlyInAnyOrderElementsOf(nodePorts);
        // nginx logs a stream once it has ended: at once when the client goes, at the latest at the next heartbeat
        eventually(
                Duration.ofSeconds(20),
                () -> answeredBy("GET /events/" + event + "/seats/stream").containsAll(nodePorts));
    }

    @Test
    @Order(5)
    void aRollingRestartUnderLoadLosesNoRequestThatNginxCouldSendElsewhere() throws Exception {
        var bookers = register(BOOKERS);
        // seats enough for the storm through both restarts, which take a minute or two on two cores
        var events = IntStream.range(0, 6)
                .mapToObj(i -> newEvent("Rolling " + i, 2 * ROWS, SEATS_PER_ROW))
                .toList();
        List<BookingStorm.Shot> shots = List.of();
        // each client pauses after each answer: a storm at full speed would leave a restarting node, on two cores, a
        // fraction of a core to start with, and every restart would take a minute
        try (var storm = BookingStorm.start(lb, bookers, events, 2 * ROWS * SEATS_PER_ROW, MAX_SEATS, ROLLING_PAUSE)) {
            storm.awaitAcknowledged(100, Duration.ofSeconds(90));
            for (int node = 0; node < 2; node++) {
                assertThat(nodes[node].terminate(Duration.ofSeconds(60)))
                        .as("exit of node %d", node)
                        .isEqualTo(SeatwiseProcess.ENDED_BY_SIGTERM);
                nodes[node] = start(node);
            }
            var before = storm.acknowledged();
            try {
                storm.awaitAcknowledged(before + 50, Duration.ofSeconds(60));
            } finally {
                storm.stop();
                shots = storm.awaitEnd(Duration.ofSeconds(60));
                printRollingRestart(shots);
            }
        }

        // A stopping node closes its listening socket; connections that the kernel had queued for it but Tomcat had not
        // yet taken are reset, after nginx had sent their POST, which nginx then rightly does not send again: at most
        // the requests in flight at each of the two stops, one per client, answered 502. Every other request is
        // passed to the node that is up.
        assertThat(shots)
                .filteredOn(NginxTwoNodesIT::failed)
                .as("requests failed during the rolling restart")
                .hasSizeLessThanOrEqualTo(2 * BOOKERS)
                .allSatisfy(shot -> assertThat(status(shot)).isEqualTo(502));
        assertThat(shots)
                .as("bookings acknowledged after both restarts")
                .filteredOn(BookingStorm.Shot::acknowledged)
                .hasSizeGreaterThanOrEqualTo(150);
        var stored = storedBookings();
        assertAcknowledgedAreStored(shots, stored);
        assertNoSeatSoldTwice(stored, events);
    }

    @Test
    @Order(6)
    void aNodeKilledInABookingStormLosesNoAcknowledgedBookingAndTheOtherTakesOver() throws Exception {
        var bookers = register(BOOKERS);
        var events = List.of(
                newEvent("Storm A", ROWS, SEATS_PER_ROW),
                newEvent("Storm B", ROWS, SEATS_PER_ROW),
                newEvent("Storm C", ROWS, SEATS_PER_ROW));
        // the last test: the killed node is not started again. Both nodes hold segments before the kill, also after
        // the rolling restart before, so that the survivor has some to take over
        eventually(Duration.ofSeconds(45), () -> ownersOfEveryProcessor().equals(Set.of(owner(0), owner(1))));
        var survivor = owner(0);
        List<BookingStorm.Shot> shots;
        long killed;
        try (var storm = BookingStorm.start(lb, bookers, events, ROWS * SEATS_PER_ROW, MAX_SEATS)) {
            storm.awaitAcknowledged(150, Duration.ofSeconds(90));
            assertThat(nodes[1].kill()).isEqualTo(SeatwiseProcess.KILLED_BY_SIGKILL);
            killed = System.nanoTime();
            var before = storm.acknowledged();
            storm.awaitAcknowledged(before + 150, Duration.ofSeconds(60));
            // the dead node's claims lapse after the claim timeout; the survivor's processors look for unclaimed
            // segments every few seconds (Axon's token claim interval, 5 s) and its balancer at each heartbeat
            eventually(
                    CLAIM_TIMEOUT.plus(TOKEN_CLAIM_INTERVAL).plus(HEARTBEAT).plusSeconds(3),
                    () -> ownersOfEveryProcessor().equals(Set.of(survivor)));
            var takenOver = Duration.ofNanos(System.nanoTime() - killed);
            storm.stop();
            shots = storm.awaitEnd(Duration.ofSeconds(60));
            System.out.printf(
                    "kill -9 behind nginx: %d requests, %d answered 201, %d 409; %d failed (%s), all sent before the"
                            + " kill; the survivor held every segment %d ms after the kill%n",
                    shots.size(),
                    shots.stream().filter(BookingStorm.Shot::acknowledged).count(),
                    shots.stream().filter(shot -> status(shot) == 409).count(),
                    shots.stream().filter(NginxTwoNodesIT::failed).count(),
                    failures(shots),
                    takenOver.toMillis());
        }

        assertThat(shots)
                .filteredOn(shot -> shot.sentAt() > killed)
                .as("requests sent after the kill")
                .hasSizeGreaterThanOrEqualTo(150)
                .allSatisfy(shot -> assertThat(status(shot)).isIn(201, 409));
        assertThat(shots)
                .filteredOn(NginxTwoNodesIT::failed)
                .as("failed requests: only those in flight on the killed node, answered 502 by nginx")
                .allSatisfy(shot -> {
                    assertThat(shot.sentAt()).isLessThan(killed);
                    assertThat(status(shot)).isEqualTo(502);
                });
        var stored = storedBookings();
        assertAcknowledgedAreStored(shots, stored);
        assertNoSeatSoldTwice(stored, events);
        var someBooker = shots.stream()
                .filter(BookingStorm.Shot::acknowledged)
                .reduce((first, second) -> second)
                .orElseThrow();
        var ofBooker = stored.bookingsOf(someBooker.booker().accountId(), Set.copyOf(events));
        eventually(() ->
                lb.get("/api/me/bookings", someBooker.booker().token()).json().size() >= ofBooker.size());
    }

    private static void printRollingRestart(List<BookingStorm.Shot> shots) {
        var failed = shots.stream().filter(NginxTwoNodesIT::failed).count();
        System.out.printf(
                "Rolling restart behind nginx: %d of %d requests failed (%s); %d answered 201, %d 409%n",
                failed,
                shots.size(),
                failures(shots),
                shots.stream().filter(BookingStorm.Shot::acknowledged).count(),
                shots.stream().filter(shot -> status(shot) == 409).count());
    }

    private static int status(BookingStorm.Shot shot) {
        return shot.unanswered() ? -1 : shot.answer().status();
    }

    private static boolean failed(BookingStorm.Shot shot) {
        return shot.unanswered() || !Set.of(201, 409).contains(shot.answer().status());
    }

    /** The failed requests' statuses and how often each came ({@code -1}: no answer). */
    private static Map<Integer, Long> failures(List<BookingStorm.Shot> shots) {
        var counts = new HashMap<Integer, Long>();
        shots.stream().filter(NginxTwoNodesIT::failed).forEach(shot -> counts.merge(status(shot), 1L, Long::sum));
        return counts;
    }

    private static List<Booker> register(int count) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var registrations = IntStream.range(0, count)
                    .<Callable<Booker>>mapToObj(i -> () -> Booker.register(lb, "Booker " + i + " " + System.nanoTime()))
                    .toList();
            var registered = new ArrayList<Booker>();
            for (var registration : pool.invokeAll(registrations)) {
                registered.add(registration.get());
            }
            return registered;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String newEvent(String title, int rows, int seatsPerRow) {
        var venue = lb.createVenue(admin, title + " hall", rows, seatsPerRow);
        return lb.scheduleEvent(admin, venue, title, Instant.now().plus(Duration.ofDays(3)));
    }

    /** Every 201 answer is a stored booking of the same event, booker and seats. */
    private static void assertAcknowledgedAreStored(List<BookingStorm.Shot> shots, StoredBookings stored) {
        var acknowledged =
                shots.stream().filter(BookingStorm.Shot::acknowledged).toList();
        assertThat(acknowledged).isNotEmpty();
        assertThat(acknowledged).allSatisfy(shot -> {
            var booking = stored.byId().get(shot.bookingId());
            assertThat(booking).as("booking %s answered 201", shot.bookingId()).isNotNull();
            assertThat(booking.eventId()).isEqualTo(shot.eventId());
            assertThat(booking.accountId()).isEqualTo(shot.booker().accountId());
            assertThat(booking.seats()).isEqualTo(shot.seats());
        });
    }

    private static void assertNoSeatSoldTwice(StoredBookings stored, List<String> events) {
        var holder = new HashMap<String, String>();
        for (var booking : stored.live(Set.copyOf(events))) {
            for (int seat : booking.seats()) {
                var earlier = holder.putIfAbsent(booking.eventId() + "/" + seat, booking.bookingId());
                assertThat(earlier)
                        .as(
                                "seat %d of %s in bookings %s and %s",
                                seat, booking.eventId(), earlier, booking.bookingId())
                        .isNull();
            }
        }
        assertThat(holder).isNotEmpty();
    }

    private static StoredBookings storedBookings() throws Exception {
        try (var connection = database.connect()) {
            return StoredBookings.read(connection);
        }
    }

    /** How the token store names a node's process: Axon's {@code pid@host}, and a suffix of each start's. */
    private static String owner(int node) {
        return nodes[node].pid() + "@";
    }

    /** The owners (as {@link #owner}) of every processor's segments, or an empty set while one has none. */
    private static Set<String> ownersOfEveryProcessor() {
        var owners = new HashMap<String, Set<String>>();
        try (var connection = database.connect();
                var rows = connection.createStatement().executeQuery("SELECT processorName, owner FROM TokenEntry")) {
            while (rows.next()) {
                var owner = rows.getString(2);
                owners.computeIfAbsent(rows.getString(1), processor -> new HashSet<>())
                        .add(owner == null ? "nobody" : owner.substring(0, owner.indexOf('@') + 1));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        var all = new HashSet<String>();
        for (var processor : PROCESSORS) {
            var ofProcessor = owners.get(processor);
            if (ofProcessor == null) {
                return Set.of();
            }
            all.addAll(ofProcessor);
        }
        return all;
    }

    /**
     * The node (its port) that answered the last request nginx logged that begins like this. Nginx logs a request once
     * it has sent the answer, so the line may come a moment after the client has it.
     */
    private static int lastAnswer(String request) {
        eventually(Duration.ofSeconds(5), () -> nginx.accessLog().stream().anyMatch(line -> line.startsWith(request)));
        var lines = nginx.accessLog().stream()
                .filter(line -> line.startsWith(request))
                .toList();
        assertThat(lines).as("nginx's log of %s", request).isNotEmpty();
        return port(lines.get(lines.size() - 1));
    }

    /** The nodes (their ports) that answered requests matching the pattern. */
    private static Set<Integer> answeredBy(String requestPattern) {
        var ports = new HashSet<Integer>();
        for (var line : nginx.accessLog()) {
            if (line.matches(requestPattern + " .*")) {
                ports.add(port(line));
            }
        }
        return ports;
    }

    private static int port(String logLine) {
        var nodes = logLine.substring(logLine.lastIndexOf(' ') + 1);
        var last = nodes.substring(nodes.lastIndexOf(',') + 1).strip();
        return Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
    }
}
