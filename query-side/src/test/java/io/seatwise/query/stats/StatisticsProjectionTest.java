package io.seatwise.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.stats.DailyBookings;
import io.seatwise.api.stats.FindDailyBookings;
import io.seatwise.api.stats.FindStatistics;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.venue.SeatLayout;
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

    private TransactionTemplate transactions;

    @BeforeEach
    void projection() {
        var dataSource = StatsDatabase.in(dataDir);
        projection = new StatisticsProjection(new JdbcTemplate(dataSource));
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
