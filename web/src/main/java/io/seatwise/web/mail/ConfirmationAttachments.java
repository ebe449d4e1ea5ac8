package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ticket.TicketCodes;
import io.seatwise.web.ticket.TicketDocuments;
import io.seatwise.web.ticket.TicketSheet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The tickets that a booking confirmation carries: the PDF and the calendar entry, made by the sender from the mail
 * directory's facts when the mail goes out (never in the transaction of the projection that put it in the outbox), and
 * made again the same way if it is sent again. They are in the recipient's language, as the mail is.
 */
@Component
class ConfirmationAttachments {

    /** A file attached to a mail. */
    record Attachment(String fileName, String contentType, byte[] content) {}

    private final TicketCodes codes;
    private final TicketDocuments documents;

    ConfirmationAttachments(TicketCodes codes, TicketDocuments documents) {
        this.codes = codes;
        this.documents = documents;
    }

    /** The tickets of a confirmation; no attachments for mails of other kinds. */
    List<Attachment> of(MailKind kind, BookingFacts facts) {
        if (kind != MailKind.BOOKING_CONFIRMATION) {
            return List.of();
        }
        var sheet = sheet(facts);
        return List.of(
                new Attachment(
                        TicketDocuments.pdfName(sheet), TicketDocuments.PDF, documents.pdf(sheet, facts.locale())),
                new Attachment(
                        TicketDocuments.calendarName(sheet),
                        TicketDocuments.CALENDAR,
                        documents.calendar(sheet, facts.locale()).getBytes(StandardCharsets.UTF_8)));
    }

    private TicketSheet sheet(BookingFacts facts) {
        var layout = facts.layout();
        var eventId = EventId.of(facts.eventId());
        return new TicketSheet(
                facts.bookingId().value(),
                BookingReference.of(facts.bookingId()).toString(),
                facts.name(),
                facts.title(),
                facts.venueName(),
                facts.city(),
                facts.startsAt(),
                facts.seats().stream()
                        .map(seat -> new TicketSheet.Ticket(
                                seat, layout.label(seat), codes.code(eventId, facts.bookingId(), seat)))
                        .toList());
    }
}
