package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.web.page.PageRefusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admins' box-office search: a booking by the reference its booker reads out. */
@Controller
class AdminBookingsPageController {

    private final BookingLookup lookup;
    private final PageRefusals refusals;

    AdminBookingsPageController(BookingLookup lookup, PageRefusals refusals) {
        this.lookup = lookup;
        this.refusals = refusals;
    }

    @GetMapping("/admin/bookings")
    String find(@RequestParam(name = "reference", required = false) String reference, Model model) {
        model.addAttribute("reference", reference == null ? "" : reference.strip());
        if (reference != null && !reference.isBlank()) {
            try {
                model.addAttribute("booking", lookup.find(reference));
            } catch (DomainException refused) {
                model.addAttribute("problem", refusals.message(refused));
            }
        }
        return "admin/booking-lookup";
    }
}
