package io.seatwise.web.booking;

import static io.seatwise.web.security.WebSliceConfiguration.USER_ID;
import static io.seatwise.web.security.WebSliceConfiguration.user;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seatwise.api.AccountLimit;
import io.seatwise.api.CompanionWithoutWheelchair;
import io.seatwise.api.DomainException;
import io.seatwise.api.NoAdjacentBlock;
import io.seatwise.api.Refusal;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.TooLateToCancel;
import io.seatwise.api.TooManySeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.security.WebSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Booking and cancelling from the pages, with the seat map's answers stood in for: redirects and refusals. */
@WebSlice(BookingPageController.class)
class BookingPagesTest {

    private static final String EVENT = "folk-night";
    private static final Instant CUTOFF = Instant.parse("2030-05-01T18:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Bookings bookings;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    BookingTickets bookingTickets;

    @Test
    void bookingLeadsToItsConfirmation() throws Exception {
        var bookingId = BookingId.next();
        when(bookings.book(EVENT, USER_ID, List.of(7, 8), null))
                .thenReturn(new Bookings.Booked(bookingId, List.of(7, 8), List.of()));
        when(catalog.event(EVENT)).thenReturn(event());
        when(catalog.availability(EVENT))
                .thenReturn(SeatAvailability.of(EventId.of(EVENT), SeatLayout.grid(2, 10), new BitSet()));

        mvc.perform(post("/events/" + EVENT + "/book")
                        .param("seats", "7", "8")
                        .with(user())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/bookings/" + bookingId))
                .andExpect(flash().attribute(
                                "confirmed",
                                new BookingPageController.Confirmation(
                                        bookingId.value(),
                                        EVENT,
                                        "Folk Night",
                                        "Corn Exchange",
                                        event().startsAt(),
                                        List.of(7, 8),
                                        "Main, Row A, Seat 7; Main, Row A, Seat 8",
                                        3000)));
    }

    @Test
    void bestAvailableBooksTheSeatsTheSeatMapChoseAndPricesEachByItsCategory() throws Exception {
        var bookingId = BookingId.next();
        when(bookings.book(EVENT, USER_ID, null, new BestAvailable(2, "P")))
                .thenReturn(new Bookings.Booked(bookingId, List.of(4, 3), List.of()));
        when(catalog.event(EVENT)).thenReturn(pricedByCategory());
        when(catalog.availability(EVENT)).thenReturn(SeatAvailability.of(EventId.of(EVENT), HALL, new BitSet()));

        mvc.perform(post("/events/" + EVENT + "/best-available")
                        .param("count", "2")
                        .param("category", "P")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/bookings/" + bookingId))
                .andExpect(flash().attribute(
                                "confirmed",
                                new BookingPageController.Confirmation(
                                        bookingId.value(),
                                        EVENT,
                                        "Folk Night",
                                        "Corn Exchange",
                                        event().startsAt(),
                                        List.of(3, 4),
                                        "Stalls, Row A, Seat 3; Stalls, Row A, Seat 4",
                                        2 * 4000)));
    }

    @Test
    void bestAvailableWithoutACategoryAsksForAnySeat() throws Exception {
        when(bookings.book(EVENT, USER_ID, null, new BestAvailable(3, null)))
                .thenThrow(new DomainException(new NoAdjacentBlock(3, null), "No block of 3"));

        mvc.perform(post("/events/" + EVENT + "/best-available")
                        .param("count", "3")
                        .param("category", "")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/" + EVENT + "#seat-map"))
                .andExpect(flash().attribute(
                                "error",
                                "Es sind keine 3 freien Plätze nebeneinander mehr frei. Versuchen Sie es mit weniger "
                                        + "Plätzen oder einer anderen Kategorie."))
                .andExpect(flash().attribute("bestCount", 3));
    }

    @Test
    void bestAvailableRefusalsOfTheSeatMapAreShownInThePageLanguage() throws Exception {
        when(bookings.book(EVENT, USER_ID, null, new BestAvailable(1, "C")))
                .thenThrow(new DomainException(
                        new CompanionWithoutWheelchair(List.of(2)), "Companion seat without wheelchair"));

        mvc.perform(post("/events/" + EVENT + "/best-available")
                        .param("count", "1")
                        .param("category", "C")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/" + EVENT + "#seat-map"))
                .andExpect(flash().attribute(
                                "error",
                                "Companion seat 2 can only be booked together with a wheelchair space in the same "
                                        + "row."));
    }

    @Test
    void bestAvailableWithACountThatIsNoNumberIsRefusedAndBooksNothing() throws Exception {
        mvc.perform(post("/events/" + EVENT + "/best-available")
                        .param("count", "two")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/" + EVENT + "#seat-map"))
                .andExpect(flash().attribute("error", "Number of seats: must be between 1 and 10."));
        verifyNoInteractions(bookings);
    }

    @Test
    void takenSeatsAreNamedInGermanAndTheOthersStaySelected() throws Exception {
        when(bookings.book(EVENT, USER_ID, List.of(4, 5), null))
                .thenThrow(new DomainException(new SeatsUnavailable(List.of(4)), "Already booked: 4"));

        mvc.perform(post("/events/" + EVENT + "/book")
                        .param("seats", "4", "5")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/" + EVENT + "#seat-map"))
                .andExpect(flash().attribute(
                                "error",
                                "Leider wurde Platz 4 gerade von jemand anderem gebucht. Ihre übrigen Plätze bleiben "
                                        + "ausgewählt."))
                .andExpect(flash().attribute("selectedSeats", List.of(5)));
    }

    @Test
    void tooManySeatsAreRefusedInEnglishWithTheLimit() throws Exception {
        when(bookings.book(eq(EVENT), eq(USER_ID), any(), any()))
                .thenThrow(new DomainException(new TooManySeats(10, 11), "One booking holds at most 10"));

        mvc.perform(post("/events/" + EVENT + "/book")
                        .param("seats", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/" + EVENT + "#seat-map"))
                .andExpect(flash().attribute("error", "One booking holds at most 10 seats; 11 were chosen."));
    }

    @Test
    void bookingPastTheLimitPerAccountIsRefusedInEnglishNamingTheLimitAndTheSeatsHeld() throws Exception {
        when(bookings.book(EVENT, USER_ID, List.of(4, 5), null))
                .thenThrow(new DomainException(new AccountLimit(4, 3), "One account may hold at most 4"));

        mvc.perform(post("/events/" + EVENT + "/book")
                        .param("seats", "4", "5")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/" + EVENT + "#seat-map"))
                .andExpect(flash().attribute(
                                "error",
                                "One person may hold at most 4 seats of this event, and you hold 3 already. Nothing "
                                        + "was booked."));
    }

    @Test
    void bestAvailablePastTheLimitPerAccountIsRefusedInGerman() throws Exception {
        when(bookings.book(EVENT, USER_ID, null, new BestAvailable(3, null)))
                .thenThrow(new DomainException(new AccountLimit(20, 18), "One account may hold at most 20"));

        mvc.perform(post("/events/" + EVENT + "/best-available")
                        .param("count", "3")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/" + EVENT + "#seat-map"))
                .andExpect(flash().attribute(
                                "error",
                                "Eine Person kann für diese Veranstaltung höchstens 20 Plätze halten, und Sie halten "
                                        + "schon 18. Es wurde nichts gebucht."));
    }

    @Test
    void bookingAnUnknownEventShowsTheNotFoundPageInGerman() throws Exception {
        when(bookings.book(eq("nothing"), eq(USER_ID), any(), any()))
                .thenThrow(new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event"));

        mvc.perform(post("/events/nothing/book")
                        .param("seats", "1")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .with(user())
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Diese Veranstaltung gibt es nicht.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("No such event"))));
    }

    @Test
    void cancellingTooLateNamesTheCutoffAsThePagesShowTimes() throws Exception {
        doThrow(new DomainException(new TooLateToCancel(CUTOFF, Duration.ofHours(24)), "Too late"))
                .when(bookings)
                .cancel("b-1", USER_ID);

        mvc.perform(post("/bookings/b-1/cancel")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/me/bookings"))
                .andExpect(flash().attribute(
                                "error",
                                Matchers.startsWith(
                                        "That booking can no longer be cancelled: cancelling was possible until")));
    }

    @Test
    void someoneElsesBookingIsNotOneOfYours() throws Exception {
        doThrow(new DomainException(Refusal.Plain.NOT_YOUR_BOOKING, "This booking is not yours"))
                .when(bookings)
                .cancel("b-2", USER_ID);

        mvc.perform(post("/bookings/b-2/cancel")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/me/bookings"))
                .andExpect(flash().attribute("error", "Diese Buchung gehört nicht Ihnen."));
    }

    @Test
    void cancellingLeadsBackToMyBookingsWithANotice() throws Exception {
        mvc.perform(post("/bookings/b-3/cancel").with(user()).with(csrf()))
                .andExpect(redirectedUrl("/me/bookings"))
                .andExpect(flash().attribute("notice", "myBookings.cancelled"));
        verify(bookings).cancel("b-3", USER_ID);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/events/" + EVENT + "/book").param("seats", "1").with(user()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(bookings);
    }

    @Test
    void anonymousVisitorsAreSentToSignInFirst() throws Exception {
        mvc.perform(post("/events/" + EVENT + "/book").param("seats", "1").with(csrf()))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/me/bookings")).andExpect(redirectedUrlPattern("**/login"));
        verifyNoInteractions(bookings);
    }

    /** Stalls row A: a wheelchair space, a companion seat and two premium seats; row B: three standard seats. */
    private static final SeatLayout HALL = new SeatLayout(
            List.of(
                    new Category("P", "Premium", null),
                    new Category("S", "Standard", null),
                    new Category("W", "Wheelchair space", Kind.WHEELCHAIR),
                    new Category("C", "Companion seat", Kind.COMPANION)),
            List.of(new Section("Stalls", List.of(new Row("A", "WCPP"), new Row("B", "S.SS")))));

    private static EventView pricedByCategory() {
        return new EventView(
                EventId.of(EVENT),
                "Folk Night",
                "",
                VenueId.of("corn-exchange"),
                "Corn Exchange",
                "Cambridge",
                CUTOFF.plus(Duration.ofDays(1)),
                2500L,
                Map.of("P", 4000L, "S", 2500L, "W", 2500L, "C", 0L),
                SingleSeatRule.ALLOW,
                7,
                0);
    }

    private static EventView event() {
        return new EventView(
                EventId.of(EVENT),
                "Folk Night",
                "",
                VenueId.of("corn-exchange"),
                "Corn Exchange",
                "Cambridge",
                CUTOFF.plus(Duration.ofDays(1)),
                1500L,
                Map.of("S", 1500L),
                SingleSeatRule.ALLOW,
                20,
                2);
    }
}
