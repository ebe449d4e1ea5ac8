package io.seatwise.web.event;

import io.seatwise.api.event.CancelEvent;
import io.seatwise.api.event.EditEvent;
import io.seatwise.api.event.EventId;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.event.EventApiController.EventResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An event's life after scheduling (SPEC §1): edited, rescheduled and cancelled by admins. */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events")
class EventLifeApiController {

    private final Catalog catalog;
    private final Clock clock;

    EventLifeApiController(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Any of the parts; those left out (or null) stay as they are. */
    record EditEventRequest(
            @Schema(description = "1 to 200 characters") String title,

            @Schema(description = "At most 4,000 characters; empty for none")
            String description,

            @Schema(description = "A new start, in the future: reschedules the event and mails every booker")
            Instant startsAt,

            @Schema(description = "The price of every seat, in cents, for bookings made from now on; or give prices")
            Long priceCents,

            @Schema(description = "Category code to price in cents, for every category of the event's layout")
            Map<String, Long> prices,

            @Schema(
                    description = "Seats one account may hold for this event at once, 0 for no limit; applies to "
                            + "bookings made from now on (seats held already stay held)",
                    minimum = "0",
                    maximum = "40000")
            Integer maxSeatsPerAccount) {}

    /** Why the event is called off, told to every booker. */
    record CancelEventRequest(
            @Schema(description = "1 to 1,000 characters") String reason) {}

    @PatchMapping("/{id}")
    @Operation(
            operationId = "editEvent",
            summary = "Edit or reschedule an event",
            description = "Changes title, description and prices (for bookings made afterwards; bookings keep what "
                    + "they cost), the limit of seats per account (for bookings made afterwards) and, with startsAt, reschedules the event: every booker is mailed once and may "
                    + "cancel a booking made before the reschedule until the new start, without the usual cutoff. "
                    + "All parts are changed together or none.")
    @ApiRefusal(status = 400, when = "Nothing to change was given.", examples = "nothing-to-change")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    @ApiRefusal(
            status = 409,
            when = "The event is cancelled (reason event-cancelled), or has started (reason event-over).",
            examples = {"event-already-cancelled", "event-over"})
    EventResponse edit(@PathVariable String id, @RequestBody EditEventRequest request) {
        var event = catalog.edit(new EditEvent(
                EventId.of(id),
                request.title(),
                request.description(),
                request.startsAt(),
                request.priceCents(),
                request.prices(),
                request.maxSeatsPerAccount()));
        return EventResponse.of(event, clock.instant());
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelEvent",
            summary = "Cancel an event",
            description = "Releases every booking of the event and mails each booker once, with the reason. The "
                    + "event stays listed with status cancelled; booking it is refused (409 event-cancelled).")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    @ApiRefusal(
            status = 409,
            when = "The event is already cancelled (reason event-cancelled), or has started (reason event-over).",
            examples = {"event-already-cancelled", "event-over"})
    EventResponse cancel(@PathVariable String id, @RequestBody CancelEventRequest request) {
        var event = catalog.cancel(new CancelEvent(EventId.of(id), request.reason()));
        return EventResponse.of(event, clock.instant());
    }
}
