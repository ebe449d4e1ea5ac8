package io.seatwise.web.booking;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.FutureDates;
import io.seatwise.web.ticket.TicketCodes;
import io.seatwise.web.ticket.TicketCodes.TicketCode;
import io.seatwise.web.ticket.TicketFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A booking with its tickets through the API: who may read it, what it holds, and its tickets as a PDF (read back with
 * PDFBox, its QR codes decoded with ZXing) and as a calendar entry (parsed back with ical4j).
 */
class BookingTicketsApiTest extends ApplicationTest {

    private static final Instant STARTS = FutureDates.at("05-04T18:30:00Z");

    @Autowired
    TicketCodes codes;

    private static String event;
    private static String owner;
    private static String bookingId;

    @BeforeEach
    void booking() {
        if (event != null) {
            return;
        }
        var admin = adminToken();
        event = api.scheduleEvent(admin, api.createVenue(admin, "Ticket Hall", 2, 5), "Night of <Tickets>", STARTS);
        owner = api.newUserToken("Tess Holder");
        var booked = api.book(owner, event, List.of(4, 3));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        bookingId = booked.json().get("bookingId").asText();
        eventually(() -> api.get("/api/bookings/" + bookingId, owner).status() == 200);
    }

    @Test
    void theBookerReadsTheBookingWithOneSignedTicketPerSeat() {
        var response = api.get("/api/bookings/" + bookingId, owner);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var booking = response.json();
        assertThat(booking.get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(booking.get("reference").asText())
                .isEqualTo(BookingReference.of(BookingId.of(bookingId)).toString());
        assertThat(booking.get("eventId").asText()).isEqualTo(event);
        assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(ApiClient.ints(booking.get("seats"))).containsExactly(3, 4);
        assertThat(booking.get("totalCents").asLong()).isEqualTo(2 * 1250);
        var tickets = booking.get("tickets");
        assertThat(tickets).hasSize(2);
        for (int i = 0; i < 2; i++) {
            var ticket = tickets.get(i);
            var seat = 3 + i;
            assertThat(ticket.get("seat").asInt()).isEqualTo(seat);
            assertThat(ticket.get("label").asText()).isEqualTo("Main, Row A, Seat " + seat);
            assertThat(codes.read(ticket.get("code").asText()))
                    .contains(new TicketCode(EventId.of(event), BookingId.of(bookingId), seat));
        }
    }

    @Test
    void anAdminReadsAnyonesBooking() {
        var response = api.get("/api/bookings/" + bookingId, adminToken());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("tickets")).hasSize(2);
    }

    @Test
    void anotherUserIsRefusedAndAnAnonymousVisitorAskedToSignIn() {
        var other = api.newUserToken("Otto");

        assertProblem(api.get("/api/bookings/" + bookingId, other), 403, "not yours");
        assertThat(api.get("/api/bookings/" + bookingId).status()).isEqualTo(401);
        assertThat(api.get("/api/bookings/" + bookingId + "/tickets.pdf").status())
                .isEqualTo(401);
        assertThat(api.get("/api/bookings/" + bookingId + "/calendar.ics").status())
                .isEqualTo(401);
    }

    @Test
    void theFilesAreTheBookersOnly() {
        var other = api.newUserToken("Olga");

        assertProblem(api.get("/api/bookings/" + bookingId + "/tickets.pdf", other), 403, "not yours");
        assertProblem(api.get("/api/bookings/" + bookingId + "/calendar.ics", other), 403, "not yours");
        assertProblem(api.get("/api/bookings/" + bookingId + "/tickets.pdf", adminToken()), 403, "not yours");
    }

    @Test
    void unknownAndMalformedBookingsAreNotFound() {
        for (var id : List.of(UUID.randomUUID().toString(), "nope", "a".repeat(65))) {
            assertProblem(api.get("/api/bookings/" + id, owner), 404);
            assertProblem(api.get("/api/bookings/" + id + "/tickets.pdf", owner), 404);
            assertProblem(api.get("/api/bookings/" + id + "/calendar.ics", owner), 404);
        }
    }

    @Test
    void thePdfHasOnePagePerTicketWithItsLabelReferenceHolderAndQrCode() throws Exception {
        var response = bytes("/api/bookings/" + bookingId + "/tickets.pdf", owner);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains(".pdf");
        var pdf = response.body();
        var reference = BookingReference.of(BookingId.of(bookingId)).toString();
        var pages = TicketFiles.pagesText(pdf);
        assertThat(pages).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(pages.get(i))
                    .contains("Night of <Tickets>")
                    .contains("Ticket Hall, Testville")
                    .contains(String.valueOf(FutureDates.YEAR))
                    .contains("Main, Row A, Seat " + (3 + i))
                    .contains(reference)
                    .contains("Tess Holder");
        }
        var qrCodes = TicketFiles.qrCodesPerPage(pdf);
        var ticketCodes = new ArrayList<String>();
        api.get("/api/bookings/" + bookingId, owner)
                .json()
                .get("tickets")
                .forEach(ticket -> ticketCodes.add(ticket.get("code").asText()));
        assertThat(qrCodes).containsExactly(List.of(ticketCodes.get(0)), List.of(ticketCodes.get(1)));
        for (int i = 0; i < 2; i++) {
            assertThat(codes.read(qrCodes.get(i).get(0)))
                    .contains(new TicketCode(EventId.of(event), BookingId.of(bookingId), 3 + i));
        }
    }

    @Test
    void theCalendarEntryParsesBackWithTheEventsStartTitleVenueAndAStableUid() throws Exception {
        var response = bytes("/api/bookings/" + bookingId + "/calendar.ics", owner);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        var ics = new String(response.body(), StandardCharsets.UTF_8);
        var entry = TicketFiles.calendarEvent(ics);
        assertThat(TicketFiles.value(entry, "DTSTART")).isEqualTo(FutureDates.calendar(STARTS));
        assertThat(TicketFiles.value(entry, "DURATION")).isEqualTo("PT3H");
        assertThat(TicketFiles.value(entry, "SUMMARY")).isEqualTo("Night of <Tickets>");
        assertThat(TicketFiles.value(entry, "LOCATION")).isEqualTo("Ticket Hall, Testville");
        assertThat(TicketFiles.value(entry, "DESCRIPTION"))
                .contains(BookingReference.of(BookingId.of(bookingId)).toString())
                .contains("Main, Row A, Seat 3; Main, Row A, Seat 4");
        var again = TicketFiles.calendarEvent(new String(
                bytes("/api/bookings/" + bookingId + "/calendar.ics", owner).body(), StandardCharsets.UTF_8));
        assertThat(TicketFiles.value(entry, "UID"))
                .isEqualTo(TicketFiles.value(again, "UID"))
                .contains(bookingId);
    }

    @Test
    void aCancelledBookingListsNoTicketsAndHasNoFiles() {
        var booked = api.book(owner, event, List.of(9));
        var cancelled = booked.json().get("bookingId").asText();
        assertThat(api.delete("/api/bookings/" + cancelled, owner).status()).isEqualTo(204);

        eventually(() -> api.get("/api/bookings/" + cancelled, owner).status() == 200);
        var booking = api.get("/api/bookings/" + cancelled, owner).json();
        assertThat(booking.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(ApiClient.ints(booking.get("seats"))).containsExactly(9);
        assertThat(booking.get("tickets")).isEmpty();
        assertProblem(api.get("/api/bookings/" + cancelled + "/tickets.pdf", owner), 409, "cancelled");
        assertProblem(api.get("/api/bookings/" + cancelled + "/calendar.ics", owner), 409, "cancelled");
    }

    @Test
    void aCodeWithAnotherSeatUnderTheSameSignatureIsRefused() {
        JsonNode ticket = api.get("/api/bookings/" + bookingId, owner)
                .json()
                .get("tickets")
                .get(0);
        var parts = ticket.get("code").asText().substring(4).split("\\.");
        var payload = Base64.getUrlDecoder().decode(parts[0]);
        payload[35] = 5;
        var forged = "SW1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[1];

        assertThat(codes.read(forged)).isEmpty();
    }

    private HttpResponse<byte[]> bytes(String path, String token) {
        try {
            var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
