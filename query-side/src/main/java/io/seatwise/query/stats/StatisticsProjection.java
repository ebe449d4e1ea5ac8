package io.seatwise.query.stats;

import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.stats.DailyBookings;
import io.seatwise.api.stats.EventStatistics;
import io.seatwise.api.stats.FindDailyBookings;
import io.seatwise.api.stats.FindStatistics;
import io.seatwise.api.stats.FindVenueStatistics;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.stats.VenueStatistics;
import io.seatwise.api.venue.VenueCreated;
import io.seatwise.api.venue.VenueId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The admins' figures: per event its booked seats, bookings and revenue, each booking, and the bookings of each day.
 * A change to an event's figures is applied only when the seat map's sequence number is newer than the one the row
 * holds; the booking rows and daily sums are written only when that change was applied, in the same transaction, so
 * a redelivered event changes nothing and a replay gives the same tables. The events' figures and the daily sums are
 * added up per transaction and written when it commits ({@link PendingFigures}).
 */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class StatisticsProjection {

    static final String GROUP = "statistics";

    private final JdbcTemplate jdbc;

    StatisticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VenueCreated event) {
        jdbc.update(
                "INSERT INTO stats_venues (venue_id, name, city) VALUES (?, ?, ?) ON CONFLICT (venue_id) DO NOTHING",
                event.venueId().value(),
                event.name(),
                event.city());
    }

    @EventHandler
    void on(EventScheduled event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                INSERT INTO stats_events (event_id, venue_id, title, starts_at, price_cents, capacity,
                                          booked, bookings, revenue_cents, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?)
                ON CONFLICT (event_id) DO NOTHING
                """,
                event.eventId().value(),
                event.venueId().value(),
                event.title(),
                event.startsAt().toEpochMilli(),
                event.lowestPriceCents(),
                event.layout().capacity(),
                sequence);
    }

    @EventHandler
    void on(SeatsBooked event, @SequenceNumber long sequence) {
        var pending = PendingFigures.of(jdbc, this);
        var figures = pending.event(event.eventId().value());
        var seats = event.seats().size();
        if (figures == null || !figures.change(sequence, 1, seats)) {
            return;
        }
        var day = LocalDate.ofInstant(event.bookedAt(), ZoneOffset.UTC).toString();
        var amountCents = event.totalCents(figures.priceCents());
        jdbc.update(
                """
                INSERT INTO stats_bookings (booking_id, event_id, account_id, seats, seat_count, amount_cents,
                                            booked_at, booked_on, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CONFIRMED')
                ON CONFLICT (booking_id) DO NOTHING
                """,
                event.bookingId().value(),
                event.eventId().value(),
                event.accountId().value(),
                event.seats().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                seats,
                amountCents,
                event.bookedAt().toEpochMilli(),
                day);
        pending.addToDay(day, 1, seats, amountCents);
        pending.writeUnlessPending();
    }

    @EventHandler
    void on(SeatsReleased event, @SequenceNumber long sequence) {
        var pending = PendingFigures.of(jdbc, this);
        var figures = pending.event(event.eventId().value());
        if (figures == null || !figures.change(sequence, -1, -event.seats().size())) {
            return;
        }
        jdbc.query(
                """
                        SELECT booked_on, seat_count, amount_cents FROM stats_bookings
                        WHERE booking_id = ? AND status = 'CONFIRMED'
                        """,
                (RowCallbackHandler) rs -> pending.addToDay(rs.getString(1), -1, -rs.getLong(2), -rs.getLong(3)),
                event.bookingId().value());
        jdbc.update(
                "UPDATE stats_bookings SET status = 'CANCELLED', cancelled_at = ? WHERE booking_id = ?",
                event.releasedAt().toEpochMilli(),
                event.bookingId().value());
        pending.writeUnlessPending();
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM stats_daily");
        jdbc.update("DELETE FROM stats_bookings");
        jdbc.update("DELETE FROM stats_events");
        jdbc.update("DELETE FROM stats_venues");
    }

    @QueryHandler
    StatisticsView handle(FindStatistics query) {
        var events = jdbc.query(
                """
                SELECT event_id, title, capacity, booked, bookings, revenue_cents
                FROM stats_events ORDER BY starts_at, event_id
                """,
                (rs, row) -> new EventStatistics(
                        EventId.of(rs.getString(1)),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        Occupancy.of(rs.getLong(4), rs.getLong(3)),
                        rs.getInt(5),
                        rs.getLong(6)));
        var totals = new StatisticsView.Totals(
                events.size(),
                events.stream().mapToLong(EventStatistics::capacity).sum(),
                events.stream().mapToLong(EventStatistics::booked).sum(),
                events.stream().mapToLong(EventStatistics::bookings).sum(),
                events.stream().mapToLong(EventStatistics::revenueCents).sum());
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
