package io.seatwise.web.mail;

import static io.seatwise.web.mail.MailDeliveryTest.part;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.FutureDates;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mails of an event's life over real SMTP (GreenMail): a cancelled event mails each booker once with the reason,
 * and none of the ordinary cancellation mails; a reschedule mails each booker once per reschedule with both times.
 */
class EventLifeMailTest extends ApplicationTest {

    static final SmtpServer smtp = SmtpServer.onFreePort().start();

    @Autowired
    JdbcTemplate jdbc;

    private String admin;
    private String venue;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SmtpServer.HOST);
        registry.add("spring.mail.port", smtp::port);
        registry.add("seatwise.public-url", () -> "https://tickets.example.org");
        registry.add("seatwise.mail.poll-interval", () -> "100ms");
        registry.add("seatwise.mail.first-retry-delay", () -> "200ms");
        registry.add("seatwise.mail.max-retry-delay", () -> "1s");
    }

    /** The day of a start in the year after next, as the English mails write it in the server's zone. */
    private static String day(String monthDayTime) {
        return FutureDates.written(
                FutureDates.at(monthDayTime),
                "EEEE d MMMM yyyy",
                Locale.ENGLISH,
                ZoneId.systemDefault().getId());
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void venue() {
        admin = adminToken();
        venue = api.createVenue(admin, "Assembly Rooms", 3, 10);
    }

    @Test
    void cancellationMailsEachBookerOnceWithTheReasonAndNoOrdinaryCancellationMail() throws Exception {
        var event = api.scheduleEvent(admin, venue, "Harp Night", FutureDates.at("06-05T19:30:00Z"));
        var ann = Booker.register(api, "Ann");
        var bob = Booker.register(api, "Bob");
        var first = ann.book(event, 1, 2);
        var second = ann.book(event, 5);
        var bobs = bob.book(event, 9);
        arrivedAll(ann, "Your seats for Harp Night", 2);
        arrivedAll(bob, "Your seats for Harp Night", 1);

        var cancelled = api.post(
                "/api/events/" + event + "/cancel",
                Map.of("reason", "The harpist broke a wrist & <cannot> play"),
                admin);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        var mail = arrivedAll(ann, "Harp Night is cancelled", 1).get(0);
        assertThat(part(mail, "text/plain"))
                .contains("Hi Ann,")
                .contains("Harp Night has been cancelled")
                .contains("Reason: The harpist broke a wrist & <cannot> play")
                .contains("Assembly Rooms, Testville")
                .contains("https://tickets.example.org/me/bookings");
        assertThat(part(mail, "text/html")).contains("The harpist broke a wrist &amp; &lt;cannot&gt; play");
        arrivedAll(bob, "Harp Night is cancelled", 1);
        // the event's mail saga has ended, so no prompt or reminder will come, and no booking gets the ordinary
        // cancellation mail
        assertThat(count(
                        "SELECT count(*) FROM AssociationValueEntry WHERE associationKey = 'eventId'"
                                + " AND associationValue = ?",
                        event))
                .isZero();
        Thread.sleep(1_000);
        assertThat(smtp.to(ann.email(), "Harp Night is cancelled")).hasSize(1);
        assertThat(smtp.to(bob.email(), "Harp Night is cancelled")).hasSize(1);
        assertThat(smtp.to(ann.email(), "Your booking for Harp Night is cancelled"))
                .isEmpty();
        assertThat(smtp.to(bob.email(), "Your booking for Harp Night is cancelled"))
                .isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM mail_outbox WHERE kind = 'CANCELLATION' AND booking_id IN (?, ?, ?)",
                        first,
                        second,
                        bobs))
                .isZero();
    }

    @Test
    void aBookerWhoCancelledEarlierIsNotMailedAboutTheEventsCancellation() throws Exception {
        var event = api.scheduleEvent(admin, venue, "Viol Consort", FutureDates.at("07-05T19:30:00Z"));
        var cy = Booker.register(api, "Cy");
        var dee = Booker.register(api, "Dee");
        var cys = cy.book(event, 3);
        dee.book(event, 4);
        assertThat(api.delete("/api/bookings/" + cys, cy.token()).status()).isEqualTo(204);
        arrivedAll(cy, "Your booking for Viol Consort is cancelled", 1);

        assertThat(api.post("/api/events/" + event + "/cancel", Map.of("reason", "Fog"), admin)
                        .status())
                .isEqualTo(200);

        arrivedAll(dee, "Viol Consort is cancelled", 1);
        Thread.sleep(1_000);
        assertThat(smtp.to(cy.email(), "Viol Consort is cancelled")).isEmpty();
    }

    @Test
    void rescheduleMailsEachBookerOncePerRescheduleWithBothTimes() throws Exception {
        var event = api.scheduleEvent(admin, venue, "Cello Suites", FutureDates.at("08-07T19:30:00Z"));
        var eve = Booker.register(api, "Eve");
        var fay = Booker.register(api, "Fay");
        eve.book(event, 11);
        eve.book(event, 12);
        fay.book(event, 20);
        arrivedAll(eve, "Your seats for Cello Suites", 2);

        var moved = api.patch(
                "/api/events/" + event,
                Map.of("startsAt", FutureDates.at("08-14T19:30:00Z").toString()),
                admin);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        var mail = arrivedAll(eve, "Cello Suites has moved to a new date", 1).get(0);
        assertThat(part(mail, "text/plain"))
                .contains("Cello Suites has been rescheduled")
                .contains("Was: " + day("08-07T19:30:00Z"))
                .contains("Now: " + day("08-14T19:30:00Z"))
                .contains("you may cancel your booking until the event starts");
        arrivedAll(fay, "Cello Suites has moved to a new date", 1);

        assertThat(api.patch(
                                "/api/events/" + event,
                                Map.of(
                                        "startsAt",
                                        FutureDates.at("08-21T19:30:00Z").toString()),
                                admin)
                        .status())
                .isEqualTo(200);

        var mails = arrivedAll(eve, "Cello Suites has moved to a new date", 2);
        assertThat(mails.stream().map(EventLifeMailTest::text))
                .anyMatch(text -> text.contains("Was: " + day("08-14T19:30:00Z"))
                        && text.contains("Now: " + day("08-21T19:30:00Z")));
        Thread.sleep(1_000);
        assertThat(smtp.to(eve.email(), "Cello Suites has moved to a new date")).hasSize(2);
        assertThat(smtp.to(fay.email(), "Cello Suites has moved to a new date")).hasSize(2);
    }

    @Test
    void cancellationDuringAnSmtpOutageIsMailedOnceItIsBack() throws Exception {
        var event = api.scheduleEvent(admin, venue, "Storm Gala", FutureDates.at("10-05T19:30:00Z"));
        var hal = Booker.register(api, "Hal");
        hal.book(event, 14);
        arrivedAll(hal, "Your seats for Storm Gala", 1);
        smtp.stop();
        try {
            var cancelled = api.post("/api/events/" + event + "/cancel", Map.of("reason", "Power cut"), admin);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            eventually(
                    Duration.ofSeconds(10),
                    () -> count(
                                    "SELECT coalesce(max(attempts), 0) FROM mail_outbox WHERE kind = 'EVENT_CANCELLED'"
                                            + " AND recipient = ?",
                                    hal.email())
                            >= 2);
        } finally {
            smtp.start();
        }

        var mail = arrivedAll(hal, "Storm Gala is cancelled", 1).get(0);
        assertThat(part(mail, "text/plain")).contains("Reason: Power cut");
        Thread.sleep(1_500);
        assertThat(smtp.to(hal.email(), "Storm Gala is cancelled")).hasSize(1);
    }

    @Test
    void anEditOfTitleOrPricesMailsNobody() throws Exception {
        var event = api.scheduleEvent(admin, venue, "Lute Duets", FutureDates.at("09-05T19:30:00Z"));
        var gus = Booker.register(api, "Gus");
        gus.book(event, 7);
        arrivedAll(gus, "Your seats for Lute Duets", 1);

        assertThat(api.patch("/api/events/" + event, Map.of("title", "Lute Trios", "priceCents", 100), admin)
                        .status())
                .isEqualTo(200);

        Thread.sleep(1_500);
        assertThat(smtp.to(gus.email())).hasSize(1);
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private static List<MimeMessage> arrivedAll(Booker booker, String subject, int expected) {
        eventually(
                Duration.ofSeconds(10), () -> smtp.to(booker.email(), subject).size() >= expected);
        var mails = smtp.to(booker.email(), subject);
        assertThat(mails).hasSize(expected);
        return mails;
    }

    private static String text(MimeMessage mail) {
        try {
            return part(mail, "text/plain");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
