package io.seatwise.web.admin;

import io.seatwise.api.DomainException;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.Formats;
import io.seatwise.web.page.PageRefusals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/** The admin's pages: a dashboard of figures, and the forms that create venues and schedule events. */
@Controller
@RequestMapping("/admin")
class AdminPageController {

    private final CommandGateway commands;
    private final Catalog catalog;
    private final Statistics statistics;
    private final Formats formats;
    private final PageRefusals refusals;

    AdminPageController(
            CommandGateway commands, Catalog catalog, Statistics statistics, Formats formats, PageRefusals refusals) {
        this.commands = commands;
        this.catalog = catalog;
        this.statistics = statistics;
        this.formats = formats;
        this.refusals = refusals;
    }

    record VenueForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String city,
            @NotNull @Min(1) @Max(200) Integer rows,
            @NotNull @Min(1) @Max(200) Integer seatsPerRow) {}

    record EventForm(
            @NotBlank String venueId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime startsAt,

            @NotNull @PositiveOrZero @Max(10_000_000) BigDecimal price) {}

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
        return "admin/dashboard";
    }

    private static double occupancy(StatisticsView.Totals totals) {
        return totals.capacity() == 0 ? 0 : (double) totals.booked() / totals.capacity();
    }

    @GetMapping("/venues/new")
    String venueForm(Model model) {
        model.addAttribute("form", new VenueForm("", "", 10, 20));
        return "admin/venue-form";
    }

    @PostMapping("/venues/new")
    String createVenue(
            @Valid @ModelAttribute("form") VenueForm form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "admin/venue-form";
        }
        try {
            commands.sendAndWait(new CreateVenue(
                    VenueId.random(), form.name(), form.city(), SeatLayout.grid(form.rows(), form.seatsPerRow())));
        } catch (DomainException refused) {
            refusals.reject(refused, result);
            return "admin/venue-form";
        }
        redirect.addFlashAttribute("notice", "admin.venue.created");
        return "redirect:/admin";
    }

    @GetMapping("/events/new")
    String eventForm(Model model) {
        model.addAttribute("form", new EventForm("", "", "", null, BigDecimal.ZERO));
        model.addAttribute("venues", catalog.venues());
        return "admin/event-form";
    }

    @PostMapping("/events/new")
    String scheduleEvent(
            @Valid @ModelAttribute("form") EventForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                var eventId = EventId.random();
                catalog.schedule(ScheduleEvent.priced(
                        eventId,
                        VenueId.of(form.venueId()),
                        form.title(),
                        form.description(),
                        formats.parseInputDateTime(form.startsAt()),
                        form.price().movePointRight(2).longValue()));
                redirect.addFlashAttribute("notice", "admin.event.created");
                return "redirect:/events/" + eventId;
            } catch (DomainException refused) {
                refusals.reject(refused, result);
            }
        }
        model.addAttribute("venues", catalog.venues());
        return "admin/event-form";
    }
}
