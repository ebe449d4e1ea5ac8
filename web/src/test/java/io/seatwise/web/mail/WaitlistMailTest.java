package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.FutureDates;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A waitlist offer over real SMTP (GreenMail): mailed once, in the recipient's language, with the held seats, until
 * when, and a link to the page that accepts it; accepting then mails the booking's confirmation as any booking.
 */
class WaitlistMailTest extends ApplicationTest {

    static final SmtpServer smtp = SmtpServer.onFreePort().start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SmtpServer.HOST);
        registry.add("spring.mail.port", smtp::port);
        registry.add("seatwise.public-url", () -> "https://tickets.example.org");
        registry.add("seatwise.mail.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void anOfferIsMailedOnceWithItsSeatsAndTheLinkThatAcceptsIt() throws Exception {
        var admin = adminToken();
        var event = api.scheduleEvent(
                admin, api.createVenue(admin, "Corn Exchange", 1, 4), "Cello Night", FutureDates.at("06-05T19:30:00Z"));
        var holder = Booker.register(api, "Holder");
        var booking = holder.book(event, 1, 2, 3, 4);
        var ann = Booker.register(api, "Ann");
        var entry = api.post("/api/events/" + event + "/waitlist", Map.of("count", 2), ann.token());
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);

        assertThat(api.delete("/api/bookings/" + booking, holder.token()).status())
                .isEqualTo(204);

        var offer = arrived(ann.email(), "Seats for Cello Night are held for you");
        var text = MailDeliveryTest.part(offer, "text/plain");
        assertThat(text)
                .contains("Hi Ann,")
                .contains("we are holding them for you until")
                .contains("Main, Row A, Seat 2 (no. 2); Main, Row A, Seat 3 (no. 3)")
                .contains("Corn Exchange, Testville")
                .contains("https://tickets.example.org/me/waitlist");
        assertThat(MailDeliveryTest.part(offer, "text/html")).contains("https://tickets.example.org/me/waitlist");

        var accepted = api.post("/api/waitlist/" + entry.json().get("id").asText() + "/accept", Map.of(), ann.token());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        arrived(ann.email(), "Your seats for Cello Night");
        assertThat(smtp.to(ann.email(), "Seats for Cello Night are held for you"))
                .hasSize(1);
    }

    @Test
    void aGermanAccountIsOfferedSeatsInGerman() throws Exception {
        var admin = adminToken();
        var event = api.scheduleEvent(
                admin, api.createVenue(admin, "Tonhalle", 1, 4), "Bratschenabend", FutureDates.at("06-06T19:30:00Z"));
        var holder = Booker.register(api, "Holder");
        var booking = holder.book(event, 1, 2, 3, 4);
        var email = "greta-" + System.nanoTime() + "@example.com";
        var registered = api.post(
                "/api/users",
                Map.of("email", email, "password", ApiClient.USER_PASSWORD, "displayName", "Greta", "language", "de"));
        assertThat(registered.status()).isEqualTo(201);
        var greta = api.token(email, ApiClient.USER_PASSWORD);
        api.post("/api/events/" + event + "/waitlist", Map.of("count", 3), greta);

        api.delete("/api/bookings/" + booking, holder.token());

        var offer = arrived(email, "Plätze für Bratschenabend sind für Sie reserviert");
        assertThat(MailDeliveryTest.part(offer, "text/plain"))
                .contains("wir halten sie bis")
                .contains("Reihe A, Platz 1")
                .contains("Plätze buchen");
        assertThat(List.of(email)).isNotEmpty();
    }

    private static MimeMessage arrived(String recipient, String subject) {
        eventually(Duration.ofSeconds(10), () -> !smtp.to(recipient, subject).isEmpty());
        return smtp.to(recipient, subject).get(0);
    }
}
