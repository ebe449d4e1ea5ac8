package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingReference;
import io.seatwise.web.SeatwiseProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes mails from the Thymeleaf templates in {@code templates/mail}: an HTML and a plain text version of each, with
 * their texts from {@code messages.properties} in the recipient's language ({@link BookingFacts#locale()}, the
 * account's language: there is no request to take one from), dates too ({@code mail.date-pattern}). Names and titles come from users and admins, so the HTML templates
 * only ever insert them escaped ({@code th:text}). Links are absolute, starting with {@code seatwise.public-url}.
 */
@Component
class MailWriter {

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final MessageSource messages;
    private final SeatwiseProperties properties;

    MailWriter(MessageSource messages, SeatwiseProperties properties) {
        this.messages = messages;
        this.properties = properties;
        templates.setTemplateEngineMessageSource(messages);
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html"));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt"));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        return resolver;
    }

    /** A mail's two bodies: HTML, and plain text for mail programs that show no HTML. */
    record Written(String html, String text) {

        private static final Pattern TOKEN = Pattern.compile("(token=)[A-Za-z0-9_-]{16,}");

        /** The same mail with the tokens of its links taken out, to be kept once it has gone out. */
        Written withoutTokens() {
            return new Written(
                    TOKEN.matcher(html).replaceAll("$1removed"),
                    TOKEN.matcher(text).replaceAll("$1removed"));
        }
    }

    /** The subject of an account's own mail, in its language. */
    String subject(MailKind kind, Locale locale) {
        return oneLine(messages.getMessage("mail." + kind.slug + ".subject", null, locale));
    }

    /** An account's own mail: a greeting by {@code name} and the {@code link} to follow, in its language. */
    Written write(MailKind kind, String name, Locale locale, String link) {
        var variables = new HashMap<String, Object>();
        variables.put("subject", subject(kind, locale));
        variables.put("name", name);
        variables.put("link", link);
        variables.put("footer", messages.getMessage("mail.account.footer", null, locale));
        var context = new Context(locale, variables);
        return new Written(
                templates.process(kind.slug + ".html", context), templates.process(kind.slug + ".txt", context));
    }

    /** An absolute link to a page of Seatwise: {@code path} after {@code seatwise.public-url}. */
    String link(String path) {
        var base = properties.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The subject line, which the outbox lists before the mail is written. */
    String subject(MailKind kind, BookingFacts facts) {
        return oneLine(
                messages.getMessage("mail." + kind.slug + ".subject", new Object[] {facts.title()}, facts.locale()));
    }

    /** Takes a millisecond or so: done by the sender, never inside a transaction that holds the write lock. */
    Written write(MailKind kind, BookingFacts facts) {
        return write(kind, facts, null);
    }

    /** The offer of seats held for a waitlist entry until {@code heldUntil}. */
    Written writeOffer(BookingFacts facts, Instant heldUntil) {
        return write(MailKind.WAITLIST_OFFER, facts, null, when(heldUntil, facts));
    }

    /** A mail with the {@link Notice} of an event's reschedule or cancellation, when it has one. */
    Written write(MailKind kind, BookingFacts facts, Notice notice) {
        return write(kind, facts, notice, null);
    }

    private Written write(MailKind kind, BookingFacts facts, Notice notice, String heldUntil) {
        var variables = new HashMap<String, Object>();
        variables.put("heldUntil", heldUntil);
        if (notice != null) {
            variables.put(
                    "previousWhen", notice.previousStartsAt() == null ? "" : when(notice.previousStartsAt(), facts));
            variables.put("reason", notice.reason());
        }
        variables.put("subject", subject(kind, facts));
        // names and titles are one line where they are written in the text: a line break in a name stored before
        // names were checked must not start a line of the mail's own
        variables.put("name", oneLine(facts.name()));
        variables.put("title", oneLine(facts.title()));
        var startsAt = notice != null && notice.startsAt() != null ? notice.startsAt() : facts.startsAt();
        variables.put("when", when(startsAt, facts));
        variables.put("venue", oneLine(facts.venueName()));
        variables.put("city", oneLine(facts.city()));
        variables.put("seats", seats(facts));
        variables.put("reference", BookingReference.of(facts.bookingId()).toString());
        variables.put("eventUrl", link("/events/" + facts.eventId()));
        variables.put("venueUrl", link("/venues/" + facts.venueId()));
        variables.put("bookingsUrl", link("/me/bookings"));
        variables.put("waitlistUrl", link("/me/waitlist"));
        var context = new Context(facts.locale(), variables);
        return new Written(
                templates.process(kind.slug + ".html", context), templates.process(kind.slug + ".txt", context));
    }

    /** Seat 12 of a grid in rows of ten reads "Main, Row B, Seat 2 (no. 12)": its label as on the seat map. */
    private String seats(BookingFacts facts) {
        var layout = facts.layout();
        return facts.seats().stream()
                .map(layout::place)
                .map(place -> messages.getMessage(
                        "mail.seat",
                        new Object[] {
                            place.section(), place.row(), String.valueOf(place.number()), String.valueOf(place.seat())
                        },
                        facts.locale()))
                .collect(Collectors.joining("; "));
    }

    /** The start as people of the recipient's language write it, in the site's time zone. */
    private String when(Instant instant, BookingFacts facts) {
        var pattern = messages.getMessage("mail.date-pattern", null, facts.locale());
        return DateTimeFormatter.ofPattern(pattern, facts.locale()).format(instant.atZone(properties.zone()));
    }

    /**
     * A subject is one header line, and a name one line of the text: a title with a line break in it must not start
     * another header, nor a name a line that seems to be the mail's own. Control characters and line and paragraph
     * separators become one space.
     */
    static String oneLine(String text) {
        return text == null
                ? ""
                : text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
    }
}
