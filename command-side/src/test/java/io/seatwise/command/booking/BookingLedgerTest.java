package io.seatwise.command.booking;

import static io.seatwise.command.booking.BookingLedgers.feed;
import static io.seatwise.command.booking.BookingLedgers.feedStream;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.MigratedDatabase;
import io.seatwise.command.StoredMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger over a real SQLite file migrated by the application's own migrations. */
class BookingLedgerTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final VenueId VENUE = VenueId.of("venue-1");
    private static final EventId EVENT = EventId.of("event-1");
    private static final EventId OTHER_EVENT = EventId.of("event-2");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final AccountId ANN = AccountId.of("ann");
    private static final AccountId BOB = AccountId.of("bob");

    @TempDir
    Path dataDir;

    private BookingLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = BookingLedgers.over(MigratedDatabase.in(dataDir));
        feed(ledger, scheduled(EVENT, VENUE), scheduled(OTHER_EVENT, VenueId.of("venue-2")));
    }

    @Test
    void scheduledEventsAndTheirVenuesAreKnown() {
        assertThat(ledger.knowsEvent(EVENT)).isTrue();
        assertThat(ledger.knowsEventsAt(VENUE)).isTrue();
        assertThat(ledger.knowsEvent(EventId.of("event-0"))).isFalse();
        assertThat(ledger.knowsEventsAt(VenueId.of("venue-0"))).isFalse();
    }

    @Test
    void bookingIsFoundWithItsEvent() {
        feed(ledger, booked(BOOKING, ANN, EVENT));

        assertThat(ledger.eventOf(BOOKING)).hasValue(EVENT);
        assertThat(ledger.eventOf(BookingId.of("booking-0"))).isEmpty();
    }

    @Test
    void bookingIsFoundByItsIdWithItsBookerAndStatus() {
        feed(ledger, booked(BOOKING, ANN, EVENT));
        assertThat(ledger.booking(BOOKING))
                .contains(new BookingLedger.Entry(BOOKING, EVENT, ANN, BookingStatus.CONFIRMED));

        feed(ledger, released(BOOKING, ANN, EVENT));
        assertThat(ledger.booking(BOOKING))
                .contains(new BookingLedger.Entry(BOOKING, EVENT, ANN, BookingStatus.CANCELLED));
        assertThat(ledger.booking(BookingId.of("booking-0"))).isEmpty();
    }

    @Test
    void cancelledBookingIsStillFoundWithItsEvent() {
        feed(ledger, booked(BOOKING, ANN, EVENT), released(BOOKING, ANN, EVENT));

        assertThat(ledger.eventOf(BOOKING)).hasValue(EVENT);
    }

    @Test
    void bookerHoldsBookingForTheEventAndAtItsVenue() {
        feed(ledger, booked(BOOKING, ANN, EVENT));

        assertThat(ledger.holdsBookingFor(ANN, EVENT)).isTrue();
        assertThat(ledger.holdsBookingAt(ANN, VENUE)).isTrue();
    }

    @Test
    void bookerHoldsNothingForOtherEventsOrVenues() {
        feed(ledger, booked(BOOKING, ANN, EVENT));

        assertThat(ledger.holdsBookingFor(ANN, OTHER_EVENT)).isFalse();
        assertThat(ledger.holdsBookingAt(ANN, VenueId.of("venue-2"))).isFalse();
    }

    @Test
    void othersHoldNothing() {
        feed(ledger, booked(BOOKING, ANN, EVENT));

        assertThat(ledger.holdsBookingFor(BOB, EVENT)).isFalse();
        assertThat(ledger.holdsBookingAt(BOB, VENUE)).isFalse();
    }

    @Test
    void cancelledBookingHoldsNothing() {
        feed(ledger, booked(BOOKING, ANN, EVENT), released(BOOKING, ANN, EVENT));

        assertThat(ledger.holdsBookingFor(ANN, EVENT)).isFalse();
        assertThat(ledger.holdsBookingAt(ANN, VENUE)).isFalse();
    }

    @Test
    void anotherBookingStillCountsAfterOneIsCancelled() {
        var second = BookingId.of("booking-2");
        feed(ledger, booked(BOOKING, ANN, EVENT), booked(second, ANN, EVENT), released(BOOKING, ANN, EVENT));

        assertThat(ledger.holdsBookingFor(ANN, EVENT)).isTrue();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        var booked = booked(BOOKING, ANN, EVENT);
        var released = released(BOOKING, ANN, EVENT);
        feed(ledger, scheduled(EVENT, VENUE), booked, released, booked, released);

        assertThat(ledger.eventOf(BOOKING)).hasValue(EVENT);
        assertThat(ledger.holdsBookingFor(ANN, EVENT)).isFalse();
    }

    @Test
    void ledgerStartsWithWhatWasStoredBeforeItExisted(@TempDir Path olderRelease) {
        var jdbc = MigratedDatabase.in(olderRelease, 2);
        var cancelled = BookingId.of("booking-0");
        store(jdbc, scheduled(EVENT, VENUE), booked(BOOKING, ANN, EVENT), booked(cancelled, BOB, EVENT));

        MigratedDatabase.migrateFrom(jdbc, 3);

        var upgraded = BookingLedgers.over(jdbc);
        assertThat(upgraded.eventOf(BOOKING)).hasValue(EVENT);
        assertThat(upgraded.holdsBookingFor(ANN, EVENT)).isTrue();
        assertThat(upgraded.holdsBookingAt(ANN, VENUE)).isTrue();
        feed(upgraded, released(cancelled, BOB, EVENT));
        assertThat(upgraded.holdsBookingFor(BOB, EVENT)).isFalse();
    }

    @Test
    void releasesAfterAnEventsCancellationAreItsOwn() {
        feedStream(
                ledger,
                EVENT.value(),
                scheduled(EVENT, VENUE),
                booked(BOOKING, ANN, EVENT),
                new EventCancelled(EVENT, "Storm", NOW),
                released(BOOKING, ANN, EVENT));

        assertThat(ledger.releasedWithItsEvent(EVENT, 3)).isTrue();
        assertThat(ledger.releasedWithItsEvent(EVENT, 1)).isFalse();
        assertThat(ledger.releasedWithItsEvent(OTHER_EVENT, 3)).isFalse();
        assertThat(ledger.venueOf(EVENT)).hasValue(VENUE);
        assertThat(ledger.venueOf(EventId.of("event-0"))).isEmpty();
    }

    /** Stores events as Axon's JDBC event store does: serialized by the application's serializer. */
    private static void store(JdbcTemplate jdbc, Object... events) {
        var serializer = StoredMessages.serializer();
        for (int sequence = 0; sequence < events.length; sequence++) {
            var payload = serializer.serialize(events[sequence], byte[].class);
            jdbc.update(
                    """
                    INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                                                  payloadRevision, payloadType, timeStamp)
                    VALUES (?, ?, 'SeatMap', ?, ?, ?, ?, ?)
                    """,
                    EVENT.value(),
                    sequence,
                    UUID.randomUUID().toString(),
                    payload.getData(),
                    payload.getType().getRevision(),
                    payload.getType().getName(),
                    NOW.toString());
        }
    }

    private static EventScheduled scheduled(EventId eventId, VenueId venueId) {
        return new EventScheduled(
                eventId,
                venueId,
                "Quartet",
                "Strings",
                NOW.plus(Duration.ofDays(7)),
                Map.of("S", 2_500L),
                SeatLayout.grid(10, 10),
                SingleSeatRule.ALLOW);
    }

    private static SeatsBooked booked(BookingId bookingId, AccountId accountId, EventId eventId) {
        return new SeatsBooked(eventId, bookingId, accountId, List.of(1, 2), NOW, Map.of("S", 5_000L));
    }

    private static SeatsReleased released(BookingId bookingId, AccountId accountId, EventId eventId) {
        return new SeatsReleased(eventId, bookingId, accountId, List.of(1, 2), NOW);
    }
}
