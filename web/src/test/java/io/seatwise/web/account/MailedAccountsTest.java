package io.seatwise.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.mail.SmtpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with verified addresses required, as by default, delivering its mail to a real SMTP server
 * (GreenMail): the links that tests follow come from the mails as people get them. The server, and so the
 * application, is shared by the classes that extend this one; each test looks only at its own people's mail.
 * {@link io.seatwise.web.ApiClient#register} verifies each account it opens through its mailed link.
 */
@TestPropertySource(properties = "seatwise.accounts.verify-email=true")
abstract class MailedAccountsTest extends ApplicationTest {

    static final String PUBLIC_URL = "https://tickets.example.org";
    static final Pattern VERIFY_LINK =
            Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/verify-email\\?token=([A-Za-z0-9_-]{20,}))");
    static final Pattern RESET_LINK =
            Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/password-reset\\?token=([A-Za-z0-9_-]{20,}))");

    /** Never stopped: the classes that share it may run in any order; the test JVM ends it. */
    static final SmtpServer smtp = SmtpServer.onFreePort().start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SmtpServer.HOST);
        registry.add("spring.mail.port", smtp::port);
        registry.add("seatwise.public-url", () -> PUBLIC_URL);
        registry.add("seatwise.mail.poll-interval", () -> "100ms");
        registry.add("seatwise.mail.first-retry-delay", () -> "200ms");
    }

    @Override
    protected String mailedVerificationToken(String email) {
        return mailedLink(email, VERIFY_LINK).token();
    }

    /** A link of a mail: its path (with the token) and its token. */
    record Link(String path, String token, MimeMessage mail) {}

    /** The newest mail to the address that carries such a link, waited for as long as a busy machine may take. */
    static Link mailedLink(String email, Pattern link) {
        eventually(java.time.Duration.ofSeconds(30), () -> find(email, link) != null);
        return find(email, link);
    }

    private static Link find(String email, Pattern link) {
        Link found = null;
        for (var mail : mailsTo(email)) {
            var matcher = link.matcher(text(mail));
            if (matcher.find()) {
                found = new Link(matcher.group(1), matcher.group(2), mail);
            }
        }
        return found;
    }

    static List<MimeMessage> mailsTo(String email) {
        return smtp.received().stream()
                .filter(mail -> {
                    try {
                        var to = mail.getRecipients(Message.RecipientType.TO);
                        return to != null
                                && Arrays.stream(to)
                                        .anyMatch(address -> address.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The plain text of a mail. */
    static String text(MimeMessage mail) {
        try {
            return java.util.Objects.requireNonNullElse(part(mail.getContent(), "text/plain"), "");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML of a mail. */
    static String html(MimeMessage mail) {
        try {
            return java.util.Objects.requireNonNullElse(part(mail.getContent(), "text/html"), "");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object content, String type) throws IOException, jakarta.mail.MessagingException {
        if (content instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof MimeMultipart nested) {
                    var found = part(nested, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        assertThat(content).isInstanceOf(String.class);
        return (String) content;
    }

    /** An address no other test uses. */
    static String uniqueEmail(String name) {
        return name.toLowerCase() + "-" + System.nanoTime() + "@example.com";
    }
}
