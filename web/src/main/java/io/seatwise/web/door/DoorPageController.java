package io.seatwise.web.door;

import io.seatwise.web.event.Catalog;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The door page, for a steward's phone: the page itself is a shell; {@code door.js} loads the event's door list, scans
 * and checks tickets, and keeps working offline (see docs/behaviour.md, "The door").
 */
@Controller
class DoorPageController {

    private final Catalog catalog;

    DoorPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/events/{id}/door")
    String door(@PathVariable String id, CsrfToken csrf, Model model) {
        model.addAttribute("event", catalog.event(id));
        model.addAttribute("csrf", csrf);
        return "door";
    }
}
