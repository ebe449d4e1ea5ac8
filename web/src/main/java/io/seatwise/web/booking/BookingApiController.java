package io.seatwise.web.booking;

import io.seatwise.api.booking.BookingView;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Bookings")
class BookingApiController {

    private final Bookings bookings;

    BookingApiController(Bookings bookings) {
        this.bookings = bookings;
    }

    /** Which seats to book; the seat map itself checks that they exist, are free and are not too many. */
    record BookingRequest(@NotNull List<Integer> seats) {}

    record BookingResponse(String bookingId, String eventId, List<Integer> seats) {}

    @PostMapping("/events/{id}/bookings")
    @Operation(
            operationId = "bookSeats",
            summary = "Book seats of an event",
            description = "All seats or none. A 201 means the booking is stored durably; it shows in the seat map and "
                    + "in /api/me/bookings within a second.")
    @ApiResponse(responseCode = "201", description = "Booked", useReturnTypeSchema = true)
    @ApiRefusal(
            status = 400,
            when = "No seats, more than one booking holds, or seats that the event does not have or that are named "
                    + "twice (unknownSeats, repeatedSeats).",
            examples = "invalid-seats")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    @ApiRefusal(
            status = 409,
            when = "A seat is already booked (unavailableSeats names them all), or the event has started.",
            examples = {"seats-unavailable", "event-started"})
    ResponseEntity<BookingResponse> book(
            @PathVariable String id, @Valid @RequestBody BookingRequest request, Authentication authentication) {
        var bookingId = bookings.book(id, CurrentAccount.of(authentication), request.seats());
        var seats = request.seats().stream().sorted().toList();
        return ResponseEntity.created(URI.create("/api/me/bookings"))
                .body(new BookingResponse(bookingId.value(), id, seats));
    }

    @DeleteMapping("/bookings/{bookingId}")
    @Operation(operationId = "cancelBooking", summary = "Cancel one of your bookings, releasing its seats")
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiRefusal(status = 403, when = "The booking is someone else's.", examples = "not-your-booking")
    @ApiRefusal(status = 404, when = "No such booking.", examples = "booking-not-found")
    @ApiRefusal(
            status = 409,
            when = "The booking is already cancelled, or the cutoff before the event has passed (cancellableUntil).",
            examples = {"already-cancelled", "past-cancellation-cutoff"})
    ResponseEntity<Void> cancel(@PathVariable String bookingId, Authentication authentication) {
        bookings.cancel(bookingId, CurrentAccount.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/bookings")
    @Operation(operationId = "listMyBookings", summary = "Your bookings, cancelled ones included")
    List<BookingView> myBookings(Authentication authentication) {
        return bookings.of(CurrentAccount.of(authentication));
    }
}
