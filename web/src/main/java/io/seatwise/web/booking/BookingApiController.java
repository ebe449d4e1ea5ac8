package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.BookingView;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
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

    /**
     * Which seats to book, or how many of the best available; the seat map itself checks that they exist, are free
     * and are not too many.
     */
    record BookingRequest(List<Integer> seats, BestAvailableRequest bestAvailable) {

        /** Refuses a request that names neither what to book nor how many, before any command is sent. */
        BookingRequest checked() {
            if (seats == null && bestAvailable == null) {
                throw new DomainException(
                        InvalidValue.of("seats", Rule.REQUIRED),
                        "seats must not be null: give the seats to book, or bestAvailable with a count");
            }
            return this;
        }
    }

    /** {@code count} seats side by side, of one category if {@code category} (a code of the layout) is given. */
    record BestAvailableRequest(int count, String category) {}

    /**
     * The booking made: its reference (what people read and type, such as K7P-3QX-9M2), its seats ascending, and their
     * labels in the same order ("Stalls, Row B, Seat 5").
     */
    record BookingResponse(
            String bookingId, String reference, String eventId, List<Integer> seats, List<String> seatLabels) {}

    /** One of the caller's bookings, with its reference; {@code eventCancelReason} is set when its event was cancelled. */
    record MyBooking(
            String bookingId,
            String reference,
            String eventId,
            String eventTitle,
            Instant eventStartsAt,
            List<Integer> seats,
            Instant bookedAt,
            BookingStatus status,

            @Schema(description = "Why the event was cancelled, when it was: its bookings were released with it")
            String eventCancelReason) {

        static MyBooking of(BookingView booking) {
            return new MyBooking(
                    booking.bookingId().value(),
                    BookingReference.of(booking.bookingId()).toString(),
                    booking.eventId().value(),
                    booking.eventTitle(),
                    booking.eventStartsAt(),
                    booking.seats(),
                    booking.bookedAt(),
                    booking.status(),
                    booking.eventCancelReason());
        }
    }

    @PostMapping("/events/{id}/bookings")
    @Operation(
            operationId = "bookSeats",
            summary = "Book seats of an event, chosen or the best available",
            description = "Either seats (all of them or none) or bestAvailable: count seats side by side in one row, "
                    + "front rows first, then nearest the row's centre, of one category if given; wheelchair spaces "
                    + "and companion seats only when their category is asked for. A 201 means the booking is stored "
                    + "durably and names the seats booked; it shows in the seat map and in /api/me/bookings within a "
                    + "second.")
    @ApiResponse(responseCode = "201", description = "Booked", useReturnTypeSchema = true)
    @ApiRefusal(
            status = 400,
            when = "No seats, more than one booking holds, or seats that the event does not have or that are named "
                    + "twice (unknownSeats, repeatedSeats); a count out of range or a category the event does not "
                    + "have.",
            examples = "invalid-seats")
    @ApiRefusal(
            status = 403,
            when = "The account's address is not verified yet (reason email-not-verified).",
            examples = "email-not-verified")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    @ApiRefusal(
            status = 409,
            when = "The booking would give you more seats of the event than one account may hold (reason "
                    + "account-limit; limit, and the seats you hold already in held), a seat is already booked "
                    + "(seats-unavailable; unavailableSeats names them all), no block "
                    + "of the best available fits (no-adjacent-block), the booking would leave a seat alone where the "
                    + "event refuses that (single-seat; strandedSeats), a companion seat lacks a wheelchair space of "
                    + "its row in the booking (companion-without-wheelchair; companionSeats), the event was "
                    + "cancelled (event-cancelled), or it has started (event-started).",
            examples = {
                "account-limit",
                "seats-unavailable",
                "no-adjacent-block",
                "single-seat",
                "companion-without-wheelchair",
                "event-cancelled",
                "event-started"
            })
    ResponseEntity<BookingResponse> book(
            @PathVariable String id, @Valid @RequestBody BookingRequest request, Authentication authentication) {
        request.checked();
        var wanted = request.bestAvailable() == null
                ? null
                : new BestAvailable(
                        request.bestAvailable().count(), request.bestAvailable().category());
        var booked = bookings.book(id, CurrentAccount.of(authentication), request.seats(), wanted);
        return ResponseEntity.created(URI.create("/api/me/bookings"))
                .body(new BookingResponse(
                        booked.bookingId().value(),
                        booked.reference().toString(),
                        id,
                        booked.seats(),
                        booked.labels()));
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
    List<MyBooking> myBookings(Authentication authentication) {
        return bookings.of(CurrentAccount.of(authentication)).stream()
                .map(MyBooking::of)
                .toList();
    }
}
