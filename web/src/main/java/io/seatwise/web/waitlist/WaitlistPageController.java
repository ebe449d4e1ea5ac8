package io.seatwise.web.waitlist;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.event.EventView;
import io.seatwise.api.waitlist.WaitlistEntryView;
import io.seatwise.api.waitlist.WaitlistStatus;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.page.SeatLabels;
import io.seatwise.web.security.CurrentAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waitlist in the browser: joining from the event's page, and {@code /me/waitlist}, where people see where they
 * stand and accept or give up the seats held for them. Plain form posts, so they work without JavaScript.
 */
@Controller
class WaitlistPageController {

    private final Waitlists waitlists;
    private final Catalog catalog;
    private final PageRefusals refusals;
    private final SeatLabels seatLabels;
    private final BookingRules rules;

    WaitlistPageController(
            Waitlists waitlists, Catalog catalog, PageRefusals refusals, SeatLabels seatLabels, BookingRules rules) {
        this.waitlists = waitlists;
        this.catalog = catalog;
        this.refusals = refusals;
        this.seatLabels = seatLabels;
        this.rules = rules;
    }

    /** An entry as the page shows it: with its event's title and start, and the offered seats' labels. */
    record Row(WaitlistEntryView entry, String title, Instant startsAt, String seats) {

        public boolean offered() {
            return entry.status() == WaitlistStatus.OFFERED;
        }

        public boolean open() {
            return entry.status().open();
        }
    }

    @PostMapping("/events/{id}/waitlist")
    String join(
            @PathVariable String id,
            @RequestParam(name = "count", required = false) String count,
            @RequestParam(name = "category", required = false) String category,
            Authentication authentication,
            RedirectAttributes redirect) {
        var account = CurrentAccount.of(authentication);
        try {
            waitlists.join(id, account, count(count), category);
            redirect.addFlashAttribute("notice", "waitlist.joined");
            return "redirect:/me/waitlist";
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            refusals.flash(refused, redirect);
            return "redirect:/events/" + id + "#waitlist";
        }
    }

    @GetMapping("/me/waitlist")
    String page(Authentication authentication, Model model) {
        var rows = new ArrayList<Row>();
        var events = new HashMap<String, EventView>();
        for (var entry : waitlists.of(CurrentAccount.of(authentication))) {
            var eventId = entry.eventId().value();
            var event = events.computeIfAbsent(eventId, catalog::event);
            var seats = entry.offeredSeats().isEmpty()
                    ? ""
                    : seatLabels.joined(catalog.seatMap(eventId).layout(), entry.offeredSeats());
            rows.add(new Row(entry, event.title(), event.startsAt(), seats));
        }
        model.addAttribute("rows", rows);
        return "my-waitlist";
    }

    @PostMapping("/me/waitlist/{id}/accept")
    String accept(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        try {
            waitlists.accept(id, CurrentAccount.of(authentication));
            // the booking's own page and "my bookings" follow within a second; this page links to it once they do
            redirect.addFlashAttribute("notice", "waitlist.accepted");
            return "redirect:/me/waitlist";
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            refusals.flash(refused, redirect);
            return "redirect:/me/waitlist";
        }
    }

    @PostMapping("/me/waitlist/{id}/leave")
    String leave(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        try {
            waitlists.leave(id, CurrentAccount.of(authentication));
            redirect.addFlashAttribute("notice", "waitlist.left");
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            refusals.flash(refused, redirect);
        }
        return "redirect:/me/waitlist";
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
}
