package io.seatwise.query.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The changes that a transaction makes to the events' figures and the daily sums, added up in memory and written
 * once, just before it commits: a processor's batch of 500 bookings, or a replay's 20,000, then updates each event's
 * row and each day's row once instead of once per booking. An event's row is read when the transaction first
 * touches it, and nothing else writes it meanwhile: its seat map's events all go to one processor segment, and on
 * SQLite the transaction holds the read models' writer from its start. The daily sums are added to what the rows
 * hold at commit, so segments that book on the same day never overwrite each other.
 */
final class PendingFigures {

    /** One event's row as the transaction found it, and what the transaction adds to it. */
    static final class EventFigures {

        private final long priceCents;
        private final long storedSequence;
        private long lastSequence;
        private long booked;
        private long bookings;

        private EventFigures(long priceCents, long lastSequence) {
            this.priceCents = priceCents;
            this.storedSequence = lastSequence;
            this.lastSequence = lastSequence;
        }

        long priceCents() {
            return priceCents;
        }

        /**
         * Adds a change of the seat map's with this sequence number, unless that change or a later one was added
         * already; says whether it was added.
         */
        boolean change(long sequence, int bookings, int seats) {
            if (sequence <= lastSequence) {
                return false;
            }
            lastSequence = sequence;
            this.bookings += bookings;
            this.booked += seats;
            return true;
        }

        private boolean changed() {
            return lastSequence != storedSequence;
        }
    }

    private record DayFigures(long bookings, long seats, long revenueCents) {

        DayFigures plus(DayFigures other) {
            return new DayFigures(bookings + other.bookings, seats + other.seats, revenueCents + other.revenueCents);
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<String, EventFigures> events = new LinkedHashMap<>();
    private final Map<String, DayFigures> days = new TreeMap<>();

    private PendingFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pending figures of the current transaction, which writes them before it commits. Outside a transaction
     * there is nothing to wait for: the caller gets figures of its own and writes them with {@link #writeUnlessPending}.
     */
    static PendingFigures of(JdbcTemplate jdbc, Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new PendingFigures(jdbc);
        }
        var pending = (PendingFigures) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            pending = new PendingFigures(jdbc);
            TransactionSynchronizationManager.bindResource(key, pending);
            var bound = pending;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    bound.write();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return pending;
    }

    /** Writes the figures at once when no transaction will: the caller's figures are then its own. */
    void writeUnlessPending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write();
        }
    }

    /** The event's figures, or null when the statistics do not know the event (its scheduling was not seen). */
    EventFigures event(String eventId) {
        var figures = events.get(eventId);
        if (figures == null) {
            figures = jdbc
                    .query(
                            "SELECT price_cents, last_sequence FROM stats_events WHERE event_id = ?",
                            (rs, row) -> new EventFigures(rs.getLong(1), rs.getLong(2)),
                            eventId)
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (figures != null) {
                events.put(eventId, figures);
            }
        }
        return figures;
    }

    void addToDay(String day, long bookings, long seats, long revenueCents) {
        days.merge(day, new DayFigures(bookings, seats, revenueCents), DayFigures::plus);
    }

    private void write() {
        events.forEach((eventId, figures) -> {
            if (figures.changed()) {
                jdbc.update(
                        """
                        UPDATE stats_events
                        SET booked = booked + ?, bookings = bookings + ?, revenue_cents = revenue_cents + ?,
                            last_sequence = ?
                        WHERE event_id = ?
                        """,
                        figures.booked,
                        figures.bookings,
                        figures.booked * figures.priceCents,
                        figures.lastSequence,
                        eventId);
            }
        });
        days.forEach(
                (day, figures) -> jdbc.update("""
                INSERT INTO stats_daily (day, bookings, seats, revenue_cents) VALUES (?, ?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET
                    bookings = stats_daily.bookings + excluded.bookings,
                    seats = stats_daily.seats + excluded.seats,
                    revenue_cents = stats_daily.revenue_cents + excluded.revenue_cents
                """, day, figures.bookings(), figures.seats(), figures.revenueCents()));
        events.clear();
        days.clear();
    }
}
