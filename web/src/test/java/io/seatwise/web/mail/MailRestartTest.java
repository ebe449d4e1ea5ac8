package io.seatwise.web.mail;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.StandaloneApplication;
import io.seatwise.web.TimeSensitive;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail that could not be delivered before the application stopped is delivered after it starts again on the same
 * data folder, once; the event handlers that wrote it do not write it again. A review prompt that was not due yet
 * waits as its saga's durable deadline, and goes out on time after the restart.
 */
@TimeSensitive
class MailRestartTest {

    @TempDir
    Path dataDir;

    private final SmtpServer smtp = SmtpServer.onFreePort();

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void mailPendingAtShutdownIsDeliveredOnceAfterTheRestart() throws Exception {
        Booker ann;
        String bookingId;
        try (var first = StandaloneApplication.start(dataDir, settings())) {
            var api = first.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Old Hall", 3, 4);
            var event = api.scheduleEvent(
                    admin, venue, "After the Restart", Instant.now().plus(Duration.ofDays(3)));
            ann = Booker.register(api, "Ann");
            bookingId = ann.book(event, 1, 2);
            var jdbc = first.context().getBean(JdbcTemplate.class);
            ApplicationTest.eventually(() -> attempts(jdbc, "booking-confirmation:" + bookingId) >= 1);
        }

        smtp.start();
        try (var second = StandaloneApplication.start(dataDir, settings())) {
            ApplicationTest.eventually(
                    Duration.ofSeconds(10),
                    () -> !smtp.to(ann.email(), "Your seats for After the Restart")
                            .isEmpty());
            Thread.sleep(1500);

            assertThat(smtp.to(ann.email())).hasSize(1);
            var jdbc = second.context().getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                            "SELECT status FROM mail_outbox WHERE mail_key = ?",
                            String.class,
                            "booking-confirmation:" + bookingId))
                    .isEqualTo("SENT");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM mail_outbox WHERE booking_id = ?", Integer.class, bookingId))
                    .as("the prompt and the reminder are not due: they wait as the booking's saga's deadline")
                    .isEqualTo(1);
        }
    }

    /**
     * The review prompt waits as a durable deadline of the booking's saga: the application stops after the
     * confirmation and starts again on the same files before the prompt is due, and the prompt goes out when it is
     * due, not before, and once.
     */
    @Test
    void aPromptDueAfterARestartGoesOutOnTime() throws Exception {
        smtp.start();
        var delay = Duration.ofSeconds(15);
        var settings = new ArrayList<>(List.of(settings()));
        settings.add("--seatwise.mail.review-prompt-delay=" + delay.toSeconds() + "s");
        var arguments = settings.toArray(String[]::new);
        Booker ann;
        Instant due;
        try (var first = StandaloneApplication.start(dataDir, arguments)) {
            var api = first.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Durable Hall", 3, 4);
            var event = api.scheduleEvent(
                    admin, venue, "Kept Promise", Instant.now().plus(Duration.ofDays(3)));
            ann = Booker.register(api, "Ann");
            ann.book(event, 1);
            ApplicationTest.eventually(
                    () -> api.get("/api/me/bookings", ann.token()).json().size() == 1);
            due = Instant.parse(api.get("/api/me/bookings", ann.token())
                            .json()
                            .get(0)
                            .get("bookedAt")
                            .asText())
                    .plus(delay);
            ApplicationTest.eventually(
                    () -> !smtp.to(ann.email(), "Your seats for Kept Promise").isEmpty());
        }

        try (var second = StandaloneApplication.start(dataDir, arguments)) {
            assertThat(Instant.now())
                    .as("started again before the prompt is due")
                    .isBefore(due);
            ApplicationTest.eventually(
                    delay,
                    () -> !smtp.to(ann.email(), "Been to the venue of Kept Promise before?")
                            .isEmpty());
            assertThat(Instant.now())
                    .as("on time: not before it is due, and within the deadlines' and the outbox's polls")
                    .isAfterOrEqualTo(due)
                    .isBefore(due.plusSeconds(10));
            Thread.sleep(1500);
            assertThat(smtp.to(ann.email(), "Been to the venue of Kept Promise before?"))
                    .hasSize(1);
        }
    }

    @Test
    void backlogAtTheStartGoesOutWithoutWaitingForTheNextPoll() throws Exception {
        var bookings = Postman.BATCH * 2 + 3;
        Booker ann;
        try (var first = StandaloneApplication.start(dataDir, patient("100ms"))) {
            var api = first.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Backlog Hall", 5, 10);
            // Ann books seat after seat, more than an account may hold by default
            var event = api.scheduleEventWithoutLimit(
                    admin, venue, "The Backlog", Instant.now().plus(Duration.ofDays(3)));
            ann = Booker.register(api, "Ann");
            for (int seat = 1; seat <= bookings; seat++) {
                ann.book(event, seat);
            }
            var jdbc = first.context().getBean(JdbcTemplate.class);
            ApplicationTest.eventually(() -> jdbc.queryForObject(
                            "SELECT count(*) FROM mail_outbox WHERE kind = 'BOOKING_CONFIRMATION'", Integer.class)
                    == bookings);
        }

        smtp.start();
        // The sender runs once at the start and then not for an hour: only working through the backlog at once, round
        // after round, delivers more than one batch.
        try (var second = StandaloneApplication.start(dataDir, patient("1h"))) {
            ApplicationTest.eventually(
                    Duration.ofSeconds(10), () -> smtp.to(ann.email()).size() == bookings);
        }
    }

    /**
     * As {@link #settings()}, polling as often as given, and never giving up on a mail: while nothing listens, every
     * round fails once, and no mail may run out of attempts before the server comes.
     */
    private String[] patient(String pollInterval) {
        var settings = new ArrayList<>(List.of(settings()));
        settings.removeIf(setting -> setting.startsWith("--seatwise.mail.poll-interval="));
        settings.add("--seatwise.mail.poll-interval=" + pollInterval);
        settings.add("--seatwise.mail.max-attempts=100000");
        return settings.toArray(String[]::new);
    }

    /** SMTP on a port where nothing listens until the test starts the server. */
    private String[] settings() {
        return new String[] {
            "--spring.mail.host=" + SmtpServer.HOST,
            "--spring.mail.port=" + smtp.port(),
            "--seatwise.mail.poll-interval=100ms",
            "--seatwise.mail.first-retry-delay=200ms",
            "--seatwise.mail.max-retry-delay=500ms"
        };
    }

    private static int attempts(JdbcTemplate jdbc, String key) {
        return jdbc.queryForList("SELECT attempts FROM mail_outbox WHERE mail_key = ?", Integer.class, key).stream()
                .findFirst()
                .orElse(0);
    }
}
