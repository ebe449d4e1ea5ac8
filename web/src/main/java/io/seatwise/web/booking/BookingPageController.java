package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.Refusal;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.BookingView;
import io.seatwise.api.event.EventView;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.page.SeatLabels;
import io.seatwise.web.security.CurrentAccount;
import io.seatwise.web.ticket.QrCodes;
import io.seatwise.web.ticket.TicketSheet;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Booking and cancelling from the browser: plain form posts, so they work without JavaScript. */
@Controller
class BookingPageController {

    private final Bookings bookings;
    private final Catalog catalog;
    private final PageRefusals refusals;
    private final BookingRules rules;
    private final Clock clock;
    private final SeatLabels seatLabels;
    private final BookingTickets bookingTickets;

    BookingPageController(
            Bookings bookings,
            Catalog catalog,
            PageRefusals refusals,
            BookingRules rules,
            Clock clock,
            SeatLabels seatLabels,
            BookingTickets bookingTickets) {
        this.seatLabels = seatLabels;
        this.bookingTickets = bookingTickets;
        this.bookings = bookings;
        this.catalog = catalog;
        this.refusals = refusals;
        this.rules = rules;
        this.clock = clock;
    }

    @PostMapping("/events/{id}/book")
    String book(
            @PathVariable String id,
            @RequestParam(name = "seats", required = false) List<Integer> seats,
            Authentication authentication,
            RedirectAttributes redirect) {
        // an empty or blank field converts to no number at all: it names no seat
        var chosen = seats == null
                ? List.<Integer>of()
                : seats.stream().filter(Objects::nonNull).toList();
        try {
            return confirmed(id, bookings.book(id, CurrentAccount.of(authentication), chosen, null), redirect);
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            refusals.flash(refused, redirect);
            redirect.addFlashAttribute("selectedSeats", selectedAfter(refused.refusal(), chosen));
            return "redirect:/events/" + id + "#seat-map";
        }
    }

    /** Books the best available block of {@code count} seats (of {@code category}, when one is chosen). */
    @PostMapping("/events/{id}/best-available")
    String bestAvailable(
            @PathVariable String id,
            @RequestParam(name = "count", required = false) String count,
            @RequestParam(name = "category", required = false) String category,
            Authentication authentication,
            RedirectAttributes redirect) {
        // who books comes first: an anonymous visitor is sent to sign in, whatever the form held
        var account = CurrentAccount.of(authentication);
        var code = category == null || category.isBlank() ? null : category.strip();
        redirect.addFlashAttribute("bestCategory", code);
        try {
            var wanted = new BestAvailable(count(count), code);
            redirect.addFlashAttribute("bestCount", wanted.count());
            return confirmed(id, bookings.book(id, account, null, wanted), redirect);
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            refusals.flash(refused, redirect);
            return "redirect:/events/" + id + "#seat-map";
        }
    }

    private int count(String count) {
        try {
            return Integer.parseInt(count == null ? "" : count.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(
                    InvalidValue.outOfRange("count", 1, rules.maxSeatsPerBooking()),
                    "count must be a whole number between 1 and " + rules.maxSeatsPerBooking());
        }
    }

    /** Shows the booking just made, with what it cost. */
    private String confirmed(String id, Bookings.Booked booked, RedirectAttributes redirect) {
        var event = catalog.event(id);
        var seats = booked.seats().stream().sorted().toList();
        var layout = layoutOf(event);
        redirect.addFlashAttribute(
                "confirmed",
                new Confirmation(
                        booked.bookingId().value(),
                        event.id().value(),
                        event.title(),
                        event.venueName(),
                        event.startsAt(),
                        seats,
                        seatLabels.joined(layout, seats),
                        totalCents(event, layout, seats)));
        return "redirect:/bookings/" + booked.bookingId();
    }

    /** Each seat at its category's price (an event with one price has it for every category). */
    private static long totalCents(EventView event, SeatLayout layout, List<Integer> seats) {
        return seats.stream()
                .filter(layout::contains)
                .mapToLong(seat -> event.prices().getOrDefault(layout.categoryOf(seat), 0L))
                .sum();
    }

    private SeatLayout layoutOf(EventView event) {
        return catalog.availability(event.id().value()).layout();
    }

    /** Keeps the seats the person can still have selected, so that a refusal costs them one click, not all. */
    private static List<Integer> selectedAfter(Refusal refusal, List<Integer> chosen) {
        var taken = refusal instanceof SeatsUnavailable unavailable ? unavailable.seats() : List.of();
        return chosen.stream().filter(seat -> !taken.contains(seat)).distinct().toList();
    }

    /**
     * The booking with its tickets, for its owner or an admin; to anyone else it is unknown (404), as pages do not tell
     * someone else's booking from none. Right after booking the page shows what the seat map answered, as the read
     * models may not have the booking yet.
     */
    @GetMapping("/bookings/{id}")
    String confirmation(@PathVariable String id, Authentication authentication, Model model) {
        List<TicketSheet.Ticket> tickets;
        if (model.getAttribute("confirmed") instanceof Confirmation confirmed) {
            var event = catalog.event(confirmed.eventId());
            var seats = confirmed.seats();
            tickets = bookingTickets.tickets(event, BookingId.of(id), seats, seatLabels.of(layoutOf(event), seats));
        } else {
            var booking = ownOrAdmins(id, authentication);
            var event = booking.event();
            model.addAttribute(
                    "confirmed",
                    new Confirmation(
                            id,
                            event.id().value(),
                            event.title(),
                            event.venueName(),
                            event.startsAt(),
                            booking.seats(),
                            String.join("; ", booking.labels()),
                            booking.totalCents()));
            model.addAttribute("cancelled", booking.cancelled());
            tickets = booking.tickets();
        }
        model.addAttribute(
                "tickets",
                tickets.stream()
                        .map(ticket -> new PageTicket(ticket.seat(), ticket.label(), QrCodes.dataUrl(ticket.code())))
                        .toList());
        return "booking-confirmation";
    }

    private BookingTickets.Details ownOrAdmins(String id, Authentication authentication) {
        try {
            return bookingTickets.forOwnerOrAdmin(id, authentication);
        } catch (DomainException refused) {
            if (refused.refusal() == Refusal.Plain.NOT_YOUR_BOOKING) {
                throw new DomainException(Refusal.Plain.NO_SUCH_BOOKING, "No such booking");
            }
            throw refused;
        }
    }

    /** One seat's ticket on the page: its label and its code drawn as a QR code ({@code data:} URL of a PNG). */
    record PageTicket(int seat, String label, String qr) {}

    @GetMapping("/me/bookings")
    String myBookings(Authentication authentication, Model model) {
        var mine = bookings.of(CurrentAccount.of(authentication));
        model.addAttribute("bookings", mine);
        model.addAttribute("seatLabels", seatLabels(mine));
        model.addAttribute("cancellableUntil", cancellableUntil(mine));
        return "my-bookings";
    }

    /** Booking id to its seats' labels, each event's layout read once. */
    private Map<String, String> seatLabels(List<BookingView> mine) {
        var layouts = new HashMap<String, SeatLayout>();
        var labels = new HashMap<String, String>();
        for (var booking : mine) {
            var eventId = booking.eventId().value();
            var layout = layouts.computeIfAbsent(
                    eventId, id -> catalog.availability(id).layout());
            labels.put(booking.bookingId().value(), seatLabels.joined(layout, booking.seats()));
        }
        return labels;
    }

    /** Booking id to the last moment it can be cancelled, for the bookings that can still be. */
    private Map<String, Instant> cancellableUntil(List<BookingView> mine) {
        var now = clock.instant();
        var cancellable = new HashMap<String, Instant>();
        for (var booking : mine) {
            if (booking.status() == BookingStatus.CONFIRMED && booking.eventStartsAt() != null) {
                // a booking made before its event was rescheduled may be cancelled until the start
                var until = booking.madeBeforeReschedule()
                        ? booking.eventStartsAt()
                        : rules.cancellableUntil(booking.eventStartsAt());
                if (!now.isAfter(until)) {
                    cancellable.put(booking.bookingId().value(), until);
                }
            }
        }
        return cancellable;
    }

    @PostMapping("/bookings/{id}/cancel")
    String cancel(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        try {
            bookings.cancel(id, CurrentAccount.of(authentication));
            redirect.addFlashAttribute("notice", "myBookings.cancelled");
        } catch (DomainException refused) {
            refusals.flash(refused, redirect);
        }
        return "redirect:/me/bookings";
    }

    record Confirmation(
            String bookingId,
            String eventId,
            String eventTitle,
            String venueName,
            java.time.Instant startsAt,
            List<Integer> seats,
            String seatLabels,
            long totalCents)
            implements java.io.Serializable {}
}
