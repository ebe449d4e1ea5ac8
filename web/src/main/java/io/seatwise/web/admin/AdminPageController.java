package io.seatwise.web.admin;

import io.seatwise.api.DomainException;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.api.waitlist.WaitlistLength;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.Formats;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.venue.LayoutSummary;
import io.seatwise.web.waitlist.Waitlists;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages: a dashboard of figures, and the form that schedules events (venues: {@link VenueFormController}). */
@Controller
@RequestMapping("/admin")
class AdminPageController {

    private final Catalog catalog;
    private final Statistics statistics;
    private final Formats formats;
    private final PageRefusals refusals;
    private final Waitlists waitlists;
    private final BookingRules rules;

    AdminPageController(
            Catalog catalog,
            Statistics statistics,
            Formats formats,
            PageRefusals refusals,
            Waitlists waitlists,
            BookingRules rules) {
        this.catalog = catalog;
        this.statistics = statistics;
        this.formats = formats;
        this.refusals = refusals;
        this.waitlists = waitlists;
        this.rules = rules;
    }

    /**
     * An event, priced with one price for all seats ({@code pricing} "one") or one per category of the venue's layout
     * ("categories", in the fields {@link #categoryPriceField}); {@code singleSeatRule} is allow or refuse; {@code
     * maxSeatsPerAccount} the seats one account may hold (0: no limit), the configured default when left empty.
     */
    record EventForm(
            @NotBlank String venueId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime startsAt,

            @PositiveOrZero @Max(MAX_PRICE) BigDecimal price,
            String pricing,
            String singleSeatRule,
            Integer maxSeatsPerAccount) {

        boolean byCategory() {
            return PER_CATEGORY.equals(pricing);
        }
    }

    static final long MAX_PRICE = 10_000_000;
    static final String PER_CATEGORY = "categories";

    /** The name of the field for one category's price at one venue; the page has such fields for every venue. */
    static String categoryPriceField(String venueId, String code) {
        return "categoryPrice_" + venueId + "_" + code;
    }

    /** The figures, the events sorted as asked (by start when not), and the venues; sorting needs no script. */
    @GetMapping
    String dashboard(
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        var figures = statistics.overall();
        var column = EventColumn.named(sort);
        var descending = "desc".equals(dir);
        model.addAttribute("totals", figures.totals());
        model.addAttribute("occupancy", occupancy(figures.totals()));
        model.addAttribute(
                "events",
                column.map(by -> by.sort(figures.events(), descending)).orElse(figures.events()));
        model.addAttribute("sort", column.map(EventColumn::key).orElse(""));
        model.addAttribute("descending", descending);
        model.addAttribute("columns", EventColumn.keys());
        model.addAttribute("venues", statistics.venues());
        model.addAttribute("waitlists", waitlistsByEvent());
        return "admin/dashboard";
    }

    /** Each event's waitlist, by the event's id; events nobody waits for have none. */
    private Map<String, WaitlistLength> waitlistsByEvent() {
        var byEvent = new HashMap<String, WaitlistLength>();
        for (var length : waitlists.lengths()) {
            byEvent.put(length.eventId().value(), length);
        }
        return byEvent;
    }

    private static double occupancy(StatisticsView.Totals totals) {
        return totals.capacity() == 0 ? 0 : (double) totals.booked() / totals.capacity();
    }

    @GetMapping("/events/new")
    String eventForm(Model model) {
        var form = new EventForm(
                "", "", "", null, BigDecimal.ZERO, "one", SingleSeatRule.ALLOW.json(), rules.maxSeatsPerAccount());
        return eventForm(model, form, Map.of(), catalog.venues());
    }

    @PostMapping("/events/new")
    String scheduleEvent(
            @Valid @ModelAttribute("form") EventForm form,
            BindingResult result,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect) {
        var venues = catalog.venues();
        var rule = SingleSeatRule.of(form.singleSeatRule() == null ? "allow" : form.singleSeatRule());
        if (rule == null) {
            result.rejectValue("singleSeatRule", "admin.event.singleSeatRule.invalid");
        }
        var prices = form.byCategory() ? categoryPrices(form.venueId(), venues, fields, result) : null;
        if (!form.byCategory() && form.price() == null && !result.hasFieldErrors("price")) {
            result.rejectValue("price", "admin.event.priceRequired");
        }
        if (!result.hasErrors()) {
            try {
                var eventId = EventId.random();
                catalog.schedule(new ScheduleEvent(
                        eventId,
                        VenueId.of(form.venueId()),
                        form.title(),
                        form.description(),
                        formats.parseInputDateTime(form.startsAt()),
                        form.byCategory() ? null : cents(form.price()),
                        prices,
                        rule,
                        form.maxSeatsPerAccount()));
                redirect.addFlashAttribute("notice", "admin.event.created");
                return "redirect:/events/" + eventId;
            } catch (DomainException refused) {
                refusals.reject(refused, result);
            }
        }
        return eventForm(model, form, fields, venues);
    }

    private static String eventForm(Model model, EventForm form, Map<String, String> fields, List<VenueView> venues) {
        var layouts = new LinkedHashMap<String, LayoutSummary>();
        venues.forEach(venue -> layouts.put(venue.id().value(), LayoutSummary.of(venue.layout())));
        model.addAttribute("form", form);
        model.addAttribute("venues", venues);
        model.addAttribute("layouts", layouts);
        model.addAttribute("fields", fields);
        model.addAttribute("byCategory", form.byCategory());
        model.addAttribute(
                "singleSeatRule", SingleSeatRule.REFUSE.json().equals(form.singleSeatRule()) ? "refuse" : "allow");
        return "admin/event-form";
    }

    /** The prices of the chosen venue's categories in cents, or null with the reasons on the form. */
    private static Map<String, Long> categoryPrices(
            String venueId, List<VenueView> venues, Map<String, String> fields, BindingResult result) {
        var venue = venues.stream()
                .filter(candidate -> candidate.id().value().equals(venueId))
                .findFirst();
        if (venue.isEmpty()) {
            if (!result.hasFieldErrors("venueId")) {
                result.rejectValue("venueId", "admin.event.chooseVenue");
            }
            return null;
        }
        var prices = new LinkedHashMap<String, Long>();
        for (var category : venue.get().layout().categories()) {
            var text = fields.getOrDefault(categoryPriceField(venueId, category.code()), "")
                    .strip();
            var price = text.matches("\\d{1,8}([.,]\\d{1,2})?") ? new BigDecimal(text.replace(',', '.')) : null;
            if (price == null || price.compareTo(BigDecimal.valueOf(MAX_PRICE)) > 0) {
                result.reject("admin.event.categoryPrice.invalid", new Object[] {category.name()}, null);
            } else {
                prices.put(category.code(), cents(price));
            }
        }
        return result.hasErrors() ? null : prices;
    }

    private static long cents(BigDecimal price) {
        return price.movePointRight(2).longValue();
    }
}
