package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookingId;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Without an SMTP server (the default) mail is kept, and admins read it at /admin/mail as in a mail catcher. */
class MailCatcherTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Mailbox mailbox;

    private Booker booker;
    private String bookingId;
    private BrowserSession admin;

    @BeforeEach
    void bookedSeats() {
        var adminToken = adminToken();
        var venue = api.createVenue(adminToken, "Assembly Rooms", 2, 5);
        var event = api.scheduleEvent(adminToken, venue, "Cabaret <i>Noir</i>", inDays(5));
        booker = Booker.register(api, "Kit");
        bookingId = booker.book(event, 3);
        eventually(() -> "SENT".equals(status("booking-confirmation:" + bookingId)));
        admin = new BrowserSession(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void adminSeesCaughtMailNewestFirst() {
        var page = admin.get("/admin/mail");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-mail-mode=\"catcher\"")
                .contains("data-mail=\"booking-confirmation:" + bookingId + "\" data-status=\"SENT\"")
                .contains(booker.email())
                .contains("Your seats for Cabaret &lt;i&gt;Noir&lt;/i&gt;");
    }

    @Test
    void userIsForbiddenTheMailPages() {
        var user = new BrowserSession(port);
        user.signIn(booker.email(), "correct-horse-battery");

        assertThat(user.get("/admin/mail").status()).isEqualTo(403);
        assertThat(user.get("/admin/mail/booking-confirmation:" + bookingId + "/html")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void adminReadsTheMailAsTextAndAsSandboxedHtml() {
        var key = "booking-confirmation:" + bookingId;

        var page = admin.get("/admin/mail/" + key);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body())
                .contains("<iframe sandbox=\"\"")
                .contains("src=\"/admin/mail/" + key + "/html\"")
                .contains("Event: Cabaret &lt;i&gt;Noir&lt;/i&gt;");

        var html = admin.get("/admin/mail/" + key + "/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Security-Policy"))
                .startsWith("sandbox;")
                .contains("default-src 'none'");
        assertThat(html.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(html.body()).contains("Cabaret &lt;i&gt;Noir&lt;/i&gt;").doesNotContain("<i>Noir");
    }

    /** A mail that waits in the outbox: a prompt the release before queued at booking, or a mail to be retried. */
    @Test
    void adminPreviewsAMailThatIsNotDueYet() {
        var key = "review-prompt:" + bookingId;
        mailbox.post(
                MailKind.REVIEW_PROMPT, BookingId.of(bookingId), Instant.now().plus(Duration.ofDays(1)));
        assertThat(admin.get("/admin/mail").body()).contains("data-mail=\"" + key + "\" data-status=\"PENDING\"");

        var page = admin.get("/admin/mail/" + key);

        assertThat(page.body())
                .contains("data-preview")
                .contains("Thanks for booking Cabaret &lt;i&gt;Noir&lt;/i&gt;.")
                .contains(booker.email());
        assertThat(admin.get("/admin/mail/" + key + "/html").body()).contains("Review Assembly Rooms");
        assertThat(status(key)).isEqualTo("PENDING");
    }

    @Test
    void adminResendsAMail() {
        var key = "booking-confirmation:" + bookingId;
        var sentAt = sentAt(key);
        admin.get("/admin/mail");

        var resent = admin.post("/admin/mail/" + key + "/resend", Map.of());

        assertThat(resent.status()).isEqualTo(302);
        assertThat(resent.location()).endsWith("/admin/mail");
        eventually(() -> "SENT".equals(status(key)) && sentAt(key) > sentAt);
        assertThat(admin.get("/admin/mail").body()).contains("The mail will be sent again in a moment.");
    }

    @Test
    void unknownMailIsNotFound() {
        assertThat(admin.get("/admin/mail/booking-confirmation:no-such-booking").status())
                .isEqualTo(404);
    }

    @Test
    void dashboardLinksToTheMail() {
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/mail\"");
    }

    private String status(String key) {
        return jdbc.queryForList("SELECT status FROM mail_outbox WHERE mail_key = ?", String.class, key).stream()
                .findFirst()
                .orElse(null);
    }

    private long sentAt(String key) {
        Long sentAt = jdbc.queryForObject("SELECT sent_at FROM mail_outbox WHERE mail_key = ?", Long.class, key);
        return sentAt == null ? 0 : sentAt;
    }
}
