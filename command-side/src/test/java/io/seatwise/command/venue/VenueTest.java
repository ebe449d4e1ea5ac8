package io.seatwise.command.venue;

import static io.seatwise.api.ErrorCode.INVALID;
import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidLayout;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.Refusal;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.Prices;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.ChangeVenue;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import io.seatwise.api.venue.VenueChanged;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.command.Layouts;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.command.booking.SeatMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VenueTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(30));

    private static final VenueId VENUE = VenueId.of("venue-1");
    private static final EventId EVENT = EventId.of("event-1");
    private static final int DEFAULT_LIMIT = BookingRules.defaults().maxSeatsPerAccount();

    private FixtureConfiguration<Venue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Venue.class)
                .registerInjectableResource(BookingRules.defaults())
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void creatingVenueRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Blue Hall", "Lyon", 12, 20))
                .expectEvents(new VenueCreated(VENUE, "Blue Hall", "Lyon", SeatLayout.grid(12, 20)));
    }

    @Test
    void venueNameAndCityAreTrimmed() {
        fixture.givenNoPriorActivity()
                .when(createVenue("  Blue Hall\t", " Lyon ", 12, 20))
                .expectEvents(new VenueCreated(VENUE, "Blue Hall", "Lyon", SeatLayout.grid(12, 20)));
    }

    @Test
    void largestLayoutIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Arena", "Lyon", 200, 200))
                .expectEvents(new VenueCreated(VENUE, "Arena", "Lyon", SeatLayout.grid(200, 200)));
    }

    @Test
    void smallestLayoutIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(createVenue("Booth", "Lyon", 1, 1))
                .expectEvents(new VenueCreated(VENUE, "Booth", "Lyon", SeatLayout.grid(1, 1)));
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
                .expectEvents(new VenueCreated(VENUE, name, "Lyon", SeatLayout.grid(12, 20)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Blue\nHall", "Blue\r\nHall", "Blue\tHall", "Blue\u2028Hall", "Blue\u0085Hall"})
    void nameOrCityOnMoreThanOneLineIsRejected(String text) {
        fixture.givenNoPriorActivity()
                .when(createVenue(text, "Lyon", 12, 20))
                .expectException(refused(InvalidValue.of("name", InvalidValue.Rule.CONTROL_CHARACTERS)))
                .expectNoEvents();
        new AggregateTestFixture<>(Venue.class)
                .givenNoPriorActivity()
                .when(createVenue("Blue Hall", text, 12, 20))
                .expectException(refused(InvalidValue.of("city", InvalidValue.Rule.CONTROL_CHARACTERS)))
                .expectNoEvents();
        new AggregateTestFixture<>(Venue.class)
                .given(venueCreated())
                .when(new ChangeVenue(VENUE, text, "Lyon", null))
                .expectException(refused(InvalidValue.of("name", InvalidValue.Rule.CONTROL_CHARACTERS)))
                .expectNoEvents();
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
    void gridOutsideTheLimitsIsRejected(int rows, int seatsPerRow) {
        assertThatThrownBy(() -> createVenue("Blue Hall", "Lyon", rows, seatsPerRow))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.refusal())
                                .isInstanceOf(InvalidValue.class)
                                .extracting(Refusal::code)
                                .isEqualTo(INVALID));
    }

    @Test
    void venueIsCreatedFromALayout() {
        fixture.givenNoPriorActivity()
                .when(new CreateVenue(VENUE, "Globe", "London", Layouts.hall()))
                .expectEvents(new VenueCreated(VENUE, "Globe", "London", Layouts.hall()));
    }

    @Test
    void plainGridIsOneSectionMainOfStandardSeats() {
        var expected = new SeatLayout(
                List.of(new Category("S", "Standard", Kind.STANDARD)),
                List.of(new Section("Main", List.of(new Row("A", "SSS"), new Row("B", "SSS")))));

        fixture.givenNoPriorActivity()
                .when(createVenue("Booth", "Lyon", 2, 3))
                .expectEvents(new VenueCreated(VENUE, "Booth", "Lyon", expected));
    }

    @Test
    void venueWithoutLayoutIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateVenue(VENUE, "Globe", "London", null))
                .expectException(refused(InvalidValue.of("layout", InvalidValue.Rule.REQUIRED)))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLayouts")
    void invalidLayoutIsRefusedNamingTheProblem(String problem, Supplier<SeatLayout> layout) {
        assertThatThrownBy(layout::get)
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.refusal())
                                .isInstanceOfSatisfying(InvalidLayout.class, invalid -> {
                                    assertThat(invalid.reason()).isEqualTo("invalid-layout");
                                    assertThat(invalid.code()).isEqualTo(INVALID);
                                    assertThat(invalid.problem()).contains(problem);
                                }));
    }

    static Stream<Arguments> invalidLayouts() {
        return Stream.of(
                invalid("does not define", () -> Layouts.rows("SSX")),
                invalid("two rows labelled A", () -> standard(new Section("Stalls", rows("SS", "SS", "A")))),
                invalid("two sections named Stalls", () -> standard(section("Stalls", "SS"), section("Stalls", "S"))),
                invalid("at most 40000 seats", () -> standard(section("Big", copies(101, "S".repeat(400))))),
                invalid("401 positions, at most 400", () -> Layouts.rows("S".repeat(401))),
                invalid(
                        "at most 500 rows",
                        () -> standard(section("One", copies(250, "S")), section("Two", copies(251, "S")))),
                invalid(
                        "at most 50 sections",
                        () -> new SeatLayout(
                                List.of(Layouts.STANDARD),
                                IntStream.rangeClosed(0, 50)
                                        .mapToObj(i -> section("Part " + i, "S"))
                                        .toList())),
                invalid(
                        "at most 20 categories",
                        () -> new SeatLayout(
                                IntStream.range(0, 21)
                                        .mapToObj(
                                                i -> new Category(String.valueOf((char) ('A' + i)), "Kind " + i, null))
                                        .toList(),
                                List.of(section("Main", "A")))),
                invalid(
                        "defined twice",
                        () -> new SeatLayout(
                                List.of(Layouts.STANDARD, Layouts.STANDARD), List.of(section("Main", "S")))),
                invalid(
                        "one letter or digit",
                        () -> new SeatLayout(List.of(new Category("-", "Dash", null)), List.of(section("Main", "-")))),
                invalid("has no seats", () -> Layouts.rows("SS", "...")),
                invalid("at least one category", () -> new SeatLayout(List.of(), List.of(section("Main", "S")))),
                invalid("at least one section", () -> new SeatLayout(List.of(Layouts.STANDARD), List.of())),
                invalid("needs at least one row", () -> standard(new Section("Main", List.of()))),
                invalid("a row label of Main", () -> standard(new Section("Main", List.of(new Row(" A", "S"))))),
                invalid(
                        "standard, restricted, wheelchair or companion",
                        () -> new SeatLayout(
                                List.of(new Category("S", "Standard", Kind.of("vip"))),
                                List.of(section("Main", "S")))));
    }

    private static Arguments invalid(String problem, Supplier<SeatLayout> layout) {
        return arguments(problem, layout);
    }

    private static SeatLayout standard(Section... sections) {
        return new SeatLayout(List.of(Layouts.STANDARD), List.of(sections));
    }

    private static Section section(String name, String... rows) {
        return Layouts.section(name, rows);
    }

    /** Rows labelled by their last string: "SS", "SS", "A" is two rows both labelled A. */
    private static List<Row> rows(String first, String second, String label) {
        return List.of(new Row(label, first), new Row(label, second));
    }

    private static String[] copies(int count, String row) {
        return Collections.nCopies(count, row).toArray(String[]::new);
    }

    @Test
    void layoutReadFromJsonIsCheckedToo() {
        var json = """
                {"categories": [{"code": "S", "name": "Standard"}],
                 "sections": [{"name": "Main", "rows": [{"label": "A", "seats": "SSX"}]}]}
                """;

        assertThatThrownBy(() -> JsonMapper.builder().build().readValue(json, SeatLayout.class))
                .hasRootCauseInstanceOf(DomainException.class)
                .rootCause()
                .extracting(cause -> ((DomainException) cause).refusal())
                .isInstanceOf(InvalidLayout.class);
    }

    @Test
    void largestHallIsAccepted() {
        var layout = standard(section("Big", copies(100, "S".repeat(400))));

        fixture.givenNoPriorActivity()
                .when(new CreateVenue(VENUE, "Arena", "Lyon", layout))
                .expectEvents(new VenueCreated(VENUE, "Arena", "Lyon", layout));
    }

    @Test
    void changingVenueRenamesItAndKeepsItsLayout() {
        fixture.given(venueCreated())
                .when(new ChangeVenue(VENUE, " Red Hall ", "Paris", null))
                .expectEvents(new VenueChanged(VENUE, "Red Hall", "Paris", SeatLayout.grid(12, 20)))
                .expectResultMessagePayload(new VenueView(VENUE, "Red Hall", "Paris", SeatLayout.grid(12, 20)));
    }

    @Test
    void changingVenueLayoutRecordsTheNewLayout() {
        fixture.given(venueCreated())
                .when(new ChangeVenue(VENUE, "Blue Hall", "Lyon", Layouts.hall()))
                .expectEvents(new VenueChanged(VENUE, "Blue Hall", "Lyon", Layouts.hall()))
                .expectResultMessagePayload(new VenueView(VENUE, "Blue Hall", "Lyon", Layouts.hall()));
    }

    @Test
    void changingNothingRecordsNothing() {
        fixture.given(venueCreated(), new VenueChanged(VENUE, "Blue Hall", "Lyon", Layouts.hall()))
                .when(new ChangeVenue(VENUE, "Blue Hall", "Lyon", Layouts.hall()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new VenueView(VENUE, "Blue Hall", "Lyon", Layouts.hall()));
    }

    @Test
    void changingVenueToABlankNameIsRejected() {
        fixture.given(venueCreated())
                .when(new ChangeVenue(VENUE, " ", "Lyon", null))
                .expectException(refused(InvalidValue.of("name", InvalidValue.Rule.REQUIRED)))
                .expectNoEvents();
    }

    @Test
    void changingUnknownVenueFails() {
        fixture.givenNoPriorActivity()
                .when(new ChangeVenue(VENUE, "Blue Hall", "Lyon", null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void eventScheduledAfterALayoutChangeHasTheNewLayout() {
        fixture.given(venueCreated(), new VenueChanged(VENUE, "Blue Hall", "Lyon", Layouts.hall()))
                .when(scheduleEvent("Quartet", STARTS_AT, 2_500))
                .expectEvents(new EventScheduled(
                        EVENT,
                        VENUE,
                        "Quartet",
                        "Strings",
                        STARTS_AT,
                        Map.of("P", 2_500L, "S", 2_500L, "R", 2_500L, "W", 2_500L, "C", 2_500L),
                        Layouts.hall(),
                        SingleSeatRule.ALLOW,
                        DEFAULT_LIMIT));
    }

    @Test
    void eventIsPricedPerCategory() {
        var prices = hallPrices();

        fixture.given(hallCreated())
                .when(new ScheduleEvent(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, null, prices, null))
                .expectEvents(new EventScheduled(
                        EVENT,
                        VENUE,
                        "Quartet",
                        "Strings",
                        STARTS_AT,
                        prices,
                        Layouts.hall(),
                        SingleSeatRule.ALLOW,
                        DEFAULT_LIMIT));
    }

    @Test
    void eventKeepsItsSingleSeatRule() {
        fixture.given(hallCreated())
                .when(new ScheduleEvent(
                        EVENT, VENUE, "Quartet", "Strings", STARTS_AT, null, hallPrices(), SingleSeatRule.REFUSE))
                .expectEvents(new EventScheduled(
                        EVENT,
                        VENUE,
                        "Quartet",
                        "Strings",
                        STARTS_AT,
                        hallPrices(),
                        Layouts.hall(),
                        SingleSeatRule.REFUSE,
                        DEFAULT_LIMIT));
    }

    @Test
    void priceMissingForACategoryIsRejectedNamingIt() {
        var prices = new HashMap<>(hallPrices());
        prices.remove("W");

        fixture.given(hallCreated())
                .when(new ScheduleEvent(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, null, prices, null))
                .expectException(refused(InvalidValue.of("prices", InvalidValue.Rule.REQUIRED)))
                .expectExceptionMessage("The price of category W (Wheelchair space) is missing")
                .expectNoEvents();
    }

    @Test
    void priceOfAnUnknownCategoryIsRejected() {
        var prices = new HashMap<>(hallPrices());
        prices.put("X", 100L);

        fixture.given(hallCreated())
                .when(new ScheduleEvent(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, null, prices, null))
                .expectException(refused(InvalidValue.of("prices", InvalidValue.Rule.UNKNOWN_CATEGORY)))
                .expectNoEvents();
    }

    @Test
    void negativeCategoryPriceIsRejected() {
        var prices = new HashMap<>(hallPrices());
        prices.put("P", -1L);

        fixture.given(hallCreated())
                .when(new ScheduleEvent(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, null, prices, null))
                .expectException(refused(InvalidValue.of("prices", InvalidValue.Rule.NEGATIVE)))
                .expectNoEvents();
    }

    @Test
    void categoryPriceAboveTheHighestIsRejected() {
        var prices = new HashMap<>(hallPrices());
        prices.put("S", Prices.MAX_CENTS + 1);

        fixture.given(hallCreated())
                .when(new ScheduleEvent(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, null, prices, null))
                .expectException(refused(InvalidValue.outOfRange("prices", 0, Prices.MAX_CENTS)))
                .expectNoEvents();
    }

    @Test
    void onePriceForEveryCategoryOfAHall() {
        fixture.given(hallCreated())
                .when(scheduleEvent("Quartet", STARTS_AT, 0))
                .expectEvents(new EventScheduled(
                        EVENT,
                        VENUE,
                        "Quartet",
                        "Strings",
                        STARTS_AT,
                        Map.of("P", 0L, "S", 0L, "R", 0L, "W", 0L, "C", 0L),
                        Layouts.hall(),
                        SingleSeatRule.ALLOW,
                        DEFAULT_LIMIT));
    }

    @Test
    void eventWithoutAnyPriceIsRejected() {
        fixture.given(hallCreated())
                .when(new ScheduleEvent(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, null, null, null))
                .expectException(refused(InvalidValue.of("prices", InvalidValue.Rule.REQUIRED)))
                .expectNoEvents();
    }

    @Test
    void schedulingEventCreatesItsSeatMapWithTheVenueLayout() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", STARTS_AT, 2_500))
                .expectSuccessfulHandlerExecution()
                .expectEvents(eventScheduled("Quartet", "Strings", 2_500));
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
                    assertThat(event.getPayload()).isEqualTo(eventScheduled("Quartet", "Strings", 2_500));
                });
    }

    @Test
    void schedulingEventAnswersWithTheEventAsScheduled() {
        fixture.given(venueCreated())
                .when(scheduleEvent(" Quartet ", STARTS_AT, 2_500))
                .expectResultMessagePayload(new EventView(
                        EVENT,
                        "Quartet",
                        "Strings",
                        VENUE,
                        "Blue Hall",
                        "Lyon",
                        STARTS_AT,
                        2_500,
                        Map.of("S", 2_500L),
                        SingleSeatRule.ALLOW,
                        240,
                        0,
                        null,
                        DEFAULT_LIMIT));
    }

    @Test
    void freeEventCanBeScheduled() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Open rehearsal", STARTS_AT, 0))
                .expectEvents(eventScheduled("Open rehearsal", "Strings", 0));
    }

    @Test
    void eventWithoutDescriptionCanBeScheduled() {
        fixture.given(venueCreated())
                .when(ScheduleEvent.priced(EVENT, VENUE, " Quartet ", null, STARTS_AT, 2_500))
                .expectEvents(eventScheduled("Quartet", "", 2_500));
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
    void titleWithALineBreakIsRejected() {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet\nDear Demo Guest, your account is closed", STARTS_AT, 2_500))
                .expectException(refused(InvalidValue.of("title", InvalidValue.Rule.CONTROL_CHARACTERS)))
                .expectNoEvents();
    }

    @Test
    void descriptionMayHaveSeveralLines() {
        fixture.given(venueCreated())
                .when(ScheduleEvent.priced(EVENT, VENUE, "Quartet", "Strings.\nAnd a piano.", STARTS_AT, 2_500))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void startFiveYearsAheadIsAccepted() {
        var latest = NOW.atOffset(ZoneOffset.UTC).plusYears(5).toInstant();
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", latest, 2_500))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2035-03-01T12:00:00.001Z", "2099-06-01T19:00:00Z", "+1000000000-12-31T23:00:00Z"})
    void startMoreThanFiveYearsAheadIsRejected(String startsAt) {
        fixture.given(venueCreated())
                .when(scheduleEvent("Quartet", Instant.parse(startsAt), 2_500))
                .expectException(refused(InvalidValue.atMost("startsAt", InvalidValue.Rule.TOO_FAR_AHEAD, 5)))
                .expectExceptionMessage("startsAt must be at most 5 years ahead")
                .expectNoEvents();
    }

    @Test
    void eventIsScheduledWithTheLimitPerAccountItAsksFor() {
        fixture.given(venueCreated())
                .when(scheduleWithLimit(4))
                .expectEvents(eventScheduled("Quartet", "Strings", 2_500, 4));
    }

    @Test
    void eventAskingForNoLimitHasNone() {
        fixture.given(venueCreated())
                .when(scheduleWithLimit(0))
                .expectEvents(eventScheduled("Quartet", "Strings", 2_500, 0));
    }

    @Test
    void eventWithoutALimitOfItsOwnHasTheConfiguredOne() {
        new AggregateTestFixture<>(Venue.class)
                .registerInjectableResource(new BookingRules(10, 10, 10, Duration.ofHours(24), 7))
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC))
                .given(venueCreated())
                .when(scheduleEvent("Quartet", STARTS_AT, 2_500))
                .expectEvents(eventScheduled("Quartet", "Strings", 2_500, 7));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 40_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void limitPerAccountOutOfRangeIsRejected(int limit) {
        fixture.given(venueCreated())
                .when(scheduleWithLimit(limit))
                .expectException(refused(InvalidValue.outOfRange("maxSeatsPerAccount", 0, 40_000)))
                .expectNoEvents();
    }

    @Test
    void tooLongDescriptionIsRejected() {
        var description = "D".repeat(Venue.MAX_DESCRIPTION_LENGTH + 1);
        fixture.given(venueCreated())
                .when(ScheduleEvent.priced(EVENT, VENUE, "Quartet", description, STARTS_AT, 2_500))
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
        return new CreateVenue(VENUE, name, city, SeatLayout.grid(rows, seatsPerRow));
    }

    private static VenueCreated hallCreated() {
        return new VenueCreated(VENUE, "Globe", "London", Layouts.hall());
    }

    private static Map<String, Long> hallPrices() {
        return Map.of("P", 9_000L, "S", 5_000L, "R", 2_000L, "W", 3_000L, "C", 0L);
    }

    private static EventScheduled eventScheduled(String title, String description, long priceCents) {
        return new EventScheduled(
                EVENT,
                VENUE,
                title,
                description,
                STARTS_AT,
                Map.of("S", priceCents),
                SeatLayout.grid(12, 20),
                SingleSeatRule.ALLOW,
                DEFAULT_LIMIT);
    }

    private static VenueCreated venueCreated() {
        return new VenueCreated(VENUE, "Blue Hall", "Lyon", SeatLayout.grid(12, 20));
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

    private static ScheduleEvent scheduleWithLimit(int maxSeatsPerAccount) {
        return new ScheduleEvent(EVENT, VENUE, "Quartet", "Strings", STARTS_AT, 2_500L, null, null, maxSeatsPerAccount);
    }

    private static EventScheduled eventScheduled(
            String title, String description, long priceCents, int maxSeatsPerAccount) {
        return new EventScheduled(
                EVENT,
                VENUE,
                title,
                description,
                STARTS_AT,
                Map.of("S", priceCents),
                SeatLayout.grid(12, 20),
                SingleSeatRule.ALLOW,
                maxSeatsPerAccount);
    }

    private static ScheduleEvent scheduleEvent(String title, Instant startsAt, long priceCents) {
        return ScheduleEvent.priced(EVENT, VENUE, title, "Strings", startsAt, priceCents);
    }
}
