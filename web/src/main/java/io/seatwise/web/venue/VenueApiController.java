package io.seatwise.web.venue;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.venue.ChangeVenue;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.event.Catalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/venues")
@Tag(name = "Venues")
class VenueApiController {

    private final CommandGateway commands;
    private final Catalog catalog;

    VenueApiController(CommandGateway commands, Catalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    /** A venue's name, city and seats: a {@code layout}, or the plain grid of {@code rows} × {@code seatsPerRow}. */
    record VenueRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String city,
            @Min(1) @Max(200) Integer rows,
            @Min(1) @Max(200) Integer seatsPerRow,

            @Schema(description = "The full form of SPEC §1; instead of rows and seatsPerRow")
            LayoutBody layout) {

        /** The layout asked for, or null when neither form is given. */
        SeatLayout seatLayout() {
            if (layout != null) {
                if (rows != null || seatsPerRow != null) {
                    throw new DomainException(
                            InvalidValue.of("layout", Rule.REQUIRED),
                            "Give a layout, or rows and seatsPerRow, not both");
                }
                return layout.toLayout();
            }
            if (rows == null && seatsPerRow == null) {
                return null;
            }
            if (rows == null || seatsPerRow == null) {
                throw new DomainException(
                        InvalidValue.of(rows == null ? "rows" : "seatsPerRow", Rule.REQUIRED),
                        "A plain grid needs both rows and seatsPerRow");
            }
            return SeatLayout.grid(rows, seatsPerRow);
        }
    }

    /** A layout as a client writes it; checked by {@link SeatLayout}'s own rules when the request is handled. */
    record LayoutBody(List<SeatLayout.Category> categories, List<SeatLayout.Section> sections) {

        SeatLayout toLayout() {
            return new SeatLayout(categories, sections);
        }
    }

    /** A venue in a list: its seats counted, without the layout. */
    record VenueSummary(String id, String name, String city, int rows, int seatsPerRow, int capacity) {

        static VenueSummary of(VenueView venue) {
            return new VenueSummary(
                    venue.id().value(),
                    venue.name(),
                    venue.city(),
                    venue.rows(),
                    venue.seatsPerRow(),
                    venue.capacity());
        }
    }

    /**
     * One venue with its layout in the full form. {@code rows} counts the rows of all sections, {@code seatsPerRow} is
     * the longest row's positions.
     */
    record VenueResponse(
            String id, String name, String city, int rows, int seatsPerRow, int capacity, SeatLayout layout) {

        static VenueResponse of(VenueView venue) {
            return new VenueResponse(
                    venue.id().value(),
                    venue.name(),
                    venue.city(),
                    venue.rows(),
                    venue.seatsPerRow(),
                    venue.capacity(),
                    venue.layout());
        }
    }

    @GetMapping
    @Operation(operationId = "listVenues", summary = "All venues")
    List<VenueSummary> venues() {
        return catalog.venues().stream().map(VenueSummary::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getVenue", summary = "One venue, with its layout")
    @ApiRefusal(status = 404, when = "No such venue.", examples = "venue-not-found")
    VenueResponse venue(@PathVariable String id) {
        return VenueResponse.of(catalog.venue(id));
    }

    @PostMapping
    @Operation(operationId = "createVenue", summary = "Create a venue with a layout, or with rows of seats")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiRefusal(
            status = 400,
            when = "The layout breaks a rule of SPEC §1 (reason invalid-layout; problem says which).",
            examples = "invalid-layout")
    ResponseEntity<VenueResponse> create(@Valid @RequestBody VenueRequest request) {
        var venueId = VenueId.random();
        var layout = request.seatLayout();
        commands.sendAndWait(new CreateVenue(venueId, request.name(), request.city(), layout));
        var venue =
                new VenueView(venueId, request.name().strip(), request.city().strip(), layout);
        return ResponseEntity.created(URI.create("/api/venues/" + venueId)).body(VenueResponse.of(venue));
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "changeVenue",
            summary = "Rename a venue, and change its layout for the events scheduled afterwards")
    @ApiRefusal(
            status = 400,
            when = "The layout breaks a rule of SPEC §1 (reason invalid-layout; problem says which).",
            examples = "invalid-layout")
    @ApiRefusal(status = 404, when = "No such venue.", examples = "venue-not-found")
    VenueResponse change(@PathVariable String id, @Valid @RequestBody VenueRequest request) {
        return VenueResponse.of(
                catalog.change(new ChangeVenue(VenueId.of(id), request.name(), request.city(), request.seatLayout())));
    }
}
