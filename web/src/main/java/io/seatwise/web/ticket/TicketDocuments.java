package io.seatwise.web.ticket;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.context.MessageSource;

/**
 * A booking's tickets as files: a PDF with one ticket per page (OpenPDF), each with the event, venue, time, seat,
 * reference, holder and its QR code, and an iCalendar entry for the event (ical4j) whose UID stays the same for the
 * booking, so that importing it again updates the entry instead of adding one. Texts come from
 * {@code messages.properties} in the language asked for; times are shown in {@code seatwise.zone}.
 */
public class TicketDocuments {

    public static final String PDF = "application/pdf";

    public static final String CALENDAR = "text/calendar";

    private final MessageSource messages;
    private final ZoneId zone;
    private final Duration eventDuration;

    /**
     * @param eventDuration how long the calendar entry lasts: as long as an event counts as running for the mails
     *     ({@code seatwise.mail.event-duration}), as events have no end of their own
     */
    public TicketDocuments(MessageSource messages, ZoneId zone, Duration eventDuration) {
        this.messages = messages;
        this.zone = zone;
        this.eventDuration = eventDuration;
    }

    /** The PDF's file name, such as {@code tickets-K7P-3QX-9M2.pdf}. */
    public static String pdfName(TicketSheet sheet) {
        return "tickets-" + sheet.reference() + ".pdf";
    }

    /** The calendar entry's file name, such as {@code K7P-3QX-9M2.ics}. */
    public static String calendarName(TicketSheet sheet) {
        return sheet.reference() + ".ics";
    }

    /** One A6 page per ticket. */
    public byte[] pdf(TicketSheet sheet, Locale locale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A6, 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text("ticket.pdf.title", locale, sheet.eventTitle()));
            document.addCreator("Seatwise");
            document.open();
            var title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
            var plain = FontFactory.getFont(FontFactory.HELVETICA, 9);
            var strong = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
            var when = when(locale).format(sheet.startsAt().atZone(zone));
            boolean first = true;
            for (var ticket : sheet.tickets()) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                document.add(new Paragraph(sheet.eventTitle(), title));
                document.add(new Paragraph(sheet.venueName() + ", " + sheet.venueCity(), plain));
                document.add(new Paragraph(when, plain));
                document.add(new Paragraph(" ", plain));
                document.add(new Paragraph(ticket.label(), strong));
                document.add(line("ticket.reference", sheet.reference(), plain, locale));
                document.add(line("ticket.holder", sheet.holder(), plain, locale));
                var qr = qrCode(ticket.code());
                qr.scaleToFit(180, 180);
                qr.setAlignment(Element.ALIGN_CENTER);
                document.add(qr);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the tickets of booking " + sheet.bookingId(), e);
        }
        return out.toByteArray();
    }

    /** The ticket's code as raw one-bit pixels: nothing to encode as PNG here and decode again in the PDF library. */
    private static Image qrCode(String code) throws BadElementException {
        var pixels = QrCodes.pixels(code);
        return Image.getInstance(pixels.getWidth(), pixels.getHeight(), 1, 1, QrCodes.whiteBits(pixels));
    }

    private Paragraph line(String key, String value, Font font, Locale locale) {
        return new Paragraph(text(key, locale) + ": " + value, font);
    }

    /** A VCALENDAR with one VEVENT: the event's start, {@code eventDuration}, title, venue, reference and seats. */
    public String calendar(TicketSheet sheet, Locale locale) {
        var seats = sheet.tickets().stream().map(TicketSheet.Ticket::label).collect(Collectors.joining("; "));
        var event = new VEvent(sheet.startsAt(), eventDuration, sheet.eventTitle())
                .withProperty(new Uid("booking-" + sheet.bookingId() + "@seatwise"))
                .withProperty(new Location(sheet.venueName() + ", " + sheet.venueCity()))
                .withProperty(new Description(text("ticket.calendar.description", locale, sheet.reference(), seats)))
                .getFluentTarget();
        var calendar = new Calendar()
                .withProdId("-//Seatwise//Tickets//EN")
                .withDefaults()
                .withComponent((VEvent) event)
                .getFluentTarget();
        var out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private DateTimeFormatter when(Locale locale) {
        return DateTimeFormatter.ofPattern(text("ticket.when.pattern", locale), locale);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
