package io.seatwise.command.venue;

import static io.seatwise.api.ErrorCode.INVALID;
import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.command.booking.SeatMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VenueTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(30));

    private static final VenueId VENUE = VenueId.of("venue-1");
    private static final EventId EVENT = EventId.of("event-1");

    private FixtureConfiguration<Venue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Venue.class).registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void creatingVenueRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Blue Hall", "Lyon", 12, 20))
                .expectEvents(new VenueCreated(VENUE, "Blue Hall", "Lyon", 12, 20));
    }

    @Test
    void venueNameAndCityAreTrimmed() {
        fixture.givenNoPriorActivity()
                .when(createVenue("  Blue Hall\t", " Lyon ", 12, 20))
                .expectEvents(new VenueCreated(VENUE, "Blue Hall", "Lyon", 12, 20));
    }

    @Test
    void largestLayoutIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Arena", "Lyon", 200, 200))
                .expectEvents(new VenueCreated(VENUE, "Arena", "Lyon", 200, 200));
    }

    @Test
    void smallestLayoutIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Booth", "Lyon", 1, 1))
                .expectEvents(new VenueCreated(VENUE, "Booth", "Lyon", 1, 1));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankNameIsRejected(String name) {
        fixture.givenNoPriorActivity()
                .when(createVenue(name, "Lyon", 12, 20))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void blankCityIsRejected() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Blue Hall", " ", 12, 20))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void nameOfMostAllowedLengthIsAccepted() {
        var name = "N".repeat(Venue.MAX_NAME_LENGTH);
        fixture.givenNoPriorActivity()
                .when(createVenue(name, "Lyon", 12, 20))
                .expectEvents(new VenueCreated(VENUE, name, "Lyon", 12, 20));
    }

    @Test
    void tooLongNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(createVenue("N".repeat(Venue.MAX_NAME_LENGTH + 1), "Lyon", 12, 20))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void nameWithControlCharactersIsRejected() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Blue\u0000Hall", "Lyon", 12, 20))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} rows of {1} seats")
    @CsvSource({"0, 20", "201, 20", "-1, 20", "12, 0", "12, 201", "12, -5", "0, 0"})
    void layoutOutsideTheLimitsIsRejected(int rows, int seatsPerRow) {
        fixture.givenNoPriorActivity()
                .when(createVenue("Blue Hall", "Lyon", rows, seatsPerRow))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void schedulingEventCreatesItsSeatMapWithTheVenueLayout() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", STARTS_AT, 2_500))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventScheduled(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, 2_500, 12, 20));
    }

    @Test
    void seatMapIsStoredUnderTheEventIdStartingWithTheScheduledEvent() {
        var seatMaps = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();

        fixture.registerRepositoryProvider(eventSourcedIn(seatMaps))
                .given(venueCreated())
                .when(scheduleEvent("Quartet", STARTS_AT, 2_500))
                .expectSuccessfulHandlerExecution();

        assertThat(seatMaps.readEvents(EVENT.value()).asStream())
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getType()).isEqualTo(SeatMap.class.getSimpleName());
                    assertThat(event.getSequenceNumber()).isZero();
                    assertThat(event.getPayload())
                            .isEqualTo(
                                    new EventScheduled(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, 2_500, 12, 20));
                });
    }

    @Test
    void schedulingEventAnswersWithTheVenue() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", STARTS_AT, 2_500))
                .expectResultMessagePayload(new VenueView(VENUE, "Blue Hall", "Lyon", 12, 20, 240));
    }

    @Test
    void freeEventCanBeScheduled() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Open rehearsal", STARTS_AT, 0))
                .expectEvents(new EventScheduled(EVENT, VENUE, "Open rehearsal", "Strings", STARTS_AT, 0, 12, 20));
    }

    @Test
    void eventWithoutDescriptionCanBeScheduled() {
        fixture.given(venueCreated())
                .when(new ScheduleEvent(EVENT, VENUE, " Quartet ", null, STARTS_AT, 2_500))
                .expectEvents(new EventScheduled(EVENT, VENUE, "Quartet", "", STARTS_AT, 2_500, 12, 20));
    }

    @Test
    void eventStartingInThePastIsRejected() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", NOW.minusSeconds(1), 2_500))
                .expectException(refused(INVALID))
                .expectExceptionMessage("startsAt must be in the future")
                .expectNoEvents();
    }

    @Test
    void eventStartingNowIsRejected() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", NOW, 2_500))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void eventWithoutStartIsRejected() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", null, 2_500))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void negativePriceIsRejected() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", STARTS_AT, -1))
                .expectException(refused(INVALID))
                .expectExceptionMessage("priceCents must not be negative")
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void blankTitleIsRejected(String title) {
        fixture.given(venueCreated())
                .when(scheduleEvent(title, STARTS_AT, 2_500))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void tooLongTitleIsRejected() {
        fixture.given(venueCreated())
                .when(scheduleEvent("T".repeat(Venue.MAX_TITLE_LENGTH + 1), STARTS_AT, 2_500))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void tooLongDescriptionIsRejected() {
        var description = "D".repeat(Venue.MAX_DESCRIPTION_LENGTH + 1);
        fixture.given(venueCreated())
                .when(new ScheduleEvent(EVENT, VENUE, "Quartet", description, STARTS_AT, 2_500))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void schedulingAtUnknownVenueFails() {
        fixture.givenNoPriorActivity()
                .when(scheduleEvent("Quartet", STARTS_AT, 2_500))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static CreateVenue createVenue(String name, String city, int rows, int seatsPerRow) {
        return new CreateVenue(VENUE, name, city, rows, seatsPerRow);
    }

    private static VenueCreated venueCreated() {
        return new VenueCreated(VENUE, "Blue Hall", "Lyon", 12, 20);
    }

    private static RepositoryProvider eventSourcedIn(EventStore eventStore) {
        return new RepositoryProvider() {
            @Override
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return EventSourcingRepository.builder(aggregateType)
                        .eventStore(eventStore)
                        .build();
            }
        };
    }

    private static ScheduleEvent scheduleEvent(String title, Instant startsAt, long priceCents) {
        return new ScheduleEvent(EVENT, VENUE, title, "Strings", startsAt, priceCents);
    }
}
