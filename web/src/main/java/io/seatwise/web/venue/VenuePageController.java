package io.seatwise.web.venue;

import io.seatwise.web.event.Catalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class VenuePageController {

    private final Catalog catalog;

    VenuePageController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/venues/{id}")
    String venue(@PathVariable String id, Model model) {
        var venue = catalog.venue(id);
        model.addAttribute("venue", venue);
        model.addAttribute(
                "events",
                catalog.upcoming(0, Catalog.MAX_PAGE_SIZE).stream()
                        .filter(event -> event.venueId().equals(venue.id()))
                        .toList());
        return "venue";
    }
}
