package io.seatwise.query.stats;

import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.stats.DailyBookings;
import io.seatwise.api.stats.EventStatistics;
import io.seatwise.api.stats.FindDailyBookings;
import io.seatwise.api.stats.FindStatistics;
import io.seatwise.api.stats.FindVenueStatistics;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.stats.VenueStatistics;
import io.seatwise.api.venue.VenueChanged;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import io.seatwise.query.InstantAsEpochMillis;
import io.seatwise.query.StoredJson;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The admins' figures: per event its booked seats, bookings and revenue, also per category of its layout, each
 * booking, and the bookings of each day. Revenue is what each booking cost when it was made, as it recorded it
 * ({@link CategorySplit}); a cancellation takes out what its booking's row says it added. The rows per category are
 * written when an event is scheduled and read by {@link CategoryFigures}.
 *
 * <p>A change to an event's figures is applied only when the seat map's sequence number is newer than the one the row
 * holds; the booking rows and daily sums are written only when that change was applied, in the same transaction, so
 * a redelivered event changes nothing and a replay gives the same tables. The events' figures and the daily sums are
 * added up per transaction and written when it commits ({@link PendingFigures}).
 */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class StatisticsProjection {

    static final String GROUP = "statistics";

    /** Between the labels of a booking's seats, which have commas of their own ("Stalls, Row A, Seat 3"). */
    static final String LABEL_SEPARATOR = "; ";

    private final JdbcTemplate jdbc;
    private final CategoryFigures categories;

    StatisticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.categories = new CategoryFigures(jdbc);
    }

    @EventHandler
    void on(VenueCreated event) {
        jdbc.update(
                "INSERT INTO stats_venues (venue_id, name, city) VALUES (?, ?, ?) ON CONFLICT (venue_id) DO NOTHING",
                event.venueId().value(),
                event.name(),
                event.city());
    }

    /** The venue's name and city as the exports and its figures show them from now on. */
    @EventHandler
    void on(VenueChanged event) {
        jdbc.update(
                "UPDATE stats_venues SET name = ?, city = ? WHERE venue_id = ?",
                event.name(),
                event.city(),
                event.venueId().value());
    }

    @EventHandler
    void on(EventScheduled event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                INSERT INTO stats_events (event_id, venue_id, title, starts_at, price_cents, capacity,
                                          booked, bookings, revenue_cents, last_sequence, layout)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """,
                event.eventId().value(),
                event.venueId().value(),
                event.title(),
                InstantAsEpochMillis.millis(event.startsAt()),
                event.lowestPriceCents(),
                event.layout().capacity(),
                sequence,
                StoredJson.layout(event.layout()));
        categories.scheduled(event);
    }

    /** The figures show the event as it is now; its "from" price too, as the CSV's priceCents. */
    @EventHandler
    void on(EventEdited event) {
        jdbc.update("""
                UPDATE stats_events SET title = coalesce(?, title), price_cents = coalesce(?, price_cents)
                WHERE event_id = ?
                """, event.title(), event.fromCents(), event.eventId().value());
    }

    @EventHandler
    void on(EventRescheduled event) {
        jdbc.update(
                "UPDATE stats_events SET starts_at = ? WHERE event_id = ?",
                InstantAsEpochMillis.millis(event.startsAt()),
                event.eventId().value());
    }

    /**
     * Marks the event cancelled. Its bookings follow as releases, which take out their seats and revenue as any
     * cancellation does: a cancelled event ends with nothing booked and no revenue (its bookers are refunded).
     */
    @EventHandler
    void on(EventCancelled event) {
        jdbc.update(
                "UPDATE stats_events SET cancelled_at = ? WHERE event_id = ?",
                event.cancelledAt().toEpochMilli(),
                event.eventId().value());
    }

    @EventHandler
    void on(SeatsBooked event, @SequenceNumber long sequence) {
        var pending = PendingFigures.of(jdbc, this);
        var figures = pending.event(event.eventId().value());
        if (figures == null || !figures.isAhead(sequence)) {
            return;
        }
        // the figures in memory change last, once nothing can fail: a booking whose handling failed is undone to its
        // savepoint and parked as a dead letter, and must leave them as they were
        var layout = figures.layout();
        var split = CategorySplit.of(event, layout, figures.priceCents());
        var day = LocalDate.ofInstant(event.bookedAt(), ZoneOffset.UTC).toString();
        var amountCents = event.totalCents(figures.priceCents());
        jdbc.update(
                """
                INSERT INTO stats_bookings (booking_id, event_id, account_id, seats, seat_count, amount_cents,
                                            booked_at, booked_on, status, cents_by_category, seat_labels)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?)
                ON CONFLICT (booking_id) DO NOTHING
                """,
                event.bookingId().value(),
                event.eventId().value(),
                event.accountId().value(),
                event.seats().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                event.seats().size(),
                amountCents,
                event.bookedAt().toEpochMilli(),
                day,
                split.centsText(),
                event.seats().stream().map(layout::label).collect(Collectors.joining(LABEL_SEPARATOR)));
        figures.advance(sequence);
        figures.add(1, split);
        pending.addToDay(day, 1, event.seats().size(), amountCents);
        pending.writeUnlessPending();
    }

    /** Takes out what the booking's row says it added; a booking the figures never saw takes out its seats only. */
    @EventHandler
    void on(SeatsReleased event, @SequenceNumber long sequence) {
        var pending = PendingFigures.of(jdbc, this);
        var figures = pending.event(event.eventId().value());
        if (figures == null || !figures.isAhead(sequence)) {
            return;
        }
        var layout = figures.layout();
        var dayChange = new ArrayList<Runnable>(1);
        var booking = jdbc
                .query(
                        """
                        SELECT booked_on, seat_count, amount_cents, seats, cents_by_category FROM stats_bookings
                        WHERE booking_id = ? AND status = 'CONFIRMED'
                        """,
                        (rs, row) -> {
                            var booked = rs.getString(1);
                            long seats = rs.getLong(2);
                            long cents = rs.getLong(3);
                            dayChange.add(() -> pending.addToDay(booked, -1, -seats, -cents));
                            return CategorySplit.stored(
                                    CategorySplit.seatNumbers(rs.getString(4)), rs.getString(5), layout);
                        },
                        event.bookingId().value())
                .stream()
                .findFirst()
                .orElseGet(() -> CategorySplit.stored(event.seats(), null, layout));
        jdbc.update(
                "UPDATE stats_bookings SET status = 'CANCELLED', cancelled_at = ? WHERE booking_id = ?",
                event.releasedAt().toEpochMilli(),
                event.bookingId().value());
        // as for a booking: the figures in memory change once nothing can fail
        figures.advance(sequence);
        figures.add(-1, booking.negated());
        dayChange.forEach(Runnable::run);
        pending.writeUnlessPending();
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM stats_daily");
        jdbc.update("DELETE FROM stats_event_categories");
        jdbc.update("DELETE FROM stats_bookings");
        jdbc.update("DELETE FROM stats_events");
        jdbc.update("DELETE FROM stats_venues");
    }

    @QueryHandler
    StatisticsView handle(FindStatistics query) {
        var byEvent = categories.byEvent();
        var events = jdbc.query(
                """
                SELECT event_id, title, capacity, booked, bookings, revenue_cents, cancelled_at
                FROM stats_events ORDER BY starts_at, event_id
                """,
                (rs, row) -> new EventStatistics(
                        EventId.of(rs.getString(1)),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        Occupancy.of(rs.getLong(4), rs.getLong(3)),
                        rs.getInt(5),
                        rs.getLong(6),
                        byEvent.getOrDefault(rs.getString(1), List.of()),
                        rs.getObject(7) != null));
        var totals = new StatisticsView.Totals(
                events.size(),
                events.stream().mapToLong(EventStatistics::capacity).sum(),
                events.stream().mapToLong(EventStatistics::booked).sum(),
                events.stream().mapToLong(EventStatistics::bookings).sum(),
                events.stream().mapToLong(EventStatistics::revenueCents).sum(),
                CategoryFigures.totals(events));
        return new StatisticsView(totals, events);
    }

    @QueryHandler
    List<VenueStatistics> handle(FindVenueStatistics query) {
        return jdbc.query(
                """
                SELECT v.venue_id, v.name, v.city, count(e.event_id), coalesce(sum(e.capacity), 0),
                       coalesce(sum(e.booked), 0), coalesce(sum(e.bookings), 0), coalesce(sum(e.revenue_cents), 0)
                FROM stats_venues v LEFT JOIN stats_events e ON e.venue_id = v.venue_id
                GROUP BY v.venue_id, v.name, v.city
                ORDER BY v.name, v.venue_id
                """,
                (rs, row) -> new VenueStatistics(
                        VenueId.of(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        Occupancy.of(rs.getLong(6), rs.getLong(5)),
                        rs.getLong(7),
                        rs.getLong(8)));
    }

    @QueryHandler
    List<DailyBookings> handle(FindDailyBookings query) {
        return jdbc.query(
                "SELECT day, bookings, seats, revenue_cents FROM stats_daily ORDER BY day",
                (rs, row) -> new DailyBookings(
                        LocalDate.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }
}
