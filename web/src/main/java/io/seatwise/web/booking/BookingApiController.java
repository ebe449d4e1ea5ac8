package io.seatwise.web.booking;

import io.seatwise.api.booking.BookingView;
import io.seatwise.web.security.CurrentAccount;
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
class BookingApiController {

    private final Bookings bookings;

    BookingApiController(Bookings bookings) {
        this.bookings = bookings;
    }

    /** Which seats to book; the seat map itself checks that they exist, are free and are not too many. */
    record BookingRequest(@NotNull List<Integer> seats) {}

    record BookingResponse(String bookingId, String eventId, List<Integer> seats) {}

    @PostMapping("/events/{id}/bookings")
    ResponseEntity<BookingResponse> book(
            @PathVariable String id, @Valid @RequestBody BookingRequest request, Authentication authentication) {
        var bookingId = bookings.book(id, CurrentAccount.of(authentication), request.seats());
        var seats = request.seats().stream().sorted().toList();
        return ResponseEntity.created(URI.create("/api/me/bookings"))
                .body(new BookingResponse(bookingId.value(), id, seats));
    }

    @DeleteMapping("/bookings/{bookingId}")
    ResponseEntity<Void> cancel(@PathVariable String bookingId, Authentication authentication) {
        bookings.cancel(bookingId, CurrentAccount.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/bookings")
    List<BookingView> myBookings(Authentication authentication) {
        return bookings.of(CurrentAccount.of(authentication));
    }
}
