package io.seatwise.web.venue;

import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.event.Catalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    record CreateVenueRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String city,
            @NotNull @Min(1) @Max(200) Integer rows,
            @NotNull @Min(1) @Max(200) Integer seatsPerRow) {}

    @GetMapping
    @Operation(operationId = "listVenues", summary = "All venues")
    List<VenueView> venues() {
        return catalog.venues();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getVenue", summary = "One venue")
    @ApiRefusal(status = 404, when = "No such venue.", examples = "venue-not-found")
    VenueView venue(@PathVariable String id) {
        return catalog.venue(id);
    }

    @PostMapping
    @Operation(operationId = "createVenue", summary = "Create a venue with rows of seats")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<VenueView> create(@Valid @RequestBody CreateVenueRequest request) {
        var venueId = VenueId.random();
        commands.sendAndWait(
                new CreateVenue(venueId, request.name(), request.city(), request.rows(), request.seatsPerRow()));
        var venue = new VenueView(
                venueId,
                request.name().strip(),
                request.city().strip(),
                request.rows(),
                request.seatsPerRow(),
                request.rows() * request.seatsPerRow());
        return ResponseEntity.created(URI.create("/api/venues/" + venueId)).body(venue);
    }
}
