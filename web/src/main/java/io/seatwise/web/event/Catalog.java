package io.seatwise.web.event;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.booking.FindSeatAvailability;
import io.seatwise.api.booking.FindSeatMap;
import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.booking.SeatMapView;
import io.seatwise.api.event.CancelEvent;
import io.seatwise.api.event.EditEvent;
import io.seatwise.api.event.EventChanges;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.FindEvent;
import io.seatwise.api.event.FindUpcomingEvents;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.venue.ChangeVenue;
import io.seatwise.api.venue.FindVenue;
import io.seatwise.api.venue.FindVenues;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Venues and events as the pages and the API see them: scheduling, and reading venues, events and seat maps (a 404
 * when there is none).
 */
@Service
public class Catalog {

    public static final int MAX_PAGE_SIZE = 100;

    /** How long a change waits at most for the read side to show an event that was just scheduled. */
    private static final Duration READ_SIDE_PATIENCE = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final QueryGateway queries;

    Catalog(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Schedules an event and answers with it as its venue scheduled it (the read side may lag). */
    public EventView schedule(ScheduleEvent command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new DomainException(Refusal.Plain.NO_SUCH_VENUE, "No such venue");
        }
    }

    /** Changes a venue and answers with the venue as it now is, as the venue itself knows it. */
    public VenueView change(ChangeVenue command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new DomainException(Refusal.Plain.NO_SUCH_VENUE, "No such venue");
        }
    }

    /**
     * Edits or reschedules an event and answers with it as it now is: as the read side shows it, with what the seat
     * map just changed laid over it (the read side may lag).
     */
    public EventView edit(EditEvent command) {
        EventChanges changes = send(command);
        var view = eventAfter(command.eventId());
        var edited = changes.edited();
        var rescheduled = changes.rescheduled();
        return new EventView(
                view.id(),
                edited == null || edited.title() == null ? view.title() : edited.title(),
                edited == null || edited.description() == null ? view.description() : edited.description(),
                view.venueId(),
                view.venueName(),
                view.venueCity(),
                rescheduled == null ? view.startsAt() : rescheduled.startsAt(),
                edited == null || edited.prices() == null ? view.priceCents() : edited.fromCents(),
                edited == null || edited.prices() == null ? view.prices() : edited.prices(),
                view.singleSeatRule(),
                view.capacity(),
                view.booked(),
                view.cancelReason(),
                edited == null || edited.maxSeatsPerAccount() == null
                        ? view.maxSeatsPerAccount()
                        : edited.maxSeatsPerAccount());
    }

    /** Cancels an event and answers with it cancelled, every seat released. */
    public EventView cancel(CancelEvent command) {
        send(command);
        var view = eventAfter(command.eventId());
        return new EventView(
                view.id(),
                view.title(),
                view.description(),
                view.venueId(),
                view.venueName(),
                view.venueCity(),
                view.startsAt(),
                view.priceCents(),
                view.prices(),
                view.singleSeatRule(),
                view.capacity(),
                0,
                command.reason().strip(),
                view.maxSeatsPerAccount());
    }

    /**
     * The event as the read side shows it, once it shows it at all: an event scheduled a moment ago may not be there
     * yet when the seat map has already changed it.
     */
    private EventView eventAfter(EventId eventId) {
        var deadline = System.nanoTime() + READ_SIDE_PATIENCE.toNanos();
        while (true) {
            var view = queries.query(new FindEvent(eventId), ResponseTypes.optionalInstanceOf(EventView.class))
                    .join();
            if (view.isPresent() || System.nanoTime() > deadline) {
                return view.orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private <R> R send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event");
        }
    }

    public List<EventView> upcoming(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainException(
                    page < 0
                            ? InvalidValue.of("page", Rule.NEGATIVE)
                            : InvalidValue.outOfRange("size", 1, MAX_PAGE_SIZE),
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // far past the last event; the database cannot even be asked for an offset this large
            return List.of();
        }
        return queries.query(new FindUpcomingEvents(page, size), ResponseTypes.multipleInstancesOf(EventView.class))
                .join();
    }

    public EventView event(String id) {
        return queries.query(new FindEvent(EventId.of(id)), ResponseTypes.optionalInstanceOf(EventView.class))
                .join()
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event"));
    }

    public SeatMapView seatMap(String id) {
        return queries.query(new FindSeatMap(EventId.of(id)), ResponseTypes.optionalInstanceOf(SeatMapView.class))
                .join()
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event"));
    }

    /** The booked seats of an event as a bit set: what pages and open seat maps read. */
    public SeatAvailability availability(String id) {
        return queries.query(
                        new FindSeatAvailability(EventId.of(id)),
                        ResponseTypes.optionalInstanceOf(SeatAvailability.class))
                .join()
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event"));
    }

    public List<VenueView> venues() {
        return queries.query(new FindVenues(), ResponseTypes.multipleInstancesOf(VenueView.class))
                .join();
    }

    public VenueView venue(String id) {
        return queries.query(new FindVenue(VenueId.of(id)), ResponseTypes.optionalInstanceOf(VenueView.class))
                .join()
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_VENUE, "No such venue"));
    }
}
