package io.seatwise.web.event;

import io.seatwise.api.booking.SeatMapView;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.api.ApiRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
@Tag(name = "Events")
class EventApiController {

    private final Catalog catalog;

    EventApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    record ScheduleEventRequest(
            @NotBlank @Size(max = 64) String venueId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull Instant startsAt,
            @NotNull @PositiveOrZero Long priceCents) {}

    record EventResponse(
            String id,
            String title,
            String description,
            String venueId,
            String venueName,
            Instant startsAt,
            long priceCents,
            int capacity,
            int available,
            int booked) {

        static EventResponse of(EventView event) {
            return new EventResponse(
                    event.id().value(),
                    event.title(),
                    event.description(),
                    event.venueId().value(),
                    event.venueName(),
                    event.startsAt(),
                    event.priceCents(),
                    event.capacity(),
                    event.available(),
                    event.booked());
        }
    }

    @GetMapping
    @Operation(operationId = "listEvents", summary = "Upcoming events, soonest first, a page at a time")
    List<EventResponse> events(
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Events per page, 1 to " + Catalog.MAX_PAGE_SIZE)
                    @RequestParam(defaultValue = "20")
                    int size) {
        return catalog.upcoming(page, size).stream().map(EventResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getEvent", summary = "One event and how many of its seats are available")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    EventResponse event(@PathVariable String id) {
        return EventResponse.of(catalog.event(id));
    }

    @GetMapping("/{id}/seats")
    @Operation(operationId = "getSeatMap", summary = "An event's seat layout and its booked seats")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    SeatMapView seats(@PathVariable String id) {
        return catalog.seatMap(id);
    }

    @PostMapping
    @Operation(operationId = "scheduleEvent", summary = "Schedule an event at a venue")
    @ApiResponse(responseCode = "201", description = "Scheduled; all seats available", useReturnTypeSchema = true)
    @ApiRefusal(status = 404, when = "No such venue.", examples = "venue-not-found")
    ResponseEntity<EventResponse> schedule(@Valid @RequestBody ScheduleEventRequest request) {
        var eventId = EventId.random();
        var venue = catalog.schedule(new ScheduleEvent(
                eventId,
                VenueId.of(request.venueId()),
                request.title(),
                request.description(),
                request.startsAt(),
                request.priceCents()));
        var event = new EventResponse(
                eventId.value(),
                request.title().strip(),
                request.description() == null ? "" : request.description().strip(),
                venue.id().value(),
                venue.name(),
                request.startsAt(),
                request.priceCents(),
                venue.capacity(),
                venue.capacity(),
                0);
        return ResponseEntity.created(URI.create("/api/events/" + eventId)).body(event);
    }
}
