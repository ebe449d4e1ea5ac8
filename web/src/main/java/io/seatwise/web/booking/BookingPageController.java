package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.security.CurrentAccount;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Booking from the browser: a plain form post of checked seats, so it works without JavaScript. */
@Controller
class BookingPageController {

    private final Bookings bookings;
    private final Catalog catalog;
    private final MessageSource messages;

    BookingPageController(Bookings bookings, Catalog catalog, MessageSource messages) {
        this.bookings = bookings;
        this.catalog = catalog;
        this.messages = messages;
    }

    @PostMapping("/events/{id}/book")
    String book(
            @PathVariable String id,
            @RequestParam(name = "seats", required = false) List<Integer> seats,
            Authentication authentication,
            RedirectAttributes redirect) {
        var chosen = seats == null ? List.<Integer>of() : seats;
        try {
            var bookingId = bookings.book(id, CurrentAccount.of(authentication), chosen);
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
            if (refused.code() == io.seatwise.api.ErrorCode.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("error", describe(refused));
            redirect.addFlashAttribute("selectedSeats", selectedAfter(refused, chosen));
            return "redirect:/events/" + id + "#seat-map";
        }
    }

    @SuppressWarnings("unchecked")
    private String describe(DomainException refused) {
        var taken = (List<Integer>) refused.properties().get("unavailableSeats");
        if (taken == null) {
            return refused.getMessage();
        }
        return messages.getMessage(
                "seatMap.taken",
                new Object[] {taken.size(), taken.stream().map(String::valueOf).collect(Collectors.joining(", "))},
                LocaleContextHolder.getLocale());
    }

    /** Keeps the seats the person can still have selected, so that a refusal costs them one click, not all. */
    @SuppressWarnings("unchecked")
    private static List<Integer> selectedAfter(DomainException refused, List<Integer> chosen) {
        var taken = (List<Integer>) refused.properties().getOrDefault("unavailableSeats", List.of());
        return chosen.stream().filter(seat -> !taken.contains(seat)).distinct().toList();
    }

    @GetMapping("/bookings/{id}")
    String confirmation(@PathVariable String id, Authentication authentication, Model model) {
        if (!model.containsAttribute("confirmed")) {
            var mine = bookings.of(CurrentAccount.of(authentication)).stream()
                    .filter(booking -> booking.bookingId().value().equals(id))
                    .findFirst()
                    .orElseThrow(() -> DomainException.notFound("No such booking"));
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
        model.addAttribute("bookings", bookings.of(CurrentAccount.of(authentication)));
        return "my-bookings";
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
