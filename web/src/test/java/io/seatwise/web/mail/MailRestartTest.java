package io.seatwise.web.mail;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail that could not be delivered before the application stopped is delivered after it starts again on the same
 * data folder, once; the event handlers that wrote it do not write it again.
 */
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
                    .isEqualTo(3);
        }
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
