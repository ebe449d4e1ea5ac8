package io.seatwise.api.event;

import io.seatwise.api.venue.VenueId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts an event on sale at a venue; the venue creates the event's seat map from its layout, with every seat
 * available.
 */
public record ScheduleEvent(
        EventId eventId,
        @TargetAggregateIdentifier VenueId venueId,
        String title,
        String description,
        Instant startsAt,
        long priceCents) {}
