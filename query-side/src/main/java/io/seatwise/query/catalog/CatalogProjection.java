package io.seatwise.query.catalog;

import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.FindEvent;
import io.seatwise.api.event.FindUpcomingEvents;
import io.seatwise.api.venue.FindVenue;
import io.seatwise.api.venue.FindVenues;
import io.seatwise.api.venue.VenueChanged;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Venues and the events on sale at them, with how many seats each event has left. */
@Component
@ProcessingGroup(CatalogProjection.GROUP)
class CatalogProjection {

    static final String GROUP = "catalog";

    private final VenueRepository venues;
    private final EventSummaryRepository events;
    private final Clock clock;

    CatalogProjection(VenueRepository venues, EventSummaryRepository events, Clock clock) {
        this.venues = venues;
        this.events = events;
        this.clock = clock;
    }

    @EventHandler
    void on(VenueCreated event) {
        venues.save(new VenueEntity(event));
    }

    @EventHandler
    void on(VenueChanged event) {
        venues.findById(event.venueId().value())
                .ifPresent(venue -> venue.change(event.name(), event.city(), event.layout()));
    }

    @EventHandler
    void on(EventScheduled event, @SequenceNumber long sequence) {
        if (!events.existsById(event.eventId().value())) {
            events.save(new EventSummaryEntity(event, sequence));
        }
    }

    @EventHandler
    void on(EventEdited event) {
        events.findById(event.eventId().value()).ifPresent(summary -> {
            summary.edit(event.title(), event.description(), event.prices(), event.fromCents());
            if (event.maxSeatsPerAccount() != null) {
                summary.limit(event.maxSeatsPerAccount());
            }
        });
    }

    @EventHandler
    void on(EventRescheduled event) {
        events.findById(event.eventId().value()).ifPresent(summary -> summary.reschedule(event.startsAt()));
    }

    @EventHandler
    void on(EventCancelled event) {
        events.findById(event.eventId().value()).ifPresent(summary -> summary.cancel(event.reason()));
    }

    @EventHandler
    void on(SeatsBooked event, @SequenceNumber long sequence) {
        events.findById(event.eventId().value())
                .ifPresent(summary -> summary.changeBooked(event.seats().size(), sequence));
    }

    @EventHandler
    void on(SeatsReleased event, @SequenceNumber long sequence) {
        events.findById(event.eventId().value())
                .ifPresent(summary -> summary.changeBooked(-event.seats().size(), sequence));
    }

    @ResetHandler
    void reset() {
        events.deleteAllInBatch();
        venues.deleteAllInBatch();
    }

    @QueryHandler
    List<VenueView> handle(FindVenues query) {
        return venues.findAllByOrderByNameAsc().stream()
                .map(VenueEntity::toView)
                .toList();
    }

    @QueryHandler
    Optional<VenueView> handle(FindVenue query) {
        return venues.findById(query.venueId().value()).map(VenueEntity::toView);
    }

    @QueryHandler
    List<EventView> handle(FindUpcomingEvents query) {
        var page = events.findByStartsAtAfterOrderByStartsAtAscIdAsc(
                clock.instant(), PageRequest.of(query.page(), query.size()));
        Map<String, VenueEntity> venuesById =
                venues
                        .findAllById(page.stream()
                                .map(EventSummaryEntity::venueId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(VenueEntity::id, Function.identity()));
        return page.stream()
                .map(summary -> summary.toView(venuesById.get(summary.venueId())))
                .toList();
    }

    @QueryHandler
    Optional<EventView> handle(FindEvent query) {
        return events.findById(query.eventId().value())
                .map(summary ->
                        summary.toView(venues.findById(summary.venueId()).orElse(null)));
    }
}
