package io.seatwise.web.venue;

import io.seatwise.api.review.ReviewSubject;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.review.Reviews;
import io.seatwise.web.security.CurrentAccount;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class VenuePageController {

    private final Catalog catalog;
    private final Reviews reviews;

    VenuePageController(Catalog catalog, Reviews reviews) {
        this.catalog = catalog;
        this.reviews = reviews;
    }

    @GetMapping("/venues/{id}")
    String venue(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int reviewPage,
            Authentication authentication,
            Model model) {
        var venue = catalog.venue(id);
        model.addAttribute("venue", venue);
        model.addAttribute("layout", LayoutSummary.of(venue.layout()));
        model.addAttribute(
                "events",
                catalog.upcoming(0, Catalog.MAX_PAGE_SIZE).stream()
                        .filter(event -> event.venueId().equals(venue.id()))
                        .toList());
        model.addAttribute(
                "reviewSection",
                reviews.section(ReviewSubject.venue(id), CurrentAccount.find(authentication), reviewPage));
        return "venue";
    }
}
