package io.seatwise.web.booking;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doReturn;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Booking references (issue 15): shown with every booking, unique, and an admin finds a booking by one. */
class BookingReferenceApiTest extends ApplicationTest {

    @MockitoSpyBean
    BookingIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBookingIsAnsweredAndListedWithItsReference() {
        var event = eventOnSale("Reference Hall", 2, 5, "Reference night", 7);
        var ann = api.newUserToken("Ann");

        var booked = api.book(ann, event, List.of(3, 4));

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var bookingId = booked.json().path("bookingId").asText();
        var reference = booked.json().path("reference").asText();
        assertThat(reference)
                .matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}")
                .isEqualTo(BookingReference.of(BookingId.of(bookingId)).toString());
        eventually(() -> api.get("/api/me/bookings", ann).body().contains(reference));
    }

    @Test
    void anAdminFindsABookingByItsReferenceTypedAnyWay() {
        var event = eventOnSale("Box Office Hall", 2, 5, "Box office night", 7);
        var ann = api.newUserToken("Ann Box");
        var booked = api.book(ann, event, List.of(6, 7)).json();
        var reference = booked.path("reference").asText();
        var typed = reference.replace("-", "").toLowerCase(Locale.ROOT);

        eventually(() -> api.get("/api/admin/bookings/" + typed, adminToken())
                        .json()
                        .path("seats")
                        .size()
                == 2);
        var found = api.get("/api/admin/bookings/" + typed, adminToken()).json();

        assertThat(found.path("bookingId").asText())
                .isEqualTo(booked.path("bookingId").asText());
        assertThat(found.path("reference").asText()).isEqualTo(reference);
        assertThat(found.path("eventTitle").asText()).isEqualTo("Box office night");
        assertThat(found.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(found.path("seatLabels").toString()).isEqualTo("[\"Main, Row B, Seat 1\",\"Main, Row B, Seat 2\"]");
        assertThat(found.path("bookerName").asText()).isEqualTo("Ann Box");

        var admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/bookings\"");
        assertThat(admin.get("/admin/bookings?reference=" + typed).body())
                .contains("data-booking=\"" + booked.path("bookingId").asText() + "\"", reference, "Box office night")
                .contains("Main, Row B, Seat 1; Main, Row B, Seat 2");
        assertThat(admin.get("/admin/bookings?lang=de&reference=K7P-3QX").body())
                .contains("Eine Buchungsnummer hat neun Buchstaben und Ziffern");
        assertThat(api.get("/me/bookings").status()).isNotEqualTo(500);
    }

    @Test
    void aReferenceThatIsNoneOrUnknownIsRefusedAndOnlyAdminsMayLook() {
        assertProblem(api.get("/api/admin/bookings/K7P-3QX", adminToken()), 400, "nine letters and digits");
        assertProblem(api.get("/api/admin/bookings/K7P-3QX-9M2", adminToken()), 404, "K7P-3QX-9M2");
        assertProblem(api.get("/api/admin/bookings/K7P-3QX-9M2", api.newUserToken("Nosy")), 403);
        assertProblem(api.get("/api/admin/bookings/K7P-3QX-9M2"), 401);
    }

    @Test
    void aNewBookingWhoseReferenceIsTakenIsMadeAgainUnderAnotherId() {
        var event = eventOnSale("Clash Hall", 2, 5, "Clash night", 7);
        var clashing = BookingId.next();
        // an older booking that happens to have the reference the next booking's id gives
        jdbc.update(
                "INSERT INTO ledger_bookings (booking_id, event_id, account_id, status, reference)"
                        + " VALUES ('older-booking', ?, 'someone', 'CONFIRMED', ?)",
                event,
                BookingReference.of(clashing).value());
        doReturn(clashing).doCallRealMethod().when(ids).next();

        var booked = api.book(api.newUserToken("Cleo"), event, List.of(1));

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().path("bookingId").asText()).isNotEqualTo(clashing.value());
        assertThat(booked.json().path("reference").asText())
                .isNotEqualTo(BookingReference.of(clashing).toString());
        eventually(() -> api.seatMapShows(event, List.of(1)));
        doCallRealMethod().when(ids).next();
    }
}
