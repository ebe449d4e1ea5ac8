package io.seatwise.web.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.api.DomainException;
import io.seatwise.api.venue.ChangeVenue;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.page.PageRefusals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and editing a venue. The form sends the layout as one JSON field (SPEC §1), which the layout editor
 * (static/js/layout-editor.js) writes as the admin paints; without a script the admin types or pastes it, or leaves it
 * empty and gives rows and seats per row for a plain grid.
 */
@Controller
@RequestMapping("/admin/venues")
class VenueFormController {

    static final String VIEW = "admin/venue-form";

    private final CommandGateway commands;
    private final Catalog catalog;
    private final PageRefusals refusals;
    private final ObjectMapper json;

    VenueFormController(CommandGateway commands, Catalog catalog, PageRefusals refusals, ObjectMapper json) {
        this.commands = commands;
        this.catalog = catalog;
        this.refusals = refusals;
        this.json = json;
    }

    /** The layout as JSON wins; the plain grid's two numbers count only when it is left empty. */
    record VenueForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String city,
            @Size(max = 1_000_000) String layout,
            @Min(1) @Max(200) Integer rows,
            @Min(1) @Max(200) Integer seatsPerRow) {}

    @GetMapping("/new")
    String newVenue(Model model) {
        return form(model, new VenueForm("", "", "", 10, 20), null);
    }

    @PostMapping("/new")
    String create(
            @Valid @ModelAttribute("form") VenueForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var layout = layout(form, result);
        if (layout == null) {
            return form(model, form, null);
        }
        try {
            commands.sendAndWait(new CreateVenue(VenueId.random(), form.name(), form.city(), layout));
        } catch (DomainException refused) {
            refusals.reject(refused, result);
            return form(model, form, null);
        }
        redirect.addFlashAttribute("notice", "admin.venue.created");
        return "redirect:/admin";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) throws JsonProcessingException {
        var venue = catalog.venue(id);
        var form = new VenueForm(venue.name(), venue.city(), written(venue.layout()), null, null);
        return form(model, form, venue.id());
    }

    /**
     * The layout as JSON with one line per category and row, as the editor writes it: readable, and small enough that
     * a form with a venue of 40,000 seats stays within the size of a form post.
     */
    private String written(SeatLayout layout) throws JsonProcessingException {
        var text = new StringBuilder("{\"categories\": [\n");
        var categories = layout.categories();
        for (int i = 0; i < categories.size(); i++) {
            var category = categories.get(i);
            text.append("  {\"code\": ")
                    .append(json.writeValueAsString(category.code()))
                    .append(", \"name\": ")
                    .append(json.writeValueAsString(category.name()))
                    .append(", \"kind\": ")
                    .append(json.writeValueAsString(category.kind()))
                    .append(i < categories.size() - 1 ? "},\n" : "}\n");
        }
        text.append(" ],\n \"sections\": [\n");
        var sections = layout.sections();
        for (int s = 0; s < sections.size(); s++) {
            text.append("  {\"name\": ")
                    .append(json.writeValueAsString(sections.get(s).name()))
                    .append(", \"rows\": [\n");
            var rows = sections.get(s).rows();
            for (int r = 0; r < rows.size(); r++) {
                text.append("    {\"label\": ")
                        .append(json.writeValueAsString(rows.get(r).label()))
                        .append(", \"seats\": ")
                        .append(json.writeValueAsString(rows.get(r).seats()))
                        .append(r < rows.size() - 1 ? "},\n" : "}\n");
            }
            text.append(s < sections.size() - 1 ? "  ]},\n" : "  ]}\n");
        }
        return text.append(" ]}").toString();
    }

    @PostMapping("/{id}/edit")
    String change(
            @PathVariable String id,
            @Valid @ModelAttribute("form") VenueForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var venueId = VenueId.of(id);
        var layout = layout(form, result);
        if (layout == null) {
            return form(model, form, venueId);
        }
        try {
            catalog.change(new ChangeVenue(venueId, form.name(), form.city(), layout));
        } catch (DomainException refused) {
            refusals.reject(refused, result);
            return form(model, form, venueId);
        }
        redirect.addFlashAttribute("notice", "admin.venue.changed");
        return "redirect:/admin";
    }

    private static String form(Model model, VenueForm form, VenueId editing) {
        model.addAttribute("form", form);
        model.addAttribute("venueId", editing == null ? null : editing.value());
        return VIEW;
    }

    /** The layout the form asks for, or null when the form has errors (then they are on the binding result). */
    private SeatLayout layout(VenueForm form, BindingResult result) {
        if (result.hasErrors()) {
            return null;
        }
        if (form.layout() != null && !form.layout().isBlank()) {
            return parsed(form.layout(), result);
        }
        if (form.rows() == null || form.seatsPerRow() == null) {
            result.rejectValue("layout", "admin.layout.required");
            return null;
        }
        try {
            return SeatLayout.grid(form.rows(), form.seatsPerRow());
        } catch (DomainException refused) {
            refusals.reject(refused, result);
            return null;
        }
    }

    private SeatLayout parsed(String text, BindingResult result) {
        try {
            var layout = json.readValue(text, SeatLayout.class);
            if (layout == null) {
                result.rejectValue("layout", "admin.layout.required");
            }
            return layout;
        } catch (JsonProcessingException e) {
            // SeatLayout checks itself in its constructor; Jackson hands on what it refused as the cause
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException refused) {
                    refusals.reject(refused, result);
                    return null;
                }
            }
            // Jackson's own words name Java types, so only where it stopped is shown
            var where = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
            result.rejectValue(
                    "layout",
                    "admin.layout.notJson",
                    new Object[] {Math.max(where.getLineNr(), 1), Math.max(where.getColumnNr(), 1)},
                    null);
            return null;
        }
    }
}
