package io.seatwise.web.operations;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import io.seatwise.web.storage.postgres.ClusterNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node of two on PostgreSQL stops while clients book on it, as a rolling restart stops one node after the other:
 * it first reports itself not ready and goes on serving for the drain ({@code seatwise.shutdown.drain}, 2 s here),
 * then answers what it was sent and gives its processor segments back, which the other node claims at once; a browser
 * signed in before goes on, on the other node and on the stopped one started again. The stop happens once, before the
 * tests, which look at what it left.
 */
@NeedsPostgreSql
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresGracefulStopTest {

    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final int BOOKERS = 6;
    private static final int ROWS = 10;
    private static final int SEATS_PER_ROW = 40;
    private static final List<String> PROCESSORS =
            List.of("catalog", "seat-maps", "my-bookings", "reviews", "statistics", "door", "waitlist");

    private static PostgresDatabase database;
    private static List<String> settings;
    private static StandaloneApplication nodeA;
    private static StandaloneApplication nodeB;
    private static StandaloneApplication nodeAagain;
    private static String stoppedNode;
    private static String event;
    private static BrowserSession browser;

    /** Every booking sent to the stopping node: when it was sent, and its answer (a status, or the failure). */
    private static final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

    private static long stopBegan;
    private static long firstNotReady = Long.MAX_VALUE;
    private static long portClosed = Long.MAX_VALUE;
    private static String readinessWhileDraining;
    private static String healthWhileDraining;

    record Attempt(long sentAt, int status, String failure, int seat) {}

    @BeforeAll
    static void oneNodeStopsWhileClientsBookOnIt() throws Exception {
        database = PostgresDatabase.create("graceful_stop");
        settings = new ArrayList<>(List.of(database.settings()));
        settings.add("--seatwise.shutdown.drain=" + DRAIN.toMillis() + "ms");
        settings.add("--seatwise.booking.max-seats-per-account=0");
        var nodes = StandaloneApplication.startTwoNodes(settings.toArray(String[]::new));
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
        stoppedNode = nodeA.context().getBean(ClusterNode.class).id();
        var both =
                Set.of(stoppedNode, nodeB.context().getBean(ClusterNode.class).id());
        eventually(
                Duration.ofSeconds(45),
                () -> PROCESSORS.stream().allMatch(processor -> both.equals(owners().get(processor))));

        var a = nodeA.api();
        var admin = a.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        var venue = a.createVenue(admin, "Rolling hall", ROWS, SEATS_PER_ROW);
        event = a.scheduleEvent(admin, venue, "Rolling restart", Instant.now().plus(Duration.ofDays(3)));
        var email = "rolling-" + System.nanoTime() + "@example.com";
        a.register(email, ApiClient.USER_PASSWORD, "Rolf");
        browser = BrowserSession.signedIn(a, email, ApiClient.USER_PASSWORD);
        var tokens = new ArrayList<String>();
        for (int booker = 0; booker < BOOKERS; booker++) {
            tokens.add(a.newUserToken("Booker " + booker));
        }

        var done = new AtomicBoolean();
        var answered = new AtomicLong();
        var threads = Executors.newFixedThreadPool(BOOKERS + 1);
        try {
            for (var token : tokens) {
                threads.submit(() -> book(new ApiClient(nodeA.port()), token, done, answered));
            }
            threads.submit(() -> watchHealth(done));
            eventually(Duration.ofSeconds(30), () -> answered.get() >= 30);

            stopBegan = System.nanoTime();
            nodeA.close();
        } finally {
            done.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        for (var node : new StandaloneApplication[] {nodeA, nodeB, nodeAagain}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyBookingSentBeforeTheStopIsAnswered() {
        var before = attempts.stream()
                .filter(attempt -> attempt.sentAt() < stopBegan)
                .toList();
        var after = attempts.stream()
                .filter(attempt -> attempt.sentAt() >= stopBegan)
                .toList();
        System.out.printf(
                "Graceful stop: %d bookings sent before it, all answered; %d sent after it, %d of them answered 201/409%n",
                before.size(),
                after.size(),
                after.stream().filter(PostgresGracefulStopTest::answered).count());

        assertThat(before)
                .hasSizeGreaterThanOrEqualTo(30)
                .allSatisfy(attempt -> assertThat(answered(attempt))
                        .as(
                                "answer to a booking sent %d ms before the stop: %s",
                                (stopBegan - attempt.sentAt()) / 1_000_000, attempt)
                        .isTrue());
    }

    @Test
    void everyAcceptedBookingIsStoredAndShownByTheOtherNode() {
        var accepted = attempts.stream()
                .filter(attempt -> attempt.status() == 201)
                .map(Attempt::seat)
                .sorted()
                .toList();
        assertThat(accepted).doesNotHaveDuplicates().isNotEmpty();

        eventually(Duration.ofSeconds(30), () -> nodeB.api().bookedSeats(event).containsAll(accepted));
    }

    @Test
    void theNodeReportedItselfNotReadyBeforeItsPortClosed() {
        assertThat(firstNotReady).as("readiness seen OUT_OF_SERVICE").isLessThan(Long.MAX_VALUE);
        assertThat(portClosed).as("port seen closed").isLessThan(Long.MAX_VALUE);
        assertThat(firstNotReady).isGreaterThanOrEqualTo(stopBegan).isLessThan(portClosed);
        assertThat(Duration.ofNanos(portClosed - stopBegan))
                .as("from the stop to the port's closing, the drain at least")
                .isGreaterThanOrEqualTo(DRAIN);
        assertThat(readinessWhileDraining).contains("OUT_OF_SERVICE");
        assertThat(healthWhileDraining)
                .as("/actuator/health")
                .startsWith("HTTP/1.1 503")
                .contains("OUT_OF_SERVICE");
    }

    @Test
    void theStoppedNodeGaveItsSegmentsBackAndTheOtherTookThem() {
        assertThat(owners().values())
                .as("segments the stopped node still holds")
                .allSatisfy(owners -> assertThat(owners).doesNotContain(stoppedNode));
        var other = nodeB.context().getBean(ClusterNode.class).id();

        eventually(
                Duration.ofSeconds(15),
                () -> segmentOwners().values().stream().flatMap(List::stream).allMatch(other::equals));
    }

    /** Last, since the node started again takes its share of the segments back. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aSignedInBrowserStaysSignedInOnTheOtherNodeAndOnTheStoppedOneStartedAgain() throws IOException {
        assertThat(browser.via(nodeB.port()).get("/me/account").status()).isEqualTo(200);

        nodeAagain = StandaloneApplication.start(
                Files.createTempDirectory("seatwise-node-"), settings.toArray(String[]::new));

        assertThat(browser.via(nodeAagain.port()).get("/me/account").status()).isEqualTo(200);
        var changed = browser.post("/me/account/language", Map.of("language", "en"));
        assertThat(changed.location()).endsWith("/me/account");
    }

    private static boolean answered(Attempt attempt) {
        return attempt.status() == 201 || attempt.status() == 409;
    }

    /** Books one seat after another on the node until the test is done or the node refuses connections. */
    private static void book(ApiClient client, String token, AtomicBoolean done, AtomicLong answered) {
        while (!done.get()) {
            int seat = ThreadLocalRandom.current().nextInt(1, ROWS * SEATS_PER_ROW + 1);
            long sentAt = System.nanoTime();
            try {
                var response = client.book(token, event, List.of(seat));
                attempts.add(new Attempt(sentAt, response.status(), null, seat));
                answered.incrementAndGet();
            } catch (UncheckedIOException failure) {
                attempts.add(new Attempt(sentAt, 0, failure.getCause().toString(), seat));
                if (failure.getCause() instanceof ConnectException) {
                    return;
                }
            }
        }
    }

    /**
     * Asks the node for its readiness and its health on new connections until the port refuses one, noting when it
     * first said it was not ready, and when its port closed.
     */
    private static void watchHealth(AtomicBoolean done) {
        var port = nodeA.port();
        while (!done.get()) {
            try {
                var readiness = ask(port, "/actuator/health/readiness");
                if (readiness.startsWith("HTTP/1.1 503") && firstNotReady == Long.MAX_VALUE) {
                    firstNotReady = System.nanoTime();
                    readinessWhileDraining = readiness;
                    healthWhileDraining = ask(port, "/actuator/health");
                }
                Thread.sleep(20);
            } catch (ConnectException closed) {
                portClosed = System.nanoTime();
                return;
            } catch (IOException ignored) {
                // a connection cut while the server stops; the next one tells
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A GET on a connection of its own, answered whole: the status line, the headers and the body. */
    private static String ask(int port, String path) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The nodes that hold segments of each processor, by the token store's owner column. */
    private static Map<String, Set<String>> owners() {
        var owners = new HashMap<String, Set<String>>();
        segmentOwners().forEach((processor, each) -> owners.put(processor, new HashSet<>(each)));
        return owners;
    }

    /** The owner of each segment of each processor (null where none holds it). */
    private static Map<String, List<String>> segmentOwners() {
        var owners = new HashMap<String, List<String>>();
        try (var connection = database.connect();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT processorName, owner FROM TokenEntry ORDER BY processorName, segment")) {
            while (rows.next()) {
                owners.computeIfAbsent(rows.getString(1), processor -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        PROCESSORS.forEach(processor -> owners.putIfAbsent(processor, List.of()));
        return owners;
    }
}
