package io.seatwise.web.booking;

import static io.seatwise.web.security.WebSliceConfiguration.USER_ID;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.SeatsUnknownOrRepeated;
import io.seatwise.api.TooLateToCancel;
import io.seatwise.api.booking.BookingId;
import io.seatwise.web.security.WebSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API's answers to the seat map's refusals, as SPEC §3 gives them: the status, the detail, and the members that
 * name what was refused, made from the typed refusal by ApiExceptionHandler.
 */
@WebSlice(BookingApiController.class)
class BookingApiRefusalsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Bookings bookings;

    @Test
    void takenSeatsAreAConflictNamingThem() throws Exception {
        when(bookings.book("e-1", USER_ID, List.of(4, 5), null))
                .thenThrow(new DomainException(new SeatsUnavailable(List.of(4)), "Already booked: 4"));

        mvc.perform(booking("e-1", "{\"seats\": [4, 5]}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value("Already booked: 4"))
                .andExpect(jsonPath("$.unavailableSeats").value(Matchers.contains(4)));
    }

    @Test
    void unknownAndRepeatedSeatsAreABadRequestNamingBoth() throws Exception {
        when(bookings.book("e-1", USER_ID, List.of(0, 101, 7, 7), null))
                .thenThrow(new DomainException(
                        new SeatsUnknownOrRepeated(List.of(0, 101), List.of(7), 100), "No such seat: 0, 101"));

        mvc.perform(booking("e-1", "{\"seats\": [0, 101, 7, 7]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.unknownSeats").value(Matchers.contains(0, 101)))
                .andExpect(jsonPath("$.repeatedSeats").value(Matchers.contains(7)));
    }

    @Test
    void cancellingTooLateIsAConflictNamingTheCutoff() throws Exception {
        var until = Instant.parse("2030-05-01T18:30:00Z");
        doThrow(new DomainException(new TooLateToCancel(until, Duration.ofHours(24)), "Too late"))
                .when(bookings)
                .cancel("b-1", USER_ID);

        mvc.perform(delete("/api/bookings/b-1").with(bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.cancellableUntil").value("2030-05-01T18:30:00Z"));
    }

    @Test
    void someoneElsesBookingIsForbiddenAndAnUnknownOneNotFound() throws Exception {
        doThrow(new DomainException(Refusal.Plain.NOT_YOUR_BOOKING, "This booking is not yours"))
                .when(bookings)
                .cancel("b-2", USER_ID);
        doThrow(new DomainException(Refusal.Plain.NO_SUCH_BOOKING, "No such booking"))
                .when(bookings)
                .cancel("b-3", USER_ID);

        mvc.perform(delete("/api/bookings/b-2").with(bearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This booking is not yours"));
        mvc.perform(delete("/api/bookings/b-3").with(bearer())).andExpect(status().isNotFound());
    }

    @Test
    void aBookingThatIsNotJsonIsABadRequestBeforeAnyCommand() throws Exception {
        mvc.perform(booking("e-1", "{\"seats\": [4,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("The request body is not valid JSON")));
        mvc.perform(booking("e-1", "{}")).andExpect(status().isBadRequest());
        verifyNoInteractions(bookings);
    }

    @Test
    void anonymousCallsAreToldToSendATokenAndBookNothing() throws Exception {
        mvc.perform(post("/api/events/e-1/bookings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seats\": [1]}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value("/api/events/e-1/bookings"));
        verifyNoInteractions(bookings);
    }

    @Test
    void aBearerCallNeedsNoCsrfToken() throws Exception {
        when(bookings.book(anyString(), any(), any(), any()))
                .thenReturn(new Bookings.Booked(
                        BookingId.next(), List.of(1, 3), List.of("Main, Row A, Seat 1", "Main, Row A, Seat 3")));

        mvc.perform(booking("e-1", "{\"seats\": [3, 1]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.seats").value(Matchers.contains(1, 3)));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder booking(
            String eventId, String body) {
        return post("/api/events/" + eventId + "/bookings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(bearer());
    }

    private static RequestPostProcessor bearer() {
        return jwt().jwt(token -> token.subject(USER_ID.value())).authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
