package io.seatwise.web.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.ticket.TicketCodes;
import io.seatwise.web.ticket.TicketCodes.TicketCode;
import io.seatwise.web.ticket.TicketFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The booking's page: its reference and one QR code per seat, which holds that seat's signed ticket code. */
class BookingTicketsPageTest extends ApplicationTest {

    private static final Pattern QR = Pattern.compile("src=\"(data:image/png;base64,[^\"]+)\"");

    @Autowired
    TicketCodes codes;

    @Test
    void theBookingsPageShowsItsReferenceAndOneQrCodePerSeatRightAfterBookingAndLater() throws Exception {
        var admin = adminToken();
        var event = api.scheduleEvent(admin, api.createVenue(admin, "QR Hall", 2, 6), "QR Night", inDays(12));
        var email = "pia-" + System.nanoTime() + "@example.com";
        api.register(email, ApiClient.USER_PASSWORD, "Pia");
        var browser = BrowserSession.signedIn(api, email, ApiClient.USER_PASSWORD);
        browser.get("/events/" + event);

        var booked = browser.post("/events/" + event + "/book", Map.of("seats", List.of("2", "3", "4")));

        assertThat(booked.status()).isEqualTo(302);
        var path = browser.path(booked.location());
        assertThat(path).startsWith("/bookings/");
        var bookingId = path.substring("/bookings/".length());
        var justBooked = browser.get(path);
        assertThat(justBooked.status()).isEqualTo(200);
        showsTheTickets(justBooked.body(), event, bookingId, List.of(2, 3, 4));

        eventually(() -> browser.get(path).body().contains("data-ticket"));
        var later = browser.get(path);
        assertThat(later.status()).isEqualTo(200);
        showsTheTickets(later.body(), event, bookingId, List.of(2, 3, 4));
        assertThat(later.body())
                .contains("/api/bookings/" + bookingId + "/tickets.pdf")
                .contains("/api/bookings/" + bookingId + "/calendar.ics");

        var adminBrowser = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(adminBrowser.get(path).status()).isEqualTo(200);
        var other = BrowserSession.signedInUser(api, "Quentin");
        assertThat(other.get(path).status()).isEqualTo(404);
        eventually(() -> browser.get("/me/bookings").body().contains("href=\"/bookings/" + bookingId + "\""));
    }

    private void showsTheTickets(String html, String event, String bookingId, List<Integer> seats) throws Exception {
        assertThat(html).contains(BookingReference.of(BookingId.of(bookingId)).toString());
        assertThat(html.split("data-ticket=\"", -1)).hasSize(seats.size() + 1);
        var read = new ArrayList<TicketCode>();
        var images = QR.matcher(html);
        while (images.find()) {
            read.add(codes.read(TicketFiles.decodeDataUrl(images.group(1))).orElseThrow());
        }
        assertThat(read)
                .containsExactlyElementsOf(seats.stream()
                        .map(seat -> new TicketCode(EventId.of(event), BookingId.of(bookingId), seat))
                        .toList());
        for (var seat : seats) {
            assertThat(html).contains("Main, Row A, Seat " + seat);
        }
    }
}
