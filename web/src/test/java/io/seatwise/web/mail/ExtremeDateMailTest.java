package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.web.ApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event stored before starts were bounded may start in the year 1,000,000,000, where no epoch millisecond reaches.
 * The mail group stops and tries again whenever a handler fails, so such an event must not fail one: its mail is
 * written, its reminder never falls due (no deadline is set for it), and the mail of every later booking goes out as
 * ever; the catalog keeps the start as far as epoch milliseconds reach. (An application of its own: such an event is no
 * business of other tests.)
 */
class ExtremeDateMailTest extends ApplicationTest {

    /** The latest instant Java knows, less an hour: the review reminder, three hours after, lies beyond it. */
    private static final Instant EXTREME = Instant.MAX.minus(Duration.ofHours(1));

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownApplication(DynamicPropertyRegistry registry) {
        registry.add("seatwise.mail.poll-interval", () -> "100ms");
    }

    @Test
    void aBookingOfAnEventAtAnExtremeDateNeitherStallsMailNorFallsDue() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Far Hall", 2, 5);
        var extreme = EventId.random();
        // as the release before stored it: scheduling such an event is refused now
        eventStore.publish(new GenericDomainEventMessage<>(
                "SeatMap",
                extreme.value(),
                0,
                new EventScheduled(
                        extreme,
                        VenueId.of(venue),
                        "The End of Time",
                        "",
                        EXTREME,
                        Map.of("S", 1000L),
                        SeatLayout.grid(2, 5),
                        SingleSeatRule.ALLOW,
                        0)));
        var ann = api.newUserToken("Ann");
        var farBooking = booked(api.book(ann, extreme.value(), List.of(1)));

        var normal = api.scheduleEvent(admin, venue, "Next week", inDays(7));
        var bob = api.newUserToken("Bob");
        var normalBooking = booked(api.book(bob, normal, List.of(2)));

        eventually(Duration.ofSeconds(30), () -> "SENT".equals(status("booking-confirmation:" + normalBooking)));
        eventually(
                Duration.ofSeconds(30),
                () -> api.event(extreme.value())
                        .map(shown -> shown.path("booked").asInt() == 1)
                        .orElse(false));
        assertThat(api.event(extreme.value()).orElseThrow().path("startsAt").asText())
                .as("the catalog holds the start as far as it can, and goes on")
                .startsWith("+292278994-");
        assertThat(status("booking-confirmation:" + farBooking)).isEqualTo("SENT");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM scheduled_tasks WHERE execution_time > ?",
                        Long.class,
                        Instant.parse("3000-01-01T00:00:00Z").toEpochMilli()))
                .as("the reminder never falls due: its saga sets no deadline for it")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM AssociationValueEntry WHERE associationValue = ?",
                        Long.class,
                        extreme.value()))
                .as("the event's saga waits for its booking's prompt")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT text_body FROM mail_outbox WHERE mail_key = ?",
                        String.class,
                        "booking-confirmation:" + farBooking))
                .contains("The End of Time", "292278994");
    }

    private String status(String mailKey) {
        return jdbc.queryForList("SELECT status FROM mail_outbox WHERE mail_key = ?", String.class, mailKey).stream()
                .findFirst()
                .orElse("");
    }

    private static String booked(io.seatwise.web.ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("bookingId").asText();
    }
}
