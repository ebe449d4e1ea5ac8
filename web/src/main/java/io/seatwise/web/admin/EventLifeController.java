package io.seatwise.web.admin;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.event.CancelEvent;
import io.seatwise.api.event.EditEvent;
import io.seatwise.api.event.EventView;
import io.seatwise.command.Starts;
import io.seatwise.command.booking.BookingLedger;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.Formats;
import io.seatwise.web.page.PageRefusals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An event's life from the admin's side: edit its title, description, prices and limit of seats per account,
 * reschedule it, or cancel it. Each
 * form is checked, then confirmed on a page that says how many bookers the change mails (accounts holding a booking
 * that stands), and only the confirmation sends the command.
 */
@Controller
@RequestMapping("/admin/events/{id}")
class EventLifeController {

    static final String PRICE_FIELD = "price_";
    static final String CONFIRMED = "confirmed";

    /** The flash attribute that carries the event as changed to the page shown next. */
    private static final String CHANGED = "changed";

    private final Catalog catalog;
    private final BookingLedger ledger;
    private final Formats formats;
    private final PageRefusals refusals;
    private final Clock clock;

    EventLifeController(Catalog catalog, BookingLedger ledger, Formats formats, PageRefusals refusals, Clock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.formats = formats;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Right after a change the page shows the event as the seat map answered, as the read side may lag a moment. */
    @GetMapping
    String page(@PathVariable String id, Model model) {
        var event = model.getAttribute(CHANGED) instanceof EventView changed
                        && changed.id().value().equals(id)
                ? changed
                : catalog.event(id);
        return page(event, Map.of(), null, model);
    }

    @PostMapping("/edit")
    String edit(
            @PathVariable String id,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect) {
        var event = catalog.event(id);
        try {
            var command = edit(event, fields);
            return confirmOrSend(event, "edit", fields, model, redirect, () -> catalog.edit(command));
        } catch (DomainException refused) {
            return refusedOn(event, fields, refused, model);
        }
    }

    @PostMapping("/reschedule")
    String reschedule(
            @PathVariable String id,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect) {
        var event = catalog.event(id);
        try {
            var startsAt = startsAt(fields.get("startsAt"));
            var command = EditEvent.reschedule(event.id(), startsAt);
            return confirmOrSend(event, "reschedule", fields, model, redirect, () -> catalog.edit(command));
        } catch (DomainException refused) {
            return refusedOn(event, fields, refused, model);
        }
    }

    @PostMapping("/cancel")
    String cancel(
            @PathVariable String id,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect) {
        var event = catalog.event(id);
        try {
            var reason = fields.getOrDefault("reason", "").strip();
            if (reason.isEmpty()) {
                throw new DomainException(InvalidValue.of("reason", Rule.REQUIRED), "reason must not be blank");
            }
            var command = new CancelEvent(event.id(), reason);
            return confirmOrSend(event, "cancel", fields, model, redirect, () -> catalog.cancel(command));
        } catch (DomainException refused) {
            return refusedOn(event, fields, refused, model);
        }
    }

    /** Shows the confirmation first; sends once it is confirmed, then shows the event's page with a notice. */
    private String confirmOrSend(
            EventView event,
            String action,
            Map<String, String> fields,
            Model model,
            RedirectAttributes redirect,
            Supplier<EventView> send) {
        checkChangeable(event);
        if (!"true".equals(fields.get(CONFIRMED))) {
            var values = new LinkedHashMap<>(fields);
            values.remove("_csrf");
            values.remove(CONFIRMED);
            model.addAttribute("event", event);
            model.addAttribute("action", action);
            model.addAttribute("values", values);
            model.addAttribute("bookers", ledger.bookersOf(event.id()));
            model.addAttribute("newStartsAt", "reschedule".equals(action) ? startsAt(fields.get("startsAt")) : null);
            return "admin/event-life-confirm";
        }
        redirect.addFlashAttribute(CHANGED, send.get());
        redirect.addFlashAttribute("notice", "admin.life.done." + action);
        return "redirect:/admin/events/" + event.id();
    }

    /** What the page can tell before the seat map is asked: a cancelled or past event takes no change. */
    private void checkChangeable(EventView event) {
        if (event.cancelled()) {
            throw new DomainException(io.seatwise.api.Refusal.Plain.EVENT_CANCELLED, "The event is already cancelled");
        }
        if (!event.startsAt().isAfter(clock.instant())) {
            throw new DomainException(io.seatwise.api.Refusal.Plain.EVENT_OVER, "The event has started");
        }
    }

    private String refusedOn(EventView event, Map<String, String> fields, DomainException refused, Model model) {
        if (refused.code() == ErrorCode.NOT_FOUND) {
            throw refused;
        }
        return page(event, fields, refusals.message(refused), model);
    }

    private String page(EventView event, Map<String, String> fields, String error, Model model) {
        var layout = catalog.availability(event.id().value()).layout();
        var prices = new LinkedHashMap<String, String>();
        for (var category : layout.categories()) {
            var field = PRICE_FIELD + category.code();
            prices.put(
                    category.code(),
                    fields.getOrDefault(field, decimal(event.prices().getOrDefault(category.code(), 0L))));
        }
        model.addAttribute("event", event);
        model.addAttribute("status", event.status(clock.instant()));
        model.addAttribute("categories", layout.categories());
        model.addAttribute("prices", prices);
        model.addAttribute(
                "form",
                Map.of(
                        "title",
                        fields.getOrDefault("title", event.title()),
                        "description",
                        fields.getOrDefault("description", event.description()),
                        "startsAt",
                        // in whole minutes: the browser steps from the value it is given, and a start with seconds
                        // would make every whole minute typed invalid
                        fields.getOrDefault(
                                "startsAt",
                                formats.inputDateTime(event.startsAt().truncatedTo(ChronoUnit.MINUTES))),
                        "reason",
                        fields.getOrDefault("reason", ""),
                        "maxSeatsPerAccount",
                        fields.getOrDefault("maxSeatsPerAccount", String.valueOf(event.maxSeatsPerAccount()))));
        model.addAttribute("bookers", ledger.bookersOf(event.id()));
        model.addAttribute("error", error);
        return "admin/event-life";
    }

    /** Only what differs from the event as it is, so that an unchanged form changes nothing. */
    private EditEvent edit(EventView event, Map<String, String> fields) {
        var title = fields.get("title");
        var description = fields.get("description");
        var prices = new LinkedHashMap<String, Long>();
        for (var code : List.copyOf(event.prices().keySet())) {
            prices.put(code, cents(fields.get(PRICE_FIELD + code)));
        }
        var limit = limit(fields.get("maxSeatsPerAccount"));
        var command = new EditEvent(
                event.id(),
                title == null || title.strip().equals(event.title()) ? null : title,
                description == null || description.strip().equals(event.description()) ? null : description,
                null,
                null,
                prices.equals(event.prices()) ? null : prices,
                limit == null || limit == event.maxSeatsPerAccount() ? null : limit);
        if (command.empty()) {
            throw new DomainException(io.seatwise.api.Refusal.Plain.NOTHING_TO_CHANGE, "Nothing was changed");
        }
        return command;
    }

    private java.time.Instant startsAt(String text) {
        try {
            // checked before the confirmation, as the seat map will check it
            return Starts.checked(
                    formats.parseInputDateTime(LocalDateTime.parse(text == null ? "" : text.strip())), clock.instant());
        } catch (DateTimeParseException e) {
            throw new DomainException(InvalidValue.of("startsAt", Rule.REQUIRED), "startsAt is missing");
        }
    }

    /** The limit of seats per account as typed, or null when the field is left out or empty (unchanged). */
    private static Integer limit(String text) {
        var typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return null;
        }
        if (!typed.matches("\\d{1,9}")) {
            throw new DomainException(
                    InvalidValue.outOfRange("maxSeatsPerAccount", 0, BookingRules.MAX_SEATS_PER_ACCOUNT),
                    "maxSeatsPerAccount is not a whole number");
        }
        return Integer.valueOf(typed);
    }

    /** A price as typed ("25", "25.5", "25,50"), in cents. */
    private static long cents(String text) {
        var typed = text == null ? "" : text.strip();
        if (!typed.matches("\\d{1,8}([.,]\\d{1,2})?")) {
            throw new DomainException(
                    InvalidValue.outOfRange("prices", 0, AdminPageController.MAX_PRICE), "A price is not a number");
        }
        return new BigDecimal(typed.replace(',', '.')).movePointRight(2).longValueExact();
    }

    private static String decimal(long cents) {
        return BigDecimal.valueOf(cents).movePointLeft(2).toPlainString();
    }
}
