package io.seatwise.command.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.StoredMessages;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * Events put on sale before events had a limit per account read, through the upcasters, as events without one; edits
 * of that time left the limit as it was; an event of the first revision goes through both chains.
 */
class AccountLimitUpcastersTest {

    private static final Instant STARTS_AT = Instant.parse("2099-06-01T19:00:00Z");
    private static final Instant STORED = Instant.parse("2026-01-05T10:00:00Z");

    private final EventUpcasterChain upcasters = new EventUpcasterChain(
            new RevisionTwoUpcasters().eventScheduledRevisionTwo(),
            new AccountLimitUpcasters().eventScheduledRevisionThree(),
            new AccountLimitUpcasters().eventEditedRevisionTwo());

    @Test
    void eventOfRevisionTwoHasNoLimit() {
        var stored = """
                {"eventId":"event-1","venueId":"venue-1","title":"Gala","description":"Strings",\
                "startsAt":"2099-06-01T19:00:00Z","prices":{"S":2500},"layout":%s,"singleSeatRule":"refuse"}""".formatted(json(SeatLayout.grid(2, 3)));

        assertThat(read(EventScheduled.class, stored, "2", "3"))
                .isEqualTo(new EventScheduled(
                        EventId.of("event-1"),
                        VenueId.of("venue-1"),
                        "Gala",
                        "Strings",
                        STARTS_AT,
                        Map.of("S", 2500L),
                        SeatLayout.grid(2, 3),
                        SingleSeatRule.REFUSE,
                        0));
    }

    @Test
    void eventOfRevisionOneHasNoLimitEither() {
        var stored = """
                {"eventId":"event-1","venueId":"venue-1","title":"Gala","description":"Strings",\
                "startsAt":"2099-06-01T19:00:00Z","rows":2,"seatsPerRow":3,"priceCents":2500}""";

        var scheduled = read(EventScheduled.class, stored, "1", "3");

        assertThat(scheduled.maxSeatsPerAccount()).isZero();
        assertThat(scheduled.layout()).isEqualTo(SeatLayout.grid(2, 3));
    }

    @Test
    void eventOfRevisionThreeKeepsItsLimit() {
        var limited = new EventScheduled(
                EventId.of("event-2"),
                VenueId.of("venue-1"),
                "Gala",
                "",
                STARTS_AT,
                Map.of("S", 0L),
                SeatLayout.grid(1, 1),
                SingleSeatRule.ALLOW,
                6);
        var stored = StoredMessages.serializer().serialize(limited, String.class);
        assertThat(stored.getType().getRevision()).isEqualTo("3");

        assertThat(read(EventScheduled.class, stored.getData(), "3", "3")).isEqualTo(limited);
    }

    @Test
    void editOfRevisionOneLeftTheLimitAsItWas() {
        var stored = """
                {"eventId":"event-1","title":"Gala night","description":null,"prices":null,"fromCents":null,\
                "editedAt":"2026-01-05T10:00:00Z"}""";

        assertThat(read(EventEdited.class, stored, "1", "2"))
                .isEqualTo(new EventEdited(EventId.of("event-1"), "Gala night", null, null, null, STORED, null));
    }

    private static String json(Object value) {
        return StoredMessages.serializer().serialize(value, String.class).getData();
    }

    private <T> T read(Class<T> type, String json, String revision, String expectedRevision) {
        var serializer = StoredMessages.serializer();
        var entry = new GenericDomainEventEntry<>(
                "SeatMap", "event-1", 0, "message-1", STORED, type.getName(), revision, json, "{}");
        var upcasted = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(upcasted).hasSize(1);
        assertThat(upcasted.get(0).getType().getRevision()).isEqualTo(expectedRevision);
        return type.cast(serializer.deserialize(upcasted.get(0).getData()));
    }
}
