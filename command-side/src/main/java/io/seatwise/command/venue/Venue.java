package io.seatwise.command.venue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal.InvalidValue;
import io.seatwise.api.Refusal.InvalidValue.Rule;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.command.Texts;
import io.seatwise.command.booking.SeatMap;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A place with a fixed, rectangular seat layout. Scheduling an event here creates the event's seat map, a separate
 * aggregate that copies the layout, so that booking never has to touch the venue.
 */
@Aggregate
public class Venue {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 4_000;

    @AggregateIdentifier
    private VenueId venueId;

    private String name;
    private String city;
    private SeatLayout layout;

    protected Venue() {}

    @CommandHandler
    Venue(CreateVenue command) {
        var name = Texts.required(command.name(), "name", MAX_NAME_LENGTH);
        var city = Texts.required(command.city(), "city", MAX_NAME_LENGTH);
        var layout = new SeatLayout(command.rows(), command.seatsPerRow());
        apply(new VenueCreated(command.venueId(), name, city, layout.rows(), layout.seatsPerRow()));
    }

    /** Answers with the venue, so that the caller can describe the new event without waiting for the read side. */
    @CommandHandler
    VenueView handle(ScheduleEvent command, Clock clock) throws Exception {
        var title = Texts.required(command.title(), "title", MAX_TITLE_LENGTH);
        var description = Texts.optional(command.description(), "description", MAX_DESCRIPTION_LENGTH);
        if (command.startsAt() == null || !command.startsAt().isAfter(clock.instant())) {
            throw new DomainException(
                    InvalidValue.of("startsAt", Rule.NOT_IN_FUTURE), "startsAt must be in the future");
        }
        if (command.priceCents() < 0) {
            throw new DomainException(InvalidValue.of("priceCents", Rule.NEGATIVE), "priceCents must not be negative");
        }
        var scheduled = new EventScheduled(
                command.eventId(),
                venueId,
                title,
                description,
                command.startsAt(),
                command.priceCents(),
                layout.rows(),
                layout.seatsPerRow());
        AggregateLifecycle.createNew(SeatMap.class, () -> new SeatMap(scheduled));
        return new VenueView(venueId, name, city, layout.rows(), layout.seatsPerRow(), layout.capacity());
    }

    @EventSourcingHandler
    void on(VenueCreated event) {
        venueId = event.venueId();
        name = event.name();
        city = event.city();
        layout = new SeatLayout(event.rows(), event.seatsPerRow());
    }
}
