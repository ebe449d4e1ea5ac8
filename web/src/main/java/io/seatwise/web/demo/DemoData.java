package io.seatwise.web.demo;

import io.seatwise.api.account.Role;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.account.Registrations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Two venues, a handful of upcoming events and a demo account with a booking, so the first page is not empty. */
@Component
class DemoData {

    static final String DEMO_EMAIL = "demo@seatwise.local";
    static final String DEMO_PASSWORD = "seatwise-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CommandGateway commands;
    private final Registrations registrations;
    private final Clock clock;

    DemoData(CommandGateway commands, Registrations registrations, Clock clock) {
        this.commands = commands;
        this.registrations = registrations;
        this.clock = clock;
    }

    void seed() {
        var hall = venue("The Lantern Hall", "Bristol", 12, 20);
        var studio = venue("Riverside Studio", "Bath", 6, 12);
        var quartet = event(
                hall,
                "Aurora String Quartet",
                "Haydn, Janáček and Beethoven's late quartet in A minor, played by candlelight.",
                7,
                2800);
        event(
                hall,
                "The Late Show: Stand-up Night",
                "Four comedians, one host, no safe topics. Doors open an hour before the show.",
                14,
                1500);
        event(
                studio,
                "Poetry & Jazz",
                "Spoken word over a live trio, with an open-mic half after the interval.",
                10,
                900);
        event(hall, "Winter Film Club: Casablanca", "A restored print on the big screen, with an introduction.", 30, 0);
        var demoUser = registrations.register(DEMO_EMAIL, DEMO_PASSWORD, "Demo Guest", Role.USER);
        commands.sendAndWait(new BookSeats(quartet, BookingId.next(), demoUser, List.of(49, 50)));
        log.info("Seeded demo data; sign in as {} with the password {}", DEMO_EMAIL, DEMO_PASSWORD);
    }

    private VenueId venue(String name, String city, int rows, int seatsPerRow) {
        var venueId = VenueId.random();
        commands.sendAndWait(new CreateVenue(venueId, name, city, SeatLayout.grid(rows, seatsPerRow)));
        return venueId;
    }

    private EventId event(VenueId venue, String title, String description, int daysAhead, long priceCents) {
        var eventId = EventId.random();
        Instant startsAt = clock.instant()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(daysAhead))
                .plus(Duration.ofHours(19).plusMinutes(30));
        commands.sendAndWait(ScheduleEvent.priced(eventId, venue, title, description, startsAt, priceCents));
        return eventId;
    }
}
