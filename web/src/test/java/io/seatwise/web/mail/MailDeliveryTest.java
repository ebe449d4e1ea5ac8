package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.FutureDates;
import io.seatwise.web.ticket.TicketCodes;
import io.seatwise.web.ticket.TicketCodes.TicketCode;
import io.seatwise.web.ticket.TicketFiles;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mail over real SMTP: the application delivers to a GreenMail server, with delays and retry waits made short. The
 * server is shared by the tests of this class; each test books as people of its own and looks only at their mail.
 */
class MailDeliveryTest extends ApplicationTest {

    static final Duration PROMPT_DELAY = Duration.ofSeconds(2);
    static final Duration EVENT_DURATION = Duration.ofSeconds(1);

    static final SmtpServer smtp = SmtpServer.onFreePort().start();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TicketCodes ticketCodes;

    private String adminToken;
    private String venue;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SmtpServer.HOST);
        registry.add("spring.mail.port", smtp::port);
        registry.add("seatwise.public-url", () -> "https://tickets.example.org");
        registry.add("seatwise.mail.from", () -> "Seatwise <tickets@example.org>");
        registry.add("seatwise.mail.poll-interval", () -> "100ms");
        registry.add("seatwise.mail.first-retry-delay", () -> "200ms");
        registry.add("seatwise.mail.max-retry-delay", () -> "1s");
        registry.add("seatwise.mail.review-prompt-delay", PROMPT_DELAY::toString);
        registry.add("seatwise.mail.event-duration", EVENT_DURATION::toString);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void venue() {
        adminToken = adminToken();
        venue = api.createVenue(adminToken, "Corn Exchange", 3, 10);
    }

    @Test
    void confirmationReachesTheBookerWithEventVenueSeatsTimeAndLink() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Brass & <Strings>", FutureDates.at("06-05T19:30:00Z"));
        var ann = Booker.register(api, "Ann O'Neil");

        var bookingId = ann.book(event, 12, 13);

        var mail = arrived(ann, "Your seats for Brass & <Strings>");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Seatwise <tickets@example.org>");
        assertThat(mail.getMessageID()).isEqualTo("<booking-confirmation." + bookingId + "@tickets.example.org>");
        var text = part(mail, "text/plain");
        assertThat(text)
                .contains("Hi Ann O'Neil,")
                .contains("Event: Brass & <Strings>")
                .contains("Corn Exchange, Testville")
                .contains("Main, Row B, Seat 2 (no. 12); Main, Row B, Seat 3 (no. 13)")
                .contains(FutureDates.written(
                        FutureDates.at("06-05T19:30:00Z"),
                        "EEEE d MMMM yyyy",
                        Locale.ENGLISH,
                        ZoneId.systemDefault().getId()))
                .contains(BookingReference.of(BookingId.of(bookingId)).toString())
                .doesNotContain(bookingId)
                .contains("https://tickets.example.org/me/bookings");
        var html = part(mail, "text/html");
        assertThat(html)
                .contains("Brass &amp; &lt;Strings&gt;")
                .doesNotContain("<Strings>")
                .contains("Hi Ann O&#39;Neil,")
                .contains("Main, Row B, Seat 2 (no. 12)")
                .contains("href=\"https://tickets.example.org/me/bookings\"");
    }

    @Test
    void mailIsPlainTextAndHtmlAsAlternatives() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Organ Recital", inDays(3));
        var bo = Booker.register(api, "Bo");
        var bookingId = bo.book(event, 1);
        arrived(bo, "Your seats for Organ Recital");

        assertThat(api.delete("/api/bookings/" + bookingId, bo.token()).status())
                .isEqualTo(204);

        var mail = arrived(bo, "Your booking for Organ Recital is cancelled");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        var parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType())
                .startsWith("text/plain")
                .contains("UTF-8");
        assertThat(parts.getBodyPart(1).getContentType())
                .startsWith("text/html")
                .contains("UTF-8");
    }

    @Test
    void confirmationCarriesTheTicketsAsPdfAndCalendarEntry() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Harp Duets", FutureDates.at("07-01T18:00:00Z"));
        var fay = Booker.register(api, "Fay");
        var bookingId = fay.book(event, 21, 22);

        var mail = arrived(fay, "Your seats for Harp Duets");

        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        var parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        var reference = BookingReference.of(BookingId.of(bookingId)).toString();
        var pdf = parts.getBodyPart(1);
        assertThat(pdf.isMimeType("application/pdf")).as(pdf.getContentType()).isTrue();
        assertThat(pdf.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("tickets-" + reference + ".pdf");
        var pdfBytes = pdf.getInputStream().readAllBytes();
        assertThat(TicketFiles.pagesText(pdfBytes))
                .hasSize(2)
                .allSatisfy(page -> assertThat(page).contains(reference).contains("Fay"));
        var decoded = TicketFiles.qrCodesPerPage(pdfBytes).stream()
                .map(codes -> ticketCodes.read(codes.get(0)).orElseThrow())
                .toList();
        assertThat(decoded)
                .containsExactly(
                        new TicketCode(EventId.of(event), BookingId.of(bookingId), 21),
                        new TicketCode(EventId.of(event), BookingId.of(bookingId), 22));
        var calendar = parts.getBodyPart(2);
        assertThat(calendar.isMimeType("text/calendar"))
                .as(calendar.getContentType())
                .isTrue();
        assertThat(calendar.getFileName()).isEqualTo(reference + ".ics");
        var entry =
                TicketFiles.calendarEvent(new String(calendar.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(TicketFiles.value(entry, "DTSTART"))
                .isEqualTo(FutureDates.calendar(FutureDates.at("07-01T18:00:00Z")));
        assertThat(TicketFiles.value(entry, "DURATION")).isEqualTo(EVENT_DURATION.toString());
        assertThat(TicketFiles.value(entry, "SUMMARY")).isEqualTo("Harp Duets");
        assertThat(TicketFiles.value(entry, "UID")).contains(bookingId);
    }

    @Test
    void cancelledBookingIsConfirmedAndGetsNoPromptOrReminder() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Madrigals", inDays(4));
        var cy = Booker.register(api, "Cy");
        var bookingId = cy.book(event, 5, 6);
        arrived(cy, "Your seats for Madrigals");

        assertThat(api.delete("/api/bookings/" + bookingId, cy.token()).status())
                .isEqualTo(204);

        var mail = arrived(cy, "Your booking for Madrigals is cancelled");
        assertThat(part(mail, "text/plain"))
                .contains("Main, Row A, Seat 5 (no. 5)")
                .contains(BookingReference.of(BookingId.of(bookingId)).toString());
        // the prompt's time passes without a prompt: the event's saga finds the booking cancelled
        Thread.sleep(PROMPT_DELAY.plusSeconds(2).toMillis());
        assertThat(smtp.to(cy.email(), "Been to the venue of Madrigals before?"))
                .isEmpty();
        assertThat(status("review-prompt:" + bookingId)).isEmpty();
        assertThat(status("review-reminder:" + bookingId)).isEmpty();
    }

    @Test
    void reviewPromptWaitsForItsDelay() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Lute Songs", inDays(4));
        var di = Booker.register(api, "Di");

        var bookingId = di.book(event, 7);

        eventually(() -> api.get("/api/me/bookings", di.token()).json().size() == 1);
        var bookedAt = Instant.parse(api.get("/api/me/bookings", di.token())
                .json()
                .get(0)
                .get("bookedAt")
                .asText());
        arrived(di, "Your seats for Lute Songs");
        assertThat(smtp.to(di.email(), "Been to the venue of Lute Songs before?"))
                .isEmpty();
        var prompt = arrived(di, "Been to the venue of Lute Songs before?");
        assertThat(Instant.now()).isAfterOrEqualTo(bookedAt.plus(PROMPT_DELAY));
        assertThat(part(prompt, "text/plain")).contains("https://tickets.example.org/venues/" + venue);
        assertThat(smtp.to(di.email(), "Been to the venue of Lute Songs before?"))
                .as("one prompt")
                .hasSize(1);
    }

    @Test
    void reminderGoesOutOnceTheEventIsOver() throws Exception {
        var startsAt = Instant.now().plusSeconds(3);
        var event = api.scheduleEvent(adminToken, venue, "Short Set", startsAt);
        var ed = Booker.register(api, "Ed");

        var bookingId = ed.book(event, 8);

        var reminder = arrived(ed, "How was Short Set?", Duration.ofSeconds(10));
        assertThat(Instant.now()).isAfter(startsAt.plus(EVENT_DURATION));
        assertThat(part(reminder, "text/plain")).contains("https://tickets.example.org/events/" + event);
        // marked sent right after the SMTP server has accepted it, which is when the test may already look
        eventually(() -> "SENT".equals(status("review-reminder:" + bookingId)));
        eventually(() -> sagasOf(event) == 0);
    }

    @Test
    void reminderIsSkippedForBookersWhoReviewedTheEvent() throws Exception {
        var startsAt = Instant.now().plusSeconds(3);
        var event = api.scheduleEvent(adminToken, venue, "Reviewed Set", startsAt);
        var fay = Booker.register(api, "Fay");
        var bookingId = fay.book(event, 9);

        var review = api.post("/api/events/" + event + "/reviews", Map.of("rating", 5, "text", "Lovely"), fay.token());
        assertThat(review.status()).isEqualTo(201);

        eventually(
                Duration.ofSeconds(10),
                () -> status("review-reminder:" + bookingId).equals("SKIPPED"));
        assertThat(smtp.to(fay.email(), "How was Reviewed Set?")).isEmpty();
    }

    @Test
    void bookingsSucceedWhileSmtpIsDownAndTheirMailArrivesOnceItIsBack() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Outage Gala", inDays(5));
        var gus = Booker.register(api, "Gus");
        var hal = Booker.register(api, "Hal");
        smtp.stop();
        try {
            var started = System.nanoTime();
            gus.book(event, 20);
            hal.book(event, 21, 22);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

            eventually(() -> attempts("booking-confirmation:%", gus.accountId()) >= 2);
        } finally {
            smtp.start();
        }

        arrived(gus, "Your seats for Outage Gala", Duration.ofSeconds(10));
        arrived(hal, "Your seats for Outage Gala", Duration.ofSeconds(10));
        Thread.sleep(1500);
        assertThat(smtp.to(gus.email(), "Your seats for Outage Gala")).hasSize(1);
        assertThat(smtp.to(hal.email(), "Your seats for Outage Gala")).hasSize(1);
    }

    @Test
    void resettingTheReadModelsSendsNothingAgain() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Replay Night", inDays(6));
        var ivy = Booker.register(api, "Ivy");
        ivy.book(event, 25);
        arrived(ivy, "Your seats for Replay Night");
        arrived(ivy, "Been to the venue of Replay Night before?");
        var mails = jdbc.queryForObject("SELECT count(*) FROM mail_outbox", Long.class);

        var mailProcessor = processing
                .eventProcessor(MailProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        assertThat(mailProcessor.supportsReset()).isFalse();
        assertThatThrownBy(mailProcessor::resetTokens).isInstanceOf(IllegalStateException.class);
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .forEach(processor -> {
                    processor.shutDown();
                    processor.resetTokens();
                    processor.start();
                });

        eventually(Duration.ofSeconds(10), () -> api.seatMapShows(event, List.of(25)));
        Thread.sleep(1000);
        assertThat(smtp.to(ivy.email())).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox", Long.class))
                .isEqualTo(mails);
    }

    private String status(String key) {
        return jdbc.queryForList("SELECT status FROM mail_outbox WHERE mail_key = ?", String.class, key).stream()
                .findFirst()
                .orElse("");
    }

    /** The sagas that time the mails of the event's bookings: one while they have mail to come. */
    private int sagasOf(String eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM AssociationValueEntry WHERE associationKey = 'eventId' AND associationValue = ?",
                Integer.class,
                eventId);
    }

    private int attempts(String keyPattern, String accountId) {
        Integer attempts = jdbc.queryForObject(
                "SELECT coalesce(max(o.attempts), 0) FROM mail_outbox o JOIN mail_bookings b"
                        + " ON b.booking_id = o.booking_id WHERE o.mail_key LIKE ? AND b.account_id = ?",
                Integer.class,
                keyPattern,
                accountId);
        return attempts == null ? 0 : attempts;
    }

    private static MimeMessage arrived(Booker booker, String subject) {
        return arrived(booker, subject, Duration.ofSeconds(5));
    }

    private static MimeMessage arrived(Booker booker, String subject, Duration within) {
        eventually(within, () -> !smtp.to(booker.email(), subject).isEmpty());
        var mails = smtp.to(booker.email(), subject);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** The content of the message's part of the given type, also inside a multipart/mixed with attachments. */
    static String part(MimeMessage message, String type) throws Exception {
        var found = part((MimeMultipart) message.getContent(), type);
        if (found == null) {
            throw new AssertionError("No " + type + " part");
        }
        return found;
    }

    private static String part(MimeMultipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                var inner = part((MimeMultipart) part.getContent(), type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
