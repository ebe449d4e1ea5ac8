package io.seatwise.command.venue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.Prices;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.venue.ChangeVenue;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueChanged;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.command.Starts;
import io.seatwise.command.Texts;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.command.booking.SeatMap;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A place with a seat layout (SPEC §1), which may change for events scheduled later. Scheduling an event here creates the event's seat map, a separate
 * aggregate that copies the layout as it is then, so that booking never has to touch the venue.
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
        var name = Texts.requiredLine(command.name(), "name", MAX_NAME_LENGTH);
        var city = Texts.requiredLine(command.city(), "city", MAX_NAME_LENGTH);
        apply(new VenueCreated(command.venueId(), name, city, required(command.layout())));
    }

    /** Renames the venue and, if a layout is given, changes it for events scheduled from now on. */
    @CommandHandler
    VenueView handle(ChangeVenue command) {
        var newName = Texts.requiredLine(command.name(), "name", MAX_NAME_LENGTH);
        var newCity = Texts.requiredLine(command.city(), "city", MAX_NAME_LENGTH);
        var newLayout = command.layout() == null ? layout : command.layout();
        if (!newName.equals(name) || !newCity.equals(city) || !newLayout.equals(layout)) {
            apply(new VenueChanged(venueId, newName, newCity, newLayout));
        }
        return new VenueView(venueId, name, city, layout);
    }

    /**
     * Answers with the event as scheduled, so that the caller can describe it without waiting for the read side. An
     * event scheduled without a limit of seats per account gets the configured one ({@link BookingRules}).
     */
    @CommandHandler
    EventView handle(ScheduleEvent command, BookingRules rules, Clock clock) throws Exception {
        var title = Texts.requiredLine(command.title(), "title", MAX_TITLE_LENGTH);
        var description = Texts.optional(command.description(), "description", MAX_DESCRIPTION_LENGTH);
        Starts.checked(command.startsAt(), clock.instant());
        var prices = Prices.of(layout, command.priceCents(), command.prices());
        var maxSeatsPerAccount = rules.limitOrDefault(command.maxSeatsPerAccount());
        var scheduled = new EventScheduled(
                command.eventId(),
                venueId,
                title,
                description,
                command.startsAt(),
                prices,
                layout,
                command.singleSeatRule(),
                maxSeatsPerAccount);
        AggregateLifecycle.createNew(SeatMap.class, () -> new SeatMap(scheduled));
        return new EventView(
                scheduled.eventId(),
                title,
                description,
                venueId,
                name,
                city,
                scheduled.startsAt(),
                scheduled.lowestPriceCents(),
                prices,
                scheduled.singleSeatRule(),
                layout.capacity(),
                0,
                null,
                maxSeatsPerAccount);
    }

    private static SeatLayout required(SeatLayout layout) {
        if (layout == null) {
            throw new DomainException(
                    InvalidValue.of("layout", Rule.REQUIRED), "A venue needs a layout, or rows and seatsPerRow");
        }
        return layout;
    }

    @EventSourcingHandler
    void on(VenueCreated event) {
        venueId = event.venueId();
        name = event.name();
        city = event.city();
        layout = event.layout();
    }

    @EventSourcingHandler
    void on(VenueChanged event) {
        name = event.name();
        city = event.city();
        layout = event.layout();
    }
}
