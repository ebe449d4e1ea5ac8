package io.seatwise.web.waitlist;

import io.seatwise.api.booking.BookingReference;
import io.seatwise.api.waitlist.WaitlistEntryView;
import io.seatwise.api.waitlist.WaitlistStatus;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Waitlist")
class WaitlistApiController {

    private final Waitlists waitlists;

    WaitlistApiController(Waitlists waitlists) {
        this.waitlists = waitlists;
    }

    /** {@code count} seats side by side, of one category if {@code category} (a code of the layout) is given. */
    record JoinRequest(int count, String category) {}

    record JoinResponse(String id, int position) {}

    /** Seats held for the entry until {@code expiresAt}. */
    record Offer(List<Integer> seats, Instant expiresAt) {}

    /**
     * One of the caller's waitlist entries. {@code position} (from 1) is set while it waits; {@code offer} while seats
     * are held for it; {@code bookingId} once it has booked them.
     */
    record Entry(
            String id,
            String eventId,
            int count,
            String category,
            Integer position,

            @Schema(allowableValues = {"waiting", "offered", "booked", "expired", "left"})
            String status,

            Offer offer,
            String bookingId,
            Instant joinedAt) {

        static Entry of(WaitlistEntryView entry) {
            return new Entry(
                    entry.entryId().value(),
                    entry.eventId().value(),
                    entry.count(),
                    entry.category(),
                    entry.position(),
                    entry.status().value(),
                    entry.status() == WaitlistStatus.OFFERED
                            ? new Offer(entry.offeredSeats(), entry.expiresAt())
                            : null,
                    entry.status() == WaitlistStatus.BOOKED ? entry.bookingId().value() : null,
                    entry.joinedAt());
        }
    }

    /** The booking accepting made, as a booking's answer. */
    record AcceptResponse(
            String bookingId, String reference, String eventId, List<Integer> seats, List<String> seatLabels) {}

    @PostMapping("/events/{id}/waitlist")
    @Operation(
            operationId = "joinWaitlist",
            summary = "Wait for seats side by side of an event that cannot seat you now",
            description = "When seats are released (a cancellation, an offer that ran out), the earliest entry that "
                    + "the available seats can seat side by side, as best available would choose them, is offered "
                    + "them: they are held for it for SEATWISE_WAITLIST_OFFER_TTL (30 minutes by default, and never "
                    + "beyond the event's start), mailed, and booked by accepting. One entry per account and event.")
    @ApiResponse(responseCode = "201", description = "On the waitlist", useReturnTypeSchema = true)
    @ApiRefusal(
            status = 400,
            when = "A count out of range (1 to the seats one booking holds) or a category the event does not have.",
            examples = "invalid-count")
    @ApiRefusal(status = 403, when = "The account's address is not verified yet (reason email-not-verified).")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    @ApiRefusal(
            status = 409,
            when = "The event can seat them side by side now (seats-available: book them instead), the account is on "
                    + "this waitlist already (already-waiting), the event was cancelled (event-cancelled) or has "
                    + "started (event-started).",
            examples = {"seats-available", "already-waiting", "event-cancelled", "event-started"})
    ResponseEntity<JoinResponse> join(
            @PathVariable String id, @RequestBody JoinRequest request, Authentication authentication) {
        var joined = waitlists.join(id, CurrentAccount.of(authentication), request.count(), request.category());
        return ResponseEntity.created(URI.create("/api/me/waitlist"))
                .body(new JoinResponse(joined.entryId().value(), joined.position()));
    }

    @GetMapping("/me/waitlist")
    @Operation(
            operationId = "listMyWaitlist",
            summary = "Your waitlist entries, newest first, ended ones included",
            description = "Eventually consistent, like /api/me/bookings: a change shows within a second.")
    List<Entry> mine(Authentication authentication) {
        return waitlists.of(CurrentAccount.of(authentication)).stream()
                .map(Entry::of)
                .toList();
    }

    @PostMapping("/waitlist/{id}/accept")
    @Operation(
            operationId = "acceptWaitlistOffer",
            summary = "Book the seats held for your waitlist entry",
            description =
                    "A 201 is a booking of the caller's account, as any other: mailed, cancellable, with tickets.")
    @ApiResponse(responseCode = "201", description = "Booked", useReturnTypeSchema = true)
    @ApiRefusal(status = 403, when = "The entry is someone else's.", examples = "not-your-waitlist-entry")
    @ApiRefusal(status = 404, when = "No such waitlist entry.", examples = "waitlist-entry-not-found")
    @ApiRefusal(
            status = 409,
            when = "The offer ran out (offer-expired; also once the waitlist closed), no seats are offered yet "
                    + "(no-offer), or the entry has ended: booked or left (waitlist-entry-ended).",
            examples = {"offer-expired", "no-offer", "waitlist-entry-ended"})
    ResponseEntity<AcceptResponse> accept(@PathVariable String id, Authentication authentication) {
        var accepted = waitlists.accept(id, CurrentAccount.of(authentication));
        return ResponseEntity.created(URI.create("/api/bookings/" + accepted.bookingId()))
                .body(new AcceptResponse(
                        accepted.bookingId().value(),
                        BookingReference.of(accepted.bookingId()).toString(),
                        accepted.eventId().value(),
                        accepted.seats().seats(),
                        accepted.seats().labels()));
    }

    @DeleteMapping("/waitlist/{id}")
    @Operation(
            operationId = "leaveWaitlist",
            summary = "Leave a waitlist, giving up seats offered to you",
            description = "Seats held for the entry go to the next entry that fits, or back on sale.")
    @ApiResponse(responseCode = "204", description = "Left")
    @ApiRefusal(status = 403, when = "The entry is someone else's.", examples = "not-your-waitlist-entry")
    @ApiRefusal(status = 404, when = "No such waitlist entry.", examples = "waitlist-entry-not-found")
    @ApiRefusal(
            status = 409,
            when = "The entry has ended: booked, left, expired or closed.",
            examples = "waitlist-entry-ended")
    ResponseEntity<Void> leave(@PathVariable String id, Authentication authentication) {
        waitlists.leave(id, CurrentAccount.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
