package io.seatwise.web.demo;

import io.seatwise.api.account.Role;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.account.Registrations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
        var hall = venue("The Lantern Hall", "Bristol", LANTERN_HALL);
        var studio = venue("Riverside Studio", "Bath", SeatLayout.grid(6, 12));
        var quartet = event(
                hall,
                "Aurora String Quartet",
                "Haydn, Janáček and Beethoven's late quartet in A minor, played by candlelight.",
                7,
                Map.of("P", 4200L, "S", 2800L, "R", 1600L, "W", 2800L, "C", 0L));
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
        var demoUser = registrations.registerVerified(DEMO_EMAIL, DEMO_PASSWORD, "Demo Guest", Role.USER);
        commands.sendAndWait(new BookSeats(quartet, BookingId.next(), demoUser, null, new BestAvailable(2, "P")));
        log.info("Seeded demo data; sign in as {} with the password {}", DEMO_EMAIL, DEMO_PASSWORD);
    }

    private VenueId venue(String name, String city, SeatLayout layout) {
        var venueId = VenueId.random();
        commands.sendAndWait(new CreateVenue(venueId, name, city, layout));
        return venueId;
    }

    /** An event with one price for every seat, which allows single seats. */
    private EventId event(VenueId venue, String title, String description, int daysAhead, long priceCents) {
        return schedule(venue, title, description, daysAhead, priceCents, null, SingleSeatRule.ALLOW);
    }

    /** An event priced per category, which leaves no single seats. */
    private EventId event(VenueId venue, String title, String description, int daysAhead, Map<String, Long> prices) {
        return schedule(venue, title, description, daysAhead, null, prices, SingleSeatRule.REFUSE);
    }

    private EventId schedule(
            VenueId venue,
            String title,
            String description,
            int daysAhead,
            Long priceCents,
            Map<String, Long> prices,
            SingleSeatRule rule) {
        var eventId = EventId.random();
        Instant startsAt = clock.instant()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(daysAhead))
                .plus(Duration.ofHours(19).plusMinutes(30));
        commands.sendAndWait(new ScheduleEvent(eventId, venue, title, description, startsAt, priceCents, prices, rule));
        return eventId;
    }

    /**
     * A theatre of 296 seats: the stalls with two aisles, premium rows at the front, wheelchair spaces with their
     * companion seats at the ends of row A and restricted views behind the pillars of rows I and J; the circle above,
     * narrower at the front.
     */
    static final SeatLayout LANTERN_HALL = new SeatLayout(
            List.of(
                    new Category("P", "Premium", Kind.STANDARD),
                    new Category("S", "Standard", Kind.STANDARD),
                    new Category("R", "Restricted view", Kind.RESTRICTED),
                    new Category("W", "Wheelchair space", Kind.WHEELCHAIR),
                    new Category("C", "Companion seat", Kind.COMPANION)),
            List.of(
                    new Section(
                            "Stalls",
                            List.of(
                                    new Row("A", "WC...PPPPPPPPPPPP...CW"),
                                    new Row("B", "SSSS.PPPPPPPPPPPP.SSSS"),
                                    new Row("C", "SSSS.PPPPPPPPPPPP.SSSS"),
                                    new Row("D", "SSSS.SSSSSSSSSSSS.SSSS"),
                                    new Row("E", "SSSS.SSSSSSSSSSSS.SSSS"),
                                    new Row("F", "SSSS.SSSSSSSSSSSS.SSSS"),
                                    new Row("G", "SSSS.SSSSSSSSSSSS.SSSS"),
                                    new Row("H", "SSSS.SSSSSSSSSSSS.SSSS"),
                                    new Row("I", "RRSS.SSSSS..SSSSS.SSRR"),
                                    new Row("J", "RRSS.SSSSS..SSSSS.SSRR"))),
                    new Section(
                            "Circle",
                            List.of(
                                    new Row("A", "..RSSSSSSSSSSSSSSSSR.."),
                                    new Row("B", ".SSSSSSSSSSSSSSSSSSSS."),
                                    new Row("C", "SSSSSSSSSSSSSSSSSSSSSS"),
                                    new Row("D", "SSSSSSSSSSSSSSSSSSSSSS"),
                                    new Row("E", "RRSSSSSSSSSSSSSSSSSSRR")))));
}
