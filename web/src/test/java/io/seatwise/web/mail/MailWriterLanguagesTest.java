package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.web.SeatwiseProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every mail Seatwise writes, in both of its languages: the subject, the greeting, the intro, the seats and the date
 * come from the recipient's language, and nothing of the other language is left in it. The mails about an event's
 * reschedule or cancellation go to a booker of the event, not about one booking: they name no seats. The account's
 * own mails (verification, password reset) name no event: EmailVerificationTest and PasswordsTest read them from
 * the outbox.
 */
class MailWriterLanguagesTest {

    private static final Instant STARTS = Instant.parse("2099-06-05T17:30:00Z");

    private static final Instant MOVED = Instant.parse("2099-06-12T17:00:00Z");

    private static final Notice RESCHEDULED = new Notice(STARTS, MOVED, null);

    private static final Notice CANCELLED = new Notice(null, null, "Die Sängerin ist erkrankt");

    private final MailWriter writer = new MailWriter(messages(), properties());

    @ParameterizedTest
    @CsvSource({
        "BOOKING_CONFIRMATION, Ihre Plätze für Liederabend, Ihre Buchung ist bestätigt.",
        "REVIEW_PROMPT, Kennen Sie den Veranstaltungsort von Liederabend?, Vielen Dank für Ihre Buchung",
        "REVIEW_REMINDER, Wie hat Ihnen Liederabend gefallen?, Möchten Sie anderen Gästen erzählen",
        "CANCELLATION, Ihre Buchung für Liederabend ist storniert, Ihre Buchung ist storniert"
    })
    void everyMailIsWrittenInGerman(MailKind kind, String subject, String intro) {
        var facts = facts(Locale.GERMAN);

        assertThat(writer.subject(kind, facts)).isEqualTo(subject);
        var written = writer.write(kind, facts);
        for (var body : List.of(written.text(), written.html())) {
            assertThat(body)
                    .contains("Guten Tag Clara,", intro, "Freitag, 5. Juni 2099, 19:30 Uhr")
                    .contains("Main, Reihe B, Platz 2 (Nr. 12)", "Buchungsnummer", "Ihr Seatwise-Team")
                    .doesNotContain("Hi Clara", "Row", "Seat ", "When", "The Seatwise team");
        }
        assertThat(written.html()).contains("<html lang=\"de\">");
    }

    @ParameterizedTest
    @EnumSource(
            value = MailKind.class,
            names = {"EVENT_RESCHEDULED", "EVENT_CANCELLED", "EMAIL_VERIFICATION", "PASSWORD_RESET"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyMailIsWrittenInEnglish(MailKind kind) {
        var facts = facts(Locale.ENGLISH);

        assertThat(writer.subject(kind, facts)).contains("Liederabend").doesNotContain("Ihre", "Sie");
        var written = writer.write(kind, facts);
        for (var body : List.of(written.text(), written.html())) {
            assertThat(body)
                    .contains("Hi Clara,", "Friday 5 June 2099, 19:30", "Main, Row B, Seat 2 (no. 12)")
                    .contains("The Seatwise team")
                    .doesNotContain("Guten Tag", "Reihe", "Uhr", "Ihr Seatwise-Team");
        }
        assertThat(written.html()).contains("<html lang=\"en\">");
    }

    @Test
    void theEventsRescheduleIsWrittenInTheBookersLanguageWithBothTimes() {
        var german = writer.write(MailKind.EVENT_RESCHEDULED, facts(Locale.GERMAN), RESCHEDULED);
        var english = writer.write(MailKind.EVENT_RESCHEDULED, facts(Locale.ENGLISH), RESCHEDULED);

        assertThat(writer.subject(MailKind.EVENT_RESCHEDULED, facts(Locale.GERMAN)))
                .isEqualTo("Liederabend findet an einem neuen Termin statt");
        for (var body : List.of(german.text(), german.html())) {
            assertThat(body)
                    .contains("Guten Tag Clara,", "Liederabend wurde verschoben.")
                    .contains("Freitag, 5. Juni 2099, 19:30 Uhr", "Freitag, 12. Juni 2099, 19:00 Uhr")
                    .doesNotContain("Hi Clara", "Friday", "The Seatwise team");
        }
        for (var body : List.of(english.text(), english.html())) {
            assertThat(body)
                    .contains("Hi Clara,", "Friday 5 June 2099, 19:30", "Friday 12 June 2099, 19:00")
                    .doesNotContain("Guten Tag", "Uhr");
        }
    }

    @Test
    void theEventsCancellationIsWrittenInTheBookersLanguageWithTheReason() {
        var german = writer.write(MailKind.EVENT_CANCELLED, facts(Locale.GERMAN), CANCELLED);
        var english = writer.write(MailKind.EVENT_CANCELLED, facts(Locale.ENGLISH), CANCELLED);

        assertThat(writer.subject(MailKind.EVENT_CANCELLED, facts(Locale.GERMAN)))
                .isEqualTo("Liederabend ist abgesagt");
        for (var body : List.of(german.text(), german.html())) {
            assertThat(body)
                    .contains("Guten Tag Clara,", "Es tut uns leid: Liederabend wurde abgesagt.")
                    .contains("Grund", "Die Sängerin ist erkrankt", "Freitag, 5. Juni 2099, 19:30 Uhr")
                    .doesNotContain("Hi Clara", "Reason", "The Seatwise team");
        }
        for (var body : List.of(english.text(), english.html())) {
            assertThat(body)
                    .contains("Hi Clara,", "has been cancelled", "Reason", "Die Sängerin ist erkrankt")
                    .doesNotContain("Guten Tag", "Grund");
        }
    }

    /**
     * A name or title stored before names were checked may hold line breaks; in the plain text they must not start a
     * line of their own that reads as the mail's, nor in the subject a header.
     */
    @ParameterizedTest
    @EnumSource(MailKind.class)
    void namesAndTitlesWithLineBreaksStayOnOneLine(MailKind kind) {
        var facts = new BookingFacts(
                BookingId.of("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
                "clara@example.org",
                "Clara\nYour account is closed: https://evil.example",
                "event-1",
                "Liederabend\r\nBcc: everyone@example.org",
                STARTS,
                SeatLayout.grid(3, 10),
                "venue-1",
                "Gewandhaus\u2028Pay here: https://evil.example",
                "Leipzig\n\n",
                List.of(12),
                Locale.ENGLISH);

        var written = writer.write(kind, facts, kind == MailKind.EVENT_RESCHEDULED ? RESCHEDULED : CANCELLED);

        var subject = writer.subject(kind, facts);
        assertThat(subject).doesNotContain("\r", "\n");
        if (kind != MailKind.EMAIL_VERIFICATION && kind != MailKind.PASSWORD_RESET) {
            assertThat(subject).as("the event's title, on one line").contains("Liederabend Bcc:");
        }
        assertThat(written.text().lines())
                .noneMatch(line -> line.startsWith("Your account") || line.startsWith("Bcc:") || line.startsWith("Pay"))
                .anyMatch(line -> line.contains("Clara Your account is closed: https://evil.example"));
        assertThat(written.text()).doesNotContain("\u2028", "\r");
    }

    @Test
    void aStartAsLateAsMillisecondsGoIsWritten() {
        var far = new BookingFacts(
                BookingId.of("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
                "clara@example.org",
                "Clara",
                "event-1",
                "Liederabend",
                MailTimes.NEVER,
                SeatLayout.grid(3, 10),
                "venue-1",
                "Gewandhaus",
                "Leipzig",
                List.of(12),
                Locale.GERMAN);

        assertThat(writer.write(MailKind.BOOKING_CONFIRMATION, far).text()).contains("292278994");
    }

    private static BookingFacts facts(Locale locale) {
        return new BookingFacts(
                BookingId.of("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
                "clara@example.org",
                "Clara",
                "event-1",
                "Liederabend",
                STARTS,
                SeatLayout.grid(3, 10),
                "venue-1",
                "Gewandhaus",
                "Leipzig",
                List.of(12),
                locale);
    }

    /** The bundles as Spring Boot reads them ({@code spring.messages} in application.yml). */
    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static SeatwiseProperties properties() {
        return new SeatwiseProperties(
                Path.of("data"),
                new SeatwiseProperties.Admin(null, null),
                false,
                null,
                Duration.ofHours(12),
                ZoneId.of("Europe/Berlin"),
                Currency.getInstance("EUR"),
                URI.create("https://tickets.example.org"));
    }
}
