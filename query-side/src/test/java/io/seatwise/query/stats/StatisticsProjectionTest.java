package io.seatwise.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.stats.CategoryRevenue;
import io.seatwise.api.stats.DailyBookings;
import io.seatwise.api.stats.FindDailyBookings;
import io.seatwise.api.stats.FindStatistics;
import io.seatwise.api.stats.FindVenueStatistics;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.stats.VenueStatistics;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import io.seatwise.api.venue.VenueChanged;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class StatisticsProjectionTest {

    private static final Instant MONDAY = Instant.parse("2030-03-04T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2030-03-05T23:59:00Z");

    @TempDir
    Path dataDir;

    private StatisticsProjection projection;
    private final EventId event = EventId.random();
    private final BookingId first = BookingId.next();
    private final BookingId second = BookingId.next();

    private final AccountId ann = AccountId.random();
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void projection() {
        var dataSource = StatsDatabase.in(dataDir);
        jdbc = new JdbcTemplate(dataSource);
        projection = new StatisticsProjection(jdbc);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void aTransactionAddsItsChangesUpAndWritesThemWhenItCommits() {
        transactions.executeWithoutResult(status -> {
            applyScenario();
            assertThat(figures().events().get(0).booked())
                    .as("not written before the commit")
                    .isZero();
        });
        var inOneTransaction = figures();
        var dailyInOneTransaction = daily();

        projection.reset();
        applyScenario();

        assertThat(inOneTransaction).isEqualTo(figures());
        assertThat(dailyInOneTransaction).isEqualTo(daily());
        assertThat(inOneTransaction.events().get(0).booked()).isEqualTo(2);
    }

    @Test
    void aTransactionThatRollsBackWritesNoFigures() {
        transactions.executeWithoutResult(status -> projection.on(
                new EventScheduled(
                        event,
                        VenueId.random(),
                        "Gala",
                        "",
                        Instant.parse("2030-04-01T19:00:00Z"),
                        Map.of("S", 1500L),
                        SeatLayout.grid(2, 5),
                        SingleSeatRule.ALLOW),
                0));

        transactions.executeWithoutResult(status -> {
            projection.on(
                    new SeatsBooked(event, first, AccountId.random(), List.of(1, 2, 3), MONDAY, Map.of("S", 4500L)), 1);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> projection.on(
                new SeatsBooked(event, second, AccountId.random(), List.of(7), TUESDAY, Map.of("S", 1500L)), 2));

        assertThat(figures().events().get(0).booked()).isEqualTo(1);
        assertThat(daily()).containsExactly(new DailyBookings(LocalDate.parse("2030-03-05"), 1, 1, 1500));
    }

    /**
     * A booking whose handling fails half-way is parked as a dead letter, and its transaction, the processor's batch,
     * commits without it: the figures of the transaction must not count it, so that it counts once when it is retried.
     */
    @Test
    void aBookingThatFailsLeavesTheTransactionsFiguresAsTheyWere() {
        transactions.executeWithoutResult(status -> projection.on(
                new EventScheduled(
                        event,
                        VenueId.random(),
                        "Gala",
                        "",
                        Instant.parse("2030-04-01T19:00:00Z"),
                        Map.of("S", 1500L),
                        SeatLayout.grid(2, 5),
                        SingleSeatRule.ALLOW),
                0));
        jdbc.execute(
                "CREATE TEMP TRIGGER refuse_second BEFORE INSERT ON read_models.stats_bookings WHEN NEW.booking_id = '"
                        + second.value() + "' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        var failing = new SeatsBooked(event, second, AccountId.random(), List.of(7), TUESDAY, Map.of("S", 1500L));

        transactions.executeWithoutResult(status -> {
            projection.on(
                    new SeatsBooked(event, first, AccountId.random(), List.of(1, 2, 3), MONDAY, Map.of("S", 4500L)), 1);
            assertThatThrownBy(() -> projection.on(failing, 2)).hasMessageContaining("refused");
        });

        assertThat(figures().events().get(0).booked()).isEqualTo(3);
        assertThat(daily()).containsExactly(new DailyBookings(LocalDate.parse("2030-03-04"), 1, 3, 4500));

        jdbc.execute("DROP TRIGGER refuse_second");
        transactions.executeWithoutResult(status -> projection.on(failing, 2));

        assertThat(figures().events().get(0).booked()).isEqualTo(4);
        assertThat(figures().events().get(0).bookings()).isEqualTo(2);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        applyScenario();
        var once = figures();

        applyScenario();

        assertThat(figures()).isEqualTo(once);
        assertThat(once.events().get(0).booked()).isEqualTo(2);
        assertThat(once.events().get(0).bookings()).isEqualTo(1);
        assertThat(once.totals().revenueCents()).isEqualTo(2 * 1500);
        assertThat(daily())
                .containsExactly(
                        new DailyBookings(LocalDate.parse("2030-03-04"), 0, 0, 0),
                        new DailyBookings(LocalDate.parse("2030-03-05"), 1, 2, 3000));
    }

    @Test
    void replayGivesTheSameFigures() {
        applyScenario();
        var before = figures();
        var daily = daily();

        projection.reset();
        applyScenario();

        assertThat(figures()).isEqualTo(before);
        assertThat(daily()).isEqualTo(daily);
    }

    @Test
    void eachCategoryEarnsWhatItsBookingsCost() {
        scheduleHall();

        projection.on(new SeatsBooked(event, first, ann, List.of(1, 2, 3), MONDAY, Map.of("P", 9000L, "S", 2500L)), 1);
        projection.on(new SeatsBooked(event, second, ann, List.of(7, 8), TUESDAY, Map.of("S", 5000L)), 2);

        var hall = figures().events().get(0);
        assertThat(hall.categories())
                .containsExactly(
                        new CategoryRevenue("P", "Premium", 2, 9000),
                        new CategoryRevenue("S", "Standard", 3, 7500),
                        new CategoryRevenue("W", "Wheelchair", 0, 0));
        assertThat(hall.revenueCents()).isEqualTo(16_500);
        assertThat(hall.booked()).isEqualTo(5);
        assertThat(daily())
                .containsExactly(
                        new DailyBookings(LocalDate.parse("2030-03-04"), 1, 3, 11_500),
                        new DailyBookings(LocalDate.parse("2030-03-05"), 1, 2, 5000));
    }

    /** What a booking cost is what it recorded, not what its seats cost at the event's prices (which may change). */
    @Test
    void aBookingEarnsWhatItRecordedNotTheEventsPrices() {
        scheduleHall();

        projection.on(new SeatsBooked(event, first, ann, List.of(1), MONDAY, Map.of("P", 3000L)), 1);

        assertThat(figures().events().get(0).revenueCents()).isEqualTo(3000);
        assertThat(figures().events().get(0).categories().get(0))
                .isEqualTo(new CategoryRevenue("P", "Premium", 1, 3000));
    }

    @Test
    void bookingsOfRevisionOneCostTheirEventsOnePricePerSeatInCategoryS() {
        schedulePlainGrid();

        projection.on(new SeatsBooked(event, first, ann, List.of(1, 2, 3), MONDAY, null), 1);

        var gala = figures().events().get(0);
        assertThat(gala.revenueCents()).isEqualTo(4500);
        assertThat(gala.categories()).containsExactly(new CategoryRevenue("S", "Standard", 3, 4500));
        assertThat(daily()).containsExactly(new DailyBookings(LocalDate.parse("2030-03-04"), 1, 3, 4500));
    }

    @Test
    void aCancellationTakesOutWhatItsBookingAdded() {
        scheduleHall();
        projection.on(new SeatsBooked(event, first, ann, List.of(1, 2, 3), MONDAY, Map.of("P", 7000L, "S", 2000L)), 1);
        projection.on(new SeatsBooked(event, second, ann, List.of(5), MONDAY, Map.of("S", 2500L)), 2);

        projection.on(new SeatsReleased(event, first, ann, List.of(1, 2, 3), TUESDAY), 3);

        var hall = figures().events().get(0);
        assertThat(hall.categories())
                .containsExactly(
                        new CategoryRevenue("P", "Premium", 0, 0),
                        new CategoryRevenue("S", "Standard", 1, 2500),
                        new CategoryRevenue("W", "Wheelchair", 0, 0));
        assertThat(hall.revenueCents()).isEqualTo(2500);
        assertThat(hall.bookings()).isEqualTo(1);
        assertThat(daily()).containsExactly(new DailyBookings(LocalDate.parse("2030-03-04"), 1, 1, 2500));
    }

    @Test
    void aCancelledBookingOfRevisionOneTakesOutItsSeatsAtTheEventsPrice() {
        schedulePlainGrid();
        projection.on(new SeatsBooked(event, first, ann, List.of(1, 2), MONDAY, null), 1);
        projection.on(new SeatsBooked(event, second, ann, List.of(3), MONDAY, Map.of("S", 1500L)), 2);

        projection.on(new SeatsReleased(event, first, ann, List.of(1, 2), TUESDAY), 3);

        assertThat(figures().events().get(0).categories())
                .containsExactly(new CategoryRevenue("S", "Standard", 1, 1500));
        assertThat(figures().totals().revenueCents()).isEqualTo(1500);
    }

    @Test
    void redeliveredBookingsAndCancellationsChangeNoCategory() {
        hallScenario();
        var once = figures();
        var rows = bookingRows();

        hallScenario();

        assertThat(figures()).isEqualTo(once);
        assertThat(bookingRows()).isEqualTo(rows);
        assertThat(once.events().get(0).categories())
                .containsExactly(
                        new CategoryRevenue("P", "Premium", 1, 4500),
                        new CategoryRevenue("S", "Standard", 0, 0),
                        new CategoryRevenue("W", "Wheelchair", 1, 1000));
    }

    @Test
    void replayGivesTheSameCategoriesAndBookingRows() {
        hallScenario();
        var before = figures();
        var rows = bookingRows();

        projection.reset();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stats_event_categories", Integer.class))
                .isZero();
        transactions.executeWithoutResult(status -> hallScenario());

        assertThat(figures()).isEqualTo(before);
        assertThat(bookingRows()).isEqualTo(rows);
    }

    @Test
    void totalsSumCategoriesOfTheSameCodeAndName() {
        scheduleHall();
        projection.on(new SeatsBooked(event, first, ann, List.of(1, 3), MONDAY, Map.of("P", 4500L, "S", 2500L)), 1);
        var other = EventId.random();
        projection.on(
                new EventScheduled(
                        other,
                        VenueId.random(),
                        "Matinee",
                        "",
                        Instant.parse("2030-04-02T15:00:00Z"),
                        Map.of("S", 1500L),
                        SeatLayout.grid(2, 5),
                        SingleSeatRule.ALLOW),
                0);
        projection.on(new SeatsBooked(other, second, ann, List.of(4, 5), MONDAY, Map.of("S", 3000L)), 1);

        assertThat(figures().totals().categories())
                .containsExactly(
                        new CategoryRevenue("P", "Premium", 1, 4500),
                        new CategoryRevenue("S", "Standard", 3, 5500),
                        new CategoryRevenue("W", "Wheelchair", 0, 0));
        assertThat(figures().totals().revenueCents()).isEqualTo(10_000);
    }

    @Test
    void aBookingsRowKeepsWhatEachCategoryCostAndItsSeatsLabels() {
        scheduleHall();

        projection.on(
                new SeatsBooked(
                        event, first, ann, List.of(2, 3, 9), MONDAY, Map.of("S", 2500L, "P", 4500L, "W", 1000L)),
                1);

        assertThat(jdbc.queryForList(
                        "SELECT cents_by_category || ' | ' || seat_labels FROM stats_bookings", String.class))
                .containsExactly(
                        "P=4500 S=2500 W=1000 | Stalls, Row A, Seat 2; Stalls, Row A, Seat 3; Circle, Row 1, Seat 1");
    }

    @Test
    void aVenueIsShownByItsNewName() {
        var venue = VenueId.random();
        projection.on(new VenueCreated(venue, "Old Hall", "Bern", SeatLayout.grid(2, 5)));

        projection.on(new VenueChanged(venue, "New Hall", "Basel", SeatLayout.grid(3, 5)));

        assertThat(projection.handle(new FindVenueStatistics()))
                .extracting(VenueStatistics::name, VenueStatistics::city)
                .containsExactly(tuple("New Hall", "Basel"));
    }

    /** Stalls A: P P S S, B: S S . S S; Circle 1: W S. */
    private void scheduleHall() {
        var layout = new SeatLayout(
                List.of(
                        new Category("P", "Premium", Category.Kind.STANDARD),
                        new Category("S", "Standard", Category.Kind.STANDARD),
                        new Category("W", "Wheelchair", Category.Kind.WHEELCHAIR)),
                List.of(
                        new Section("Stalls", List.of(new Row("A", "PPSS"), new Row("B", "SS.SS"))),
                        new Section("Circle", List.of(new Row("1", "WS")))));
        projection.on(
                new EventScheduled(
                        event,
                        VenueId.random(),
                        "Hall",
                        "",
                        Instant.parse("2030-04-01T19:00:00Z"),
                        Map.of("P", 4500L, "S", 2500L, "W", 1000L),
                        layout,
                        SingleSeatRule.ALLOW),
                0);
    }

    /** An event of before prices per category, as the upcaster gives it: a plain grid, category S at one price. */
    private void schedulePlainGrid() {
        projection.on(
                new EventScheduled(
                        event,
                        VenueId.random(),
                        "Gala",
                        "",
                        Instant.parse("2030-04-01T19:00:00Z"),
                        Map.of("S", 1500L),
                        SeatLayout.grid(2, 5),
                        SingleSeatRule.ALLOW),
                0);
    }

    private void hallScenario() {
        scheduleHall();
        projection.on(new SeatsBooked(event, first, ann, List.of(1, 3), MONDAY, Map.of("P", 4500L, "S", 2500L)), 1);
        projection.on(new SeatsBooked(event, second, ann, List.of(2, 9), TUESDAY, Map.of("P", 4500L, "W", 1000L)), 2);
        projection.on(new SeatsReleased(event, first, ann, List.of(1, 3), TUESDAY), 3);
    }

    private List<String> bookingRows() {
        return jdbc.queryForList("""
                SELECT booking_id || ' ' || status || ' ' || amount_cents || ' ' || cents_by_category || ' | '
                       || seat_labels
                FROM stats_bookings ORDER BY booking_id
                """, String.class);
    }

    private void applyScenario() {
        projection.on(
                new EventScheduled(
                        event,
                        VenueId.random(),
                        "Gala",
                        "",
                        Instant.parse("2030-04-01T19:00:00Z"),
                        Map.of("S", 1500L),
                        SeatLayout.grid(2, 5),
                        SingleSeatRule.ALLOW),
                0);
        var ann = AccountId.random();
        projection.on(new SeatsBooked(event, first, ann, List.of(1, 2, 3), MONDAY, Map.of("S", 4500L)), 1);
        projection.on(new SeatsBooked(event, second, ann, List.of(7, 8), TUESDAY, Map.of("S", 3000L)), 2);
        projection.on(new SeatsReleased(event, first, ann, List.of(1, 2, 3), TUESDAY), 3);
    }

    private StatisticsView figures() {
        return projection.handle(new FindStatistics());
    }

    private List<DailyBookings> daily() {
        return projection.handle(new FindDailyBookings());
    }
}
