package io.seatwise.web.event;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.booking.SeatMapView;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.api.ApiRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private final Clock clock;

    EventApiController(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Priced by {@code priceCents} for every seat, or by {@code prices}, one per category code of the layout. */
    record ScheduleEventRequest(
            @NotBlank @Size(max = 64) String venueId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull Instant startsAt,

            @Schema(description = "The price of every seat, in cents; or give prices")
            Long priceCents,

            @Schema(description = "Category code to price in cents, for every category of the venue's layout")
            Map<String, Long> prices,

            @Schema(
                    allowableValues = {"allow", "refuse"},
                    defaultValue = "allow")
            String singleSeatRule,

            @Schema(
                    description = "Seats one account may hold for this event at once, 0 for no limit; when left "
                            + "out, SEATWISE_BOOKING_MAX_SEATS_PER_ACCOUNT (20 unless configured)",
                    minimum = "0",
                    maximum = "40000")
            Integer maxSeatsPerAccount) {

        SingleSeatRule rule() {
            if (singleSeatRule == null) {
                return SingleSeatRule.ALLOW;
            }
            var rule = SingleSeatRule.of(singleSeatRule);
            if (rule == null) {
                throw new DomainException(
                        InvalidValue.of("singleSeatRule", Rule.NOT_A_CHOICE),
                        "singleSeatRule is allow or refuse, not " + singleSeatRule);
            }
            return rule;
        }
    }

    /**
     * An event; {@code priceCents} is its lowest price (every seat's when it has one price), {@code prices} the price of
     * each category code, {@code status} {@code scheduled}, {@code cancelled} (with {@code cancelReason}) or {@code over},
     * {@code maxSeatsPerAccount} the seats one account may hold for it at once (0: no limit).
     */
    record EventResponse(
            String id,
            String title,
            String description,
            String venueId,
            String venueName,
            Instant startsAt,
            String status,
            long priceCents,
            Map<String, Long> prices,
            SingleSeatRule singleSeatRule,
            int maxSeatsPerAccount,
            int capacity,
            int available,
            int booked,
            String cancelReason) {

        static EventResponse of(EventView event, Instant now) {
            return new EventResponse(
                    event.id().value(),
                    event.title(),
                    event.description(),
                    event.venueId().value(),
                    event.venueName(),
                    event.startsAt(),
                    event.status(now),
                    event.priceCents(),
                    new TreeMap<>(event.prices()),
                    event.singleSeatRule(),
                    event.maxSeatsPerAccount(),
                    event.capacity(),
                    event.available(),
                    event.booked(),
                    event.cancelReason());
        }
    }

    @GetMapping
    @Operation(operationId = "listEvents", summary = "Upcoming events, soonest first, a page at a time")
    List<EventResponse> events(
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Events per page, 1 to " + Catalog.MAX_PAGE_SIZE)
                    @RequestParam(defaultValue = "20")
                    int size) {
        var now = clock.instant();
        return catalog.upcoming(page, size).stream()
                .map(event -> EventResponse.of(event, now))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getEvent", summary = "One event and how many of its seats are available")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    EventResponse event(@PathVariable String id) {
        return EventResponse.of(catalog.event(id), clock.instant());
    }

    @GetMapping("/{id}/seats")
    @Operation(operationId = "getSeatMap", summary = "An event's seat layout and its booked seats")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    SeatsResponse seats(@PathVariable String id) {
        return SeatsResponse.of(catalog.seatMap(id));
    }

    /**
     * The seats of an event: its layout (as scheduled), and the seat numbers that are booked or held, ascending.
     * {@code rows} and {@code seatsPerRow} are as for a venue.
     */
    record SeatsResponse(
            String eventId,
            int rows,
            int seatsPerRow,
            int capacity,
            List<Integer> booked,
            List<Integer> held,
            SeatLayout layout) {

        static SeatsResponse of(SeatMapView seats) {
            return new SeatsResponse(
                    seats.eventId().value(),
                    seats.rows(),
                    seats.seatsPerRow(),
                    seats.capacity(),
                    seats.booked(),
                    seats.held(),
                    seats.layout());
        }
    }

    @PostMapping
    @Operation(operationId = "scheduleEvent", summary = "Schedule an event at a venue")
    @ApiResponse(responseCode = "201", description = "Scheduled; all seats available", useReturnTypeSchema = true)
    @ApiRefusal(status = 404, when = "No such venue.", examples = "venue-not-found")
    ResponseEntity<EventResponse> schedule(@Valid @RequestBody ScheduleEventRequest request) {
        var eventId = EventId.random();
        var event = catalog.schedule(new ScheduleEvent(
                eventId,
                VenueId.of(request.venueId()),
                request.title(),
                request.description(),
                request.startsAt(),
                request.priceCents(),
                request.prices(),
                request.rule(),
                request.maxSeatsPerAccount()));
        return ResponseEntity.created(URI.create("/api/events/" + eventId))
                .body(EventResponse.of(event, clock.instant()));
    }
}
