package io.seatwise.web.booking;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.SeatwiseProcess;
import io.seatwise.web.SqliteFiles;
import io.seatwise.web.mail.Booker;
import io.seatwise.web.mail.SmtpServer;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a process of its own, killed with SIGKILL in the middle of a booking storm and started
 * again on the same data folder: everything it acknowledged is still there, and the read models and the mail catch up.
 * Then a second storm on the restarted process ends with SIGTERM, which lets the bookings in flight finish first.
 *
 * <p>The bookings in the event store, read straight from the SQLite file, are the truth. After SIGKILL they may hold
 * bookings that were never answered (stored, then killed before the 201 went out): those are real bookings too, and
 * every read model and mail must show them. After SIGTERM there are none: every stored booking was answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {

    private static final int BOOKERS = 32;
    private static final int ROWS = 40;
    private static final int SEATS_PER_ROW = 50;
    private static final int CAPACITY = ROWS * SEATS_PER_ROW;
    private static final int MAX_SEATS = 4;
    /**
     * Bookings acknowledged before the kill, and before the stop: enough for 32 clients to be in the middle of the
     * storm, few enough that the server started again confirms every one by mail (a PDF each) in seconds.
     */
    private static final int KILL_AFTER = 120;

    private static final int STOP_AFTER = 60;
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final Pattern CONFIRMATION_ID = Pattern.compile("<booking-confirmation\\.([^@]+)@.*>");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path folder;

    private final SmtpServer smtp = SmtpServer.onFreePort();
    private Path dataDir;
    private final List<SeatwiseProcess> processes = new ArrayList<>();

    private List<String> events;
    private List<Booker> bookers;

    private long killedAt;
    private int exitOnSigkill;
    private List<BookingStorm.Shot> killedStorm;
    private StoredBookings storedAtKill;
    /** Bookings whose confirmation the SMTP server had received when the kill came, not yet marked sent. */
    private Set<String> mailInFlightAtKill;

    private SeatwiseProcess restarted;
    private ApiClient api;

    @BeforeAll
    void stormThenKillThenRestart() throws Exception {
        smtp.start();
        dataDir = folder.resolve("data");
        var first = start("first");
        var firstApi = first.api();
        var admin = firstApi.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        var venue = firstApi.createVenue(admin, "Storm Hall", ROWS, SEATS_PER_ROW);
        var inAWeek = Instant.now().plus(Duration.ofDays(7));
        events = List.of(
                firstApi.scheduleEvent(admin, venue, "Matinee", inAWeek),
                firstApi.scheduleEvent(admin, venue, "Evening", inAWeek));
        bookers = register(firstApi);

        try (var storm = BookingStorm.start(firstApi, bookers, events, CAPACITY, MAX_SEATS)) {
            storm.awaitAcknowledged(KILL_AFTER, Duration.ofSeconds(90));
            killedAt = System.nanoTime();
            exitOnSigkill = first.kill();
            killedStorm = storm.awaitEnd(Duration.ofSeconds(90));
        }
        storedAtKill = StoredBookings.read(dataDir);
        mailInFlightAtKill = new HashSet<>(confirmations().keySet());
        mailInFlightAtKill.retainAll(pendingConfirmations());

        long restarting = System.nanoTime();
        restarted = start("second");
        api = restarted.api();
        System.out.printf(
                "SIGKILL after %d acknowledged bookings; %d requests in flight cut off; %d bookings stored but never answered;"
                        + " %d confirmations in the SMTP window; restart took %d ms%n",
                killedStorm.stream().filter(BookingStorm.Shot::acknowledged).count(),
                killedStorm.stream()
                        .filter(shot -> shot.sentAt() < killedAt && shot.unanswered())
                        .count(),
                storedAtKill.byId().size()
                        - killedStorm.stream()
                                .filter(BookingStorm.Shot::acknowledged)
                                .count(),
                mailInFlightAtKill.size(),
                (System.nanoTime() - restarting) / 1_000_000);
    }

    @AfterAll
    void stop() {
        processes.forEach(SeatwiseProcess::close);
        smtp.stop();
    }

    @Test
    @Order(1)
    void sigkillStopsTheProcessInTheMiddleOfTheStorm() {
        assertThat(exitOnSigkill).as("exit status").isEqualTo(SeatwiseProcess.KILLED_BY_SIGKILL);
        assertThat(killedStorm).filteredOn(BookingStorm.Shot::acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(killedStorm)
                .as("requests in flight when the kill came, cut off")
                .anyMatch(shot -> shot.sentAt() < killedAt && shot.unanswered());
        assertThat(killedStorm)
                .filteredOn(shot -> !shot.unanswered())
                .allSatisfy(shot -> assertThat(shot.answer().status())
                        .as(shot.answer().body())
                        .isIn(201, 409));
    }

    @Test
    @Order(2)
    void everyAcknowledgedBookingIsInTheEventStore() {
        assertAcknowledgedAreStored(killedStorm, storedAtKill);
    }

    @Test
    @Order(3)
    void noSeatIsSoldTwice() throws Exception {
        assertNoSeatSoldTwice(StoredBookings.read(dataDir));
    }

    @Test
    @Order(4)
    void readModelsCatchUpWithTheEventStoreAfterTheRestart() throws Exception {
        assertReadModelsCatchUp(api, StoredBookings.read(dataDir));
    }

    @Test
    @Order(5)
    void everyBookingIsConfirmedByMailOnceAfterTheRestart() throws Exception {
        // A mail that the SMTP server had accepted when the kill came, but that was not yet marked sent, goes out once
        // more with the same Message-ID: the one window the README names, at most one round of the sender's. Nothing
        // else may arrive twice.
        assertThat(mailInFlightAtKill.size()).isLessThanOrEqualTo(10);
        assertEveryBookingConfirmed(StoredBookings.read(dataDir), mailInFlightAtKill);
    }

    @Test
    @Order(6)
    void sigtermLetsBookingsInFlightFinishFirst() throws Exception {
        var before = StoredBookings.read(dataDir).byId().keySet();
        List<BookingStorm.Shot> shots;
        long signalledAt;
        int logBefore;
        int exit;
        try (var storm = BookingStorm.start(api, bookers, events, CAPACITY, MAX_SEATS)) {
            storm.awaitAcknowledged(STOP_AFTER, Duration.ofSeconds(90));
            logBefore = restarted.output().length();
            signalledAt = System.nanoTime();
            exit = restarted.terminate(Duration.ofSeconds(60));
            shots = storm.awaitEnd(Duration.ofSeconds(90));
        }

        System.out.printf(
                "SIGTERM: %d bookings in flight answered 201 after it, %d answers 503, %d requests refused or cut off%n",
                shots.stream()
                        .filter(shot -> shot.sentAt() < signalledAt && shot.endedAt() > signalledAt)
                        .filter(BookingStorm.Shot::acknowledged)
                        .count(),
                shots.stream()
                        .filter(shot -> !shot.unanswered() && shot.answer().status() == 503)
                        .count(),
                shots.stream().filter(BookingStorm.Shot::unanswered).count());
        assertThat(exit).as("exit status").isEqualTo(SeatwiseProcess.ENDED_BY_SIGTERM);
        assertThat(shots)
                .filteredOn(shot -> !shot.unanswered())
                .allSatisfy(shot -> assertThat(shot.answer().status())
                        .as(shot.answer().body())
                        .isIn(201, 409, 503));
        assertThat(shots)
                .as("bookings in flight when SIGTERM came, answered 201 afterwards")
                .anyMatch(shot -> shot.sentAt() < signalledAt && shot.endedAt() > signalledAt && shot.acknowledged());
        var stored = StoredBookings.read(dataDir);
        var storedNow = new HashSet<>(stored.byId().keySet());
        storedNow.removeAll(before);
        var acknowledged = shots.stream()
                .filter(BookingStorm.Shot::acknowledged)
                .map(BookingStorm.Shot::bookingId)
                .collect(Collectors.toSet());
        assertThat(storedNow)
                .as("bookings stored by the second storm: exactly the acknowledged ones")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
        assertAcknowledgedAreStored(shots, stored);
        assertNoSeatSoldTwice(stored);
        var shutdown = restarted.output().substring(logBefore);
        assertThat(shutdown).contains("Graceful shutdown complete");
        assertThat(shutdown.lines())
                .as("shutdown log")
                .noneMatch(line -> line.contains(" ERROR ") || line.contains("Exception"));

        var third = start("third");
        assertReadModelsCatchUp(third.api(), stored);
        assertEveryBookingConfirmed(stored, mailInFlightAtKill);
    }

    private SeatwiseProcess start(String name) throws Exception {
        var process = SeatwiseProcess.start(
                dataDir,
                name,
                "--spring.mail.host=" + SmtpServer.HOST,
                "--spring.mail.port=" + smtp.port(),
                "--seatwise.mail.poll-interval=100ms",
                // 32 bookers take the halls in turns: no limit per account cuts the storm short
                "--seatwise.booking.max-seats-per-account=0",
                // Mail that was being sent when the process was killed is due again this long after it was taken.
                "--seatwise.mail.claim=10s");
        processes.add(process);
        return process;
    }

    private static List<Booker> register(ApiClient api) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var registrations = IntStream.range(0, BOOKERS)
                    .<Callable<Booker>>mapToObj(i -> () -> Booker.register(api, "Stormer " + i))
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

    /** The bookings whose confirmation the outbox holds as not sent yet. */
    private Set<String> pendingConfirmations() throws Exception {
        var bookings = new HashSet<String>();
        try (var connection = SqliteFiles.openReadOnly(dataDir);
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT booking_id FROM mail_outbox"
                        + " WHERE kind = 'BOOKING_CONFIRMATION' AND status = 'PENDING'")) {
            while (rows.next()) {
                bookings.add(rows.getString(1));
            }
        }
        return bookings;
    }

    /** Each 201 answer is a stored booking of the same event, booker and seats. */
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

    private void assertNoSeatSoldTwice(StoredBookings stored) {
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

    /** Seat maps, event summaries, statistics and every booker's "my bookings" come to show what the store holds. */
    private void assertReadModelsCatchUp(ApiClient api, StoredBookings stored) throws InterruptedException {
        var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        var deadline = System.nanoTime() + CATCH_UP.toNanos();
        List<String> mismatches;
        while (!(mismatches = readModelMismatches(api, admin, stored)).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(mismatches).as("read models %s after the restart", CATCH_UP).isEmpty();
    }

    private List<String> readModelMismatches(ApiClient api, String admin, StoredBookings stored) {
        var mismatches = new ArrayList<String>();
        var statistics = new HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        api.get("/api/admin/stats", admin)
                .json()
                .get("events")
                .forEach(row -> statistics.put(row.get("eventId").asText(), row));
        for (var event : events) {
            var seats = stored.bookedSeats(event);
            var bookings = stored.live(Set.of(event)).size();
            if (!api.seatMapShows(event, seats)) {
                mismatches.add("seat map of " + event);
            }
            var summary = api.event(event).orElseThrow();
            if (summary.get("booked").asInt() != seats.size()
                    || summary.get("available").asInt() != CAPACITY - seats.size()) {
                mismatches.add("summary of " + event + ": " + summary);
            }
            var figures = statistics.get(event);
            if (figures == null
                    || figures.get("booked").asInt() != seats.size()
                    || figures.get("bookings").asInt() != bookings) {
                mismatches.add("statistics of " + event + ": " + figures);
            }
        }
        for (var booker : bookers) {
            var shown = new TreeMap<String, List<Integer>>();
            api.get("/api/me/bookings", booker.token()).json().forEach(booking -> {
                if (events.contains(booking.get("eventId").asText())) {
                    shown.put(booking.get("bookingId").asText(), ints(booking.get("seats")));
                }
            });
            var expected = new TreeMap<String, List<Integer>>();
            stored.bookingsOf(booker.accountId(), Set.copyOf(events))
                    .forEach(id -> expected.put(id, stored.byId().get(id).seats()));
            if (!shown.equals(expected)) {
                mismatches.add("my bookings of " + booker.email() + ": " + shown.size() + " of " + expected.size());
            }
        }
        return mismatches;
    }

    /**
     * Every stored booking's confirmation arrives, and only once unless it is one of those allowed twice; a few
     * delivery rounds after the last one came, nothing more arrives.
     */
    private void assertEveryBookingConfirmed(StoredBookings stored, Set<String> allowedTwice)
            throws InterruptedException {
        var expected = stored.live(Set.copyOf(events)).stream()
                .map(StoredBookings.Stored::bookingId)
                .collect(Collectors.toSet());
        var deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!confirmations().keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        var confirmations = confirmations();
        var missing = new HashSet<>(expected);
        missing.removeAll(confirmations.keySet());
        assertThat(missing).as("bookings without a confirmation").isEmpty();
        var tooOften = confirmations.entrySet().stream()
                .filter(confirmation ->
                        confirmation.getValue() > (allowedTwice.contains(confirmation.getKey()) ? 2 : 1))
                .toList();
        assertThat(tooOften).as("confirmations sent too often").isEmpty();
    }

    /** How often each booking's confirmation has arrived, by the booking id in its Message-ID. */
    private Map<String, Integer> confirmations() {
        var counts = new HashMap<String, Integer>();
        for (var message : smtp.received()) {
            try {
                var id = CONFIRMATION_ID.matcher(String.valueOf(message.getMessageID()));
                if (id.matches()) {
                    counts.merge(id.group(1), 1, Integer::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }
}
