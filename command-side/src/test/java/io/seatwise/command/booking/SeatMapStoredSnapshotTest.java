package io.seatwise.command.booking;

import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.Refusal.Plain;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.event.EventId;
import io.seatwise.command.StoredMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Snapshots that the store holds are read by the seat map of today. The files are snapshots of revision 5 as the
 * seat map wrote them before its decisions moved into parts of their own (seats booked, cancelled and checked in, an
 * event rescheduled and edited, a waitlist with an entry of each status; and an event cancelled with its waitlist
 * closed). A field renamed or retyped in the seat map or its parts makes them unreadable, or read as something else:
 * such a change needs a new {@code @Revision}, and new files here.
 */
class SeatMapStoredSnapshotTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final EventId EVENT = EventId.of("event-1");
    private static final AccountId ZED = AccountId.of("zed");

    private final Serializer serializer = StoredMessages.serializer();

    private final FixtureConfiguration<SeatMap> fixture = new AggregateTestFixture<>(SeatMap.class)
            .registerInjectableResource(BookingRules.defaults())
            .registerInjectableResource(new WaitlistRules(Duration.ofMinutes(30)))
            .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void storedSnapshotsAreReadWholeAndWrittenAlike() {
        for (var file : List.of("seat-map-snapshot-5.json", "seat-map-snapshot-5-cancelled.json")) {
            var stored = stored(file);

            var written = serializer.serialize(read(stored), byte[].class).getData();

            assertThat(new String(written, StandardCharsets.UTF_8)).as(file).isEqualTo(stored);
        }
    }

    @Test
    void seatsHeldForTheWaitlistInAStoredSnapshotAreNotForSale() {
        var seatMap = read(stored("seat-map-snapshot-5.json"));

        fixture.givenState(() -> seatMap)
                .when(new BookSeats(EVENT, BookingId.of("zeds"), ZED, List.of(1)))
                .expectException(refused(new SeatsUnavailable(List.of(1))));
    }

    @Test
    void aStoredSnapshotBooksAtTheEditedPrice() {
        var seatMap = read(stored("seat-map-snapshot-5.json"));

        fixture.givenState(() -> seatMap)
                .when(new BookSeats(EVENT, BookingId.of("zeds"), ZED, List.of(4)))
                .expectEvents(new SeatsBooked(EVENT, BookingId.of("zeds"), ZED, List.of(4), NOW, Map.of("S", 3000L)));
    }

    @Test
    void aStoredSnapshotOfACancelledEventRefusesBookings() {
        var seatMap = read(stored("seat-map-snapshot-5-cancelled.json"));

        fixture.givenState(() -> seatMap)
                .when(new BookSeats(EVENT, BookingId.of("zeds"), ZED, List.of(20)))
                .expectException(refused(Plain.EVENT_CANCELLED));
    }

    private SeatMap read(String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, SeatMap.class.getName(), "5"));
    }

    private static String stored(String file) {
        try (var in = SeatMapStoredSnapshotTest.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
