package io.seatwise.command.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookedSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.venue.ChangeVenue;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.Layouts;
import io.seatwise.command.StoredMessages;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.command.booking.SeatMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A venue and the seat maps it schedules, wired by Axon as the application wires them, with their events written as
 * JSON: a new layout applies to the events scheduled afterwards, and an event scheduled before keeps its own.
 */
class LayoutChangeTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final VenueId VENUE = VenueId.of("venue-1");
    private static final EventId BEFORE = EventId.of("event-before");
    private static final EventId AFTER = EventId.of("event-after");

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureSerializer(configuration -> StoredMessages.serializer())
                .configureAggregate(Venue.class)
                .configureAggregate(SeatMap.class)
                .registerComponent(Clock.class, configuration -> Clock.fixed(NOW, ZoneOffset.UTC))
                .registerComponent(BookingRules.class, configuration -> BookingRules.defaults())
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void eventScheduledBeforeALayoutChangeKeepsItsLayout() {
        commands.sendAndWait(new CreateVenue(VENUE, "Blue Hall", "Lyon", SeatLayout.grid(2, 3)));
        commands.sendAndWait(schedule(BEFORE));
        commands.sendAndWait(new ChangeVenue(VENUE, "Blue Hall", "Lyon", Layouts.hall()));
        commands.sendAndWait(schedule(AFTER));

        assertThat(scheduled(BEFORE).layout()).isEqualTo(SeatLayout.grid(2, 3));
        assertThat(scheduled(AFTER).layout()).isEqualTo(Layouts.hall());
        // the grid's row A is three standard seats; the hall's front row gives its centre premium seats
        assertThat(bookBest(BEFORE, 3)).isEqualTo(List.of(1, 2, 3));
        assertThat(bookBest(AFTER, 3)).isEqualTo(List.of(4, 5, 6));
        assertThat(bookBest(BEFORE, 3)).isEqualTo(List.of(4, 5, 6));
    }

    @Test
    void renamingAVenueLeavesTheLayoutOfLaterEvents() {
        commands.sendAndWait(new CreateVenue(VENUE, "Blue Hall", "Lyon", Layouts.hall()));
        commands.sendAndWait(new ChangeVenue(VENUE, "Red Hall", "Paris", null));
        commands.sendAndWait(schedule(AFTER));

        assertThat(scheduled(AFTER).layout()).isEqualTo(Layouts.hall());
    }

    private static ScheduleEvent schedule(EventId event) {
        return ScheduleEvent.priced(event, VENUE, "Quartet", "Strings", NOW.plus(Duration.ofDays(7)), 2_500);
    }

    private EventScheduled scheduled(EventId event) {
        return (EventScheduled) axon.eventStore()
                .readEvents(event.value())
                .asStream()
                .findFirst()
                .orElseThrow()
                .getPayload();
    }

    private List<Integer> bookBest(EventId event, int count) {
        BookedSeats booked = commands.sendAndWait(
                new BookSeats(event, BookingId.next(), AccountId.random(), null, new BestAvailable(count, null)));
        return booked.seats();
    }
}
