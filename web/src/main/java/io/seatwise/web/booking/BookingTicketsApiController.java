package io.seatwise.web.booking;

import io.seatwise.api.booking.BookingStatus;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.ticket.TicketDocuments;
import io.seatwise.web.ticket.TicketSheet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A booking with its tickets, and the tickets as a PDF and a calendar entry. */
@RestController
@RequestMapping("/api/bookings")
@Tag(name = "Bookings")
class BookingTicketsApiController {

    private final BookingTickets bookings;
    private final TicketDocuments documents;

    BookingTicketsApiController(BookingTickets bookings, TicketDocuments documents) {
        this.bookings = bookings;
        this.documents = documents;
    }

    /**
     * A booking: its reference, status, seats, what it cost when it was made, and one ticket per seat with its label
     * and signed code (what its QR code holds). A cancelled booking lists no tickets.
     */
    record BookingWithTickets(
            String bookingId,
            String reference,
            String eventId,
            BookingStatus status,
            List<Integer> seats,
            long totalCents,
            List<TicketSheet.Ticket> tickets) {

        static BookingWithTickets of(BookingTickets.Details booking) {
            return new BookingWithTickets(
                    booking.bookingId().value(),
                    booking.reference().toString(),
                    booking.event().id().value(),
                    booking.status(),
                    booking.seats(),
                    booking.totalCents(),
                    booking.tickets());
        }
    }

    @GetMapping("/{bookingId}")
    @Operation(
            operationId = "getBooking",
            summary = "One booking with its tickets",
            description = "For the booker and for admins. Each ticket's code is signed by the server (Ed25519) and "
                    + "names the event, the booking and the seat; a cancelled booking lists no tickets. Like every "
                    + "read, a booking shows here within a second of being made.")
    @ApiResponse(responseCode = "200", description = "The booking", useReturnTypeSchema = true)
    @ApiRefusal(status = 403, when = "The booking is someone else's.", examples = "not-your-booking")
    @ApiRefusal(status = 404, when = "No such booking.", examples = "booking-not-found")
    BookingWithTickets booking(@PathVariable String bookingId, Authentication authentication) {
        return BookingWithTickets.of(bookings.forOwnerOrAdmin(bookingId, authentication));
    }

    @GetMapping("/{bookingId}/tickets.pdf")
    @Operation(operationId = "getTicketsPdf", summary = "Your booking's tickets as a PDF, one ticket per page")
    @ApiResponse(
            responseCode = "200",
            description = "Each page one seat's ticket: event, venue, time, seat, reference, holder and QR code",
            content = @Content(mediaType = TicketDocuments.PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiRefusal(status = 403, when = "The booking is someone else's.", examples = "not-your-booking")
    @ApiRefusal(status = 404, when = "No such booking.", examples = "booking-not-found")
    @ApiRefusal(
            status = 409,
            when = "The booking is cancelled: its tickets are no longer valid.",
            examples = "already-cancelled")
    ResponseEntity<byte[]> pdf(@PathVariable String bookingId, Authentication authentication, Locale locale) {
        var sheet = bookings.sheet(bookings.forOwner(bookingId, authentication));
        return file(documents.pdf(sheet, locale), TicketDocuments.PDF, TicketDocuments.pdfName(sheet));
    }

    @GetMapping("/{bookingId}/calendar.ics")
    @Operation(operationId = "getBookingCalendar", summary = "Your booking's event as an iCalendar entry")
    @ApiResponse(
            responseCode = "200",
            description = "A VCALENDAR with one VEVENT, the same UID each time for the booking",
            content = @Content(mediaType = TicketDocuments.CALENDAR, schema = @Schema(type = "string")))
    @ApiRefusal(status = 403, when = "The booking is someone else's.", examples = "not-your-booking")
    @ApiRefusal(status = 404, when = "No such booking.", examples = "booking-not-found")
    @ApiRefusal(
            status = 409,
            when = "The booking is cancelled: its tickets are no longer valid.",
            examples = "already-cancelled")
    ResponseEntity<byte[]> calendar(@PathVariable String bookingId, Authentication authentication, Locale locale) {
        var sheet = bookings.sheet(bookings.forOwner(bookingId, authentication));
        return file(
                documents.calendar(sheet, locale).getBytes(StandardCharsets.UTF_8),
                TicketDocuments.CALENDAR + "; charset=UTF-8",
                TicketDocuments.calendarName(sheet));
    }

    private static ResponseEntity<byte[]> file(byte[] content, String contentType, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }
}
