package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.api.Refusal;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.BookingView;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.CurrentAccount;
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

    BookingPageController(Bookings bookings, Catalog catalog, PageRefusals refusals, BookingRules rules, Clock clock) {
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
            var bookingId = bookings.book(id, CurrentAccount.of(authentication), chosen, null)
                    .bookingId();
            var event = catalog.event(id);
            redirect.addFlashAttribute(
                    "confirmed",
                    new Confirmation(
                            bookingId.value(),
                            event.id().value(),
                            event.title(),
                            event.venueName(),
                            event.startsAt(),
                            chosen.stream().sorted().toList(),
                            event.priceCents() * chosen.size()));
            return "redirect:/bookings/" + bookingId;
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            refusals.flash(refused, redirect);
            redirect.addFlashAttribute("selectedSeats", selectedAfter(refused.refusal(), chosen));
            return "redirect:/events/" + id + "#seat-map";
        }
    }

    /** Keeps the seats the person can still have selected, so that a refusal costs them one click, not all. */
    private static List<Integer> selectedAfter(Refusal refusal, List<Integer> chosen) {
        var taken = refusal instanceof Refusal.SeatsUnavailable unavailable ? unavailable.seats() : List.of();
        return chosen.stream().filter(seat -> !taken.contains(seat)).distinct().toList();
    }

    @GetMapping("/bookings/{id}")
    String confirmation(@PathVariable String id, Authentication authentication, Model model) {
        if (!model.containsAttribute("confirmed")) {
            var mine = bookings.of(CurrentAccount.of(authentication)).stream()
                    .filter(booking -> booking.bookingId().value().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_BOOKING, "No such booking"));
            var event = catalog.event(mine.eventId().value());
            model.addAttribute(
                    "confirmed",
                    new Confirmation(
                            id,
                            event.id().value(),
                            event.title(),
                            event.venueName(),
                            event.startsAt(),
                            mine.seats(),
                            event.priceCents() * mine.seats().size()));
        }
        return "booking-confirmation";
    }

    @GetMapping("/me/bookings")
    String myBookings(Authentication authentication, Model model) {
        var mine = bookings.of(CurrentAccount.of(authentication));
        model.addAttribute("bookings", mine);
        model.addAttribute("cancellableUntil", cancellableUntil(mine));
        return "my-bookings";
    }

    /** Booking id to the last moment it can be cancelled, for the bookings that can still be. */
    private Map<String, Instant> cancellableUntil(List<BookingView> mine) {
        var now = clock.instant();
        var cancellable = new HashMap<String, Instant>();
        for (var booking : mine) {
            if (booking.status() == BookingStatus.CONFIRMED && booking.eventStartsAt() != null) {
                var until = rules.cancellableUntil(booking.eventStartsAt());
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
            long totalCents) {}
}
