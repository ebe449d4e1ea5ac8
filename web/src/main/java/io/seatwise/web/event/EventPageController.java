package io.seatwise.web.event;

import io.seatwise.api.review.ReviewSubject;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.web.page.SeatMapModel;
import io.seatwise.web.review.Reviews;
import io.seatwise.web.security.CurrentAccount;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class EventPageController {

    static final int PAGE_SIZE = 12;

    private final Catalog catalog;
    private final Reviews reviews;
    private final BookingRules rules;
    private final Clock clock;

    EventPageController(Catalog catalog, Reviews reviews, BookingRules rules, Clock clock) {
        this.catalog = catalog;
        this.reviews = reviews;
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping("/")
    String upcoming(@RequestParam(defaultValue = "0") int page, Model model) {
        var pageNumber = Math.max(page, 0);
        var events = catalog.upcoming(pageNumber, PAGE_SIZE + 1);
        model.addAttribute("events", events.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", events.size() > PAGE_SIZE);
        return "index";
    }

    @GetMapping("/events/{id}")
    String event(
            @PathVariable String id,
            @RequestParam(required = false) Integer block,
            @RequestParam(required = false) Integer seat,
            @RequestParam(defaultValue = "0") int reviewPage,
            Authentication authentication,
            CsrfToken csrf,
            Model model) {
        // The booking form needs the token, and a new visitor a session to keep it in; made now, because once the
        // seat map has filled the response buffer the response is committed and no session can be created.
        csrf.getToken();
        var event = catalog.event(id);
        @SuppressWarnings("unchecked")
        var selected = model.containsAttribute("selectedSeats")
                ? new HashSet<>((Collection<Integer>) model.getAttribute("selectedSeats"))
                : new HashSet<Integer>();
        model.addAttribute("event", event);
        model.addAttribute("seatMap", SeatMapModel.of(catalog.availability(id), event.prices(), selected, block, seat));
        model.addAttribute("started", !clock.instant().isBefore(event.startsAt()));
        model.addAttribute("maxSeats", rules.maxSeatsPerBooking());
        model.addAttribute(
                "reviewSection",
                reviews.section(ReviewSubject.event(id), CurrentAccount.find(authentication), reviewPage));
        return "event";
    }
}
