package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The events' mail sagas over real SMTP (GreenMail) and the real deadline manager, with a prompt seconds after each
 * booking and events that are over seconds after their start: a reschedule moves the reminder to after the new end,
 * and an event's cancellation ends its saga, so that its bookers get the event's mail and nothing more. (The confirmation, the prompt, the reminder and a booking's cancellation: {@link MailDeliveryTest}.)
 */
class MailSagaTest extends ApplicationTest {

    static final Duration PROMPT_DELAY = Duration.ofSeconds(6);
    static final Duration EVENT_DURATION = Duration.ofSeconds(1);

    static final SmtpServer smtp = SmtpServer.onFreePort().start();

    @Autowired
    JdbcTemplate jdbc;

    private String admin;
    private String venue;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SmtpServer.HOST);
        registry.add("spring.mail.port", smtp::port);
        registry.add("seatwise.mail.poll-interval", () -> "100ms");
        registry.add("seatwise.mail.review-prompt-delay", PROMPT_DELAY::toString);
        registry.add("seatwise.mail.event-duration", EVENT_DURATION::toString);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void venue() {
        admin = adminToken();
        venue = api.createVenue(admin, "Saga Hall", 3, 10);
    }

    @Test
    void aRescheduleMovesTheReminderToAfterTheNewEnd() throws Exception {
        var startsAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        var event = api.scheduleEvent(admin, venue, "Moved Matinee", startsAt);
        var ann = Booker.register(api, "Ann");
        var booking = ann.book(event, 4);

        var movedTo = startsAt.plusSeconds(5);
        var moved = api.patch("/api/events/" + event, Map.of("startsAt", movedTo.toString()), admin);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        arrived(ann, "Your seats for Moved Matinee", Duration.ofSeconds(10));
        arrived(ann, "Been to the venue of Moved Matinee before?", Duration.ofSeconds(30));
        arrived(ann, "How was Moved Matinee?", Duration.ofSeconds(30));
        assertThat(Instant.now())
                .as("not at the old end, but after the new one")
                .isAfterOrEqualTo(movedTo.plus(EVENT_DURATION));
        assertThat(jdbc.queryForObject(
                        "SELECT created_at FROM mail_outbox WHERE mail_key = ?",
                        Long.class,
                        "review-reminder:" + booking))
                .as("put into the outbox when it fell due")
                .isGreaterThanOrEqualTo(movedTo.plus(EVENT_DURATION).toEpochMilli());
        eventually(() -> sagas("eventId", event) == 0);
    }

    @Test
    void anEventsCancellationEndsItsBookingsSagasAndMailsOnlyTheEvent() throws Exception {
        var event = api.scheduleEvent(admin, venue, "Called Off", inDays(4));
        var bo = Booker.register(api, "Bo");
        var first = bo.book(event, 1);
        var second = bo.book(event, 2);
        arrivedAll(bo, "Your seats for Called Off", 2);
        assertThat(sagas("eventId", event))
                .as("one saga for the event's bookings")
                .isEqualTo(1);

        var cancelled = api.post("/api/events/" + event + "/cancel", Map.of("reason", "Fog"), admin);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        arrivedAll(bo, "Called Off is cancelled", 1);
        assertThat(sagas("eventId", event)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class))
                .as("its deadlines are cancelled with it")
                .isZero();
        // the prompts' time passes: nothing more comes, and nothing waits in the outbox
        Thread.sleep(PROMPT_DELAY.plusSeconds(2).toMillis());
        assertThat(smtp.to(bo.email()))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Your seats for Called Off", "Your seats for Called Off", "Called Off is cancelled");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM mail_outbox WHERE booking_id IN (?, ?) AND kind <> 'BOOKING_CONFIRMATION'"
                                + " AND kind <> 'EVENT_CANCELLED'",
                        Integer.class,
                        first,
                        second))
                .isZero();
    }

    /** The sagas associated with the key and value: an event's by its id. */
    private int sagas(String key, String value) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM AssociationValueEntry WHERE associationKey = ? AND associationValue = ?",
                Integer.class,
                key,
                value);
    }

    private static MimeMessage arrived(Booker booker, String subject, Duration within) {
        return arrivedAll(booker, subject, 1, within).get(0);
    }

    private static List<MimeMessage> arrivedAll(Booker booker, String subject, int count) {
        return arrivedAll(booker, subject, count, Duration.ofSeconds(10));
    }

    private static List<MimeMessage> arrivedAll(Booker booker, String subject, int count, Duration within) {
        eventually(within, () -> smtp.to(booker.email(), subject).size() >= count);
        var mails = smtp.to(booker.email(), subject);
        assertThat(mails).hasSize(count);
        return mails;
    }
}
