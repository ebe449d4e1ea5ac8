package io.seatwise.web.mail;

import static io.seatwise.web.mail.MailDeliveryTest.part;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookingId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.FutureDates;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
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
 * Every mail in its recipient's language, over real SMTP (GreenMail): subject, texts and dates in German for an account
 * that speaks German, in English for one that speaks English, and in the new language once an account changes it.
 */
class MailLanguageTest extends ApplicationTest {

    /** Long enough for a test to change the language after the confirmation and before the prompt. */
    static final Duration PROMPT_DELAY = Duration.ofSeconds(8);

    static final SmtpServer smtp = SmtpServer.onFreePort().start();

    /** The start the confirmations name, in the year after next, as each language writes it in Berlin's zone. */
    static final String GERMAN_START = FutureDates.written(
            FutureDates.at("06-05T17:30:00Z"), "EEEE, d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMAN, "Europe/Berlin");

    static final String ENGLISH_START = FutureDates.written(
            FutureDates.at("06-05T17:30:00Z"), "EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH, "Europe/Berlin");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Mailbox mailbox;

    private String adminToken;
    private String venue;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SmtpServer.HOST);
        registry.add("spring.mail.port", smtp::port);
        registry.add("seatwise.public-url", () -> "https://tickets.example.org");
        registry.add("seatwise.mail.poll-interval", () -> "100ms");
        registry.add("seatwise.mail.review-prompt-delay", PROMPT_DELAY::toString);
        registry.add("seatwise.time-zone", () -> "Europe/Berlin");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void venue() {
        adminToken = adminToken();
        venue = api.createVenue(adminToken, "Gewandhaus", 3, 10);
    }

    @Test
    void aGermanAccountsConfirmationIsInGerman() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Brahms & Schumann", FutureDates.at("06-05T17:30:00Z"));
        var greta = booker("Greta Müller", "de");

        greta.book(event, 12, 13);

        var mail = arrived(greta, "Ihre Plätze für Brahms & Schumann");
        var text = part(mail, "text/plain");
        assertThat(text)
                .contains("Guten Tag Greta Müller,")
                .contains("Ihre Buchung ist bestätigt. Das haben Sie gebucht:")
                .contains("Veranstaltung: Brahms & Schumann")
                .contains("Wann: " + GERMAN_START)
                .contains("Wo: Gewandhaus")
                .contains("Plätze: Main, Reihe B, Platz 2 (Nr. 12); Main, Reihe B, Platz 3 (Nr. 13)")
                .contains("Buchungsnummer: ")
                .contains("Ihre Buchungen ansehen: https://tickets.example.org/me/bookings")
                .contains("Ihr Seatwise-Team")
                .doesNotContain("Your", "Seats", "Row");
        var html = part(mail, "text/html");
        assertThat(html)
                .contains("<html lang=\"de\">")
                .contains("Brahms &amp; Schumann")
                .contains(GERMAN_START);
    }

    @Test
    void anEnglishAccountsConfirmationIsInEnglish() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Organ Night", FutureDates.at("06-05T17:30:00Z"));
        var ann = booker("Ann Smith", "en");

        ann.book(event, 4);

        var mail = arrived(ann, "Your seats for Organ Night");
        var text = part(mail, "text/plain");
        assertThat(text)
                .contains("Hi Ann Smith,")
                .contains("When: " + ENGLISH_START)
                .contains("Seats: Main, Row A, Seat 4 (no. 4)")
                .doesNotContain("Ihre", "Reihe", "Uhr");
        assertThat(part(mail, "text/html")).contains("<html lang=\"en\">");
    }

    @Test
    void changingTheLanguageChangesTheMailsWrittenAfterwards() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Lieder Abend", FutureDates.at("07-01T18:00:00Z"));
        var later = api.scheduleEvent(adminToken, venue, "Kammermusik", FutureDates.at("07-02T18:00:00Z"));
        var udo = booker("Udo Umstieg", "en");

        var first = udo.book(event, 1);
        arrived(udo, "Your seats for Lieder Abend");

        var changed = api.put("/api/me/language", Map.of("language", "de"), udo.token());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        udo.book(later, 2);
        var confirmation = arrived(udo, "Ihre Plätze für Kammermusik");
        assertThat(part(confirmation, "text/plain")).contains("Guten Tag Udo Umstieg,");
        assertThat(api.delete("/api/bookings/" + first, udo.token()).status()).isEqualTo(204);
        var cancellation = arrived(udo, "Ihre Buchung für Lieder Abend ist storniert");
        assertThat(part(cancellation, "text/plain")).contains("Ihre Buchung ist storniert");
        // the confirmation that went out in English stays as it was sent
        assertThat(smtp.to(udo.email(), "Your seats for Lieder Abend")).hasSize(1);
        assertThat(subjectOf("booking-confirmation:" + first)).isEqualTo("Your seats for Lieder Abend");
    }

    @Test
    void aPromptDueAfterTheChangeHasSubjectAndBodyInTheNewLanguage() throws Exception {
        var event = api.scheduleEvent(adminToken, venue, "Winterreise", FutureDates.at("12-01T18:00:00Z"));
        var eva = booker("Eva Wechsel", "de");

        eva.book(event, 7);
        arrived(eva, "Ihre Plätze für Winterreise");
        assertThat(api.put("/api/me/language", Map.of("language", "en"), eva.token())
                        .status())
                .isEqualTo(200);

        var prompt = arrived(eva, "Been to the venue of Winterreise before?", PROMPT_DELAY.plusSeconds(5));
        assertThat(part(prompt, "text/plain")).contains("Hi Eva Wechsel,").doesNotContain("Guten Tag");
        assertThat(part(prompt, "text/html")).contains("<html lang=\"en\">");
    }

    /**
     * A mail that waits in the outbox, unwritten (a prompt the release before queued at booking, or a mail held up by
     * an outage), gets its subject again in the new language; the admins' mail page shows it as the postman would
     * write it now.
     */
    @Test
    void aMailWaitingInTheOutboxIsWrittenInTheNewLanguage() {
        var event = api.scheduleEvent(adminToken, venue, "Die schöne Müllerin", FutureDates.at("12-02T18:00:00Z"));
        var ida = booker("Ida Wechsel", "de");
        var booking = ida.book(event, 8);
        var prompt = "review-prompt:" + booking;
        eventually(() -> !subjectOf("booking-confirmation:" + booking).isEmpty());
        mailbox.post(
                MailKind.REVIEW_PROMPT, BookingId.of(booking), Instant.now().plus(Duration.ofDays(1)));
        assertThat(subjectOf(prompt)).isEqualTo("Kennen Sie den Veranstaltungsort von Die schöne Müllerin?");

        assertThat(api.put("/api/me/language", Map.of("language", "en"), ida.token())
                        .status())
                .isEqualTo(200);

        eventually(() -> subjectOf(prompt).equals("Been to the venue of Die schöne Müllerin before?"));
        var admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        var html = admin.get("/admin/mail/" + prompt + "/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body())
                .contains("<html lang=\"en\">", "Hi Ida Wechsel,", "Been to the venue of Die schöne Müllerin before?")
                .doesNotContain("Guten Tag", "Reihe");
    }

    private Booker booker(String name, String language) {
        var email = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + System.nanoTime() + "@example.com";
        var created = api.post(
                "/api/users",
                Map.of("email", email, "password", ApiClient.USER_PASSWORD, "displayName", name, "language", language));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var accountId = created.json().path("id").asText();
        return new Booker(api, email, accountId, api.token(email, ApiClient.USER_PASSWORD));
    }

    private String subjectOf(String key) {
        return jdbc.queryForList("SELECT subject FROM mail_outbox WHERE mail_key = ?", String.class, key).stream()
                .findFirst()
                .orElse("");
    }

    private static MimeMessage arrived(Booker booker, String subject) {
        return arrived(booker, subject, Duration.ofSeconds(10));
    }

    private static MimeMessage arrived(Booker booker, String subject, Duration within) {
        eventually(within, () -> !smtp.to(booker.email(), subject).isEmpty());
        var mails = smtp.to(booker.email(), subject);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
