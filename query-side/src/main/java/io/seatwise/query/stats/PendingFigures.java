package io.seatwise.query.stats;

import io.seatwise.api.venue.SeatLayout;
import io.seatwise.query.StoredJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The changes that a transaction makes to the events' figures and the daily sums, added up in memory and written
 * once, just before it commits: a processor's batch of 500 bookings, or a replay's 20,000, then updates each event's
 * row, the rows of its categories and each day's row once instead of once per booking. An event's row is read when
 * the transaction first touches it, and nothing else writes it or its categories' rows meanwhile: its seat map's events all go to one processor segment, and on
 * SQLite the transaction holds the read models' writer from its start. The daily sums are added to what the rows
 * hold at commit, so segments that book on the same day never overwrite each other.
 */
final class PendingFigures {

    /** One event's row as the transaction found it, and what the transaction adds to it. */
    static final class EventFigures {

        private final long priceCents;
        private final String layoutJson;
        private final long storedSequence;
        private SeatLayout layout;
        private long lastSequence;
        private long booked;
        private long bookings;
        private long revenueCents;
        private final Map<String, CategorySplit.Part> categories = new TreeMap<>();

        private EventFigures(long priceCents, String layoutJson, long lastSequence) {
            this.priceCents = priceCents;
            this.layoutJson = layoutJson;
            this.storedSequence = lastSequence;
            this.lastSequence = lastSequence;
        }

        /** The price per seat of the event's bookings of revision 1: its one price, as events then had. */
        long priceCents() {
            return priceCents;
        }

        /** The event's layout, read when first needed: a transaction of many bookings reads it once. */
        SeatLayout layout() {
            if (layout == null) {
                if (layoutJson == null) {
                    // V8 empties the statistics and rebuilds them from the events, which always have a layout
                    throw new IllegalStateException("The statistics of an event have no layout: replay them");
                }
                layout = StoredJson.layout(layoutJson, 0, 0);
            }
            return layout;
        }

        /** Whether the seat map's change with this sequence number is one that was not taken yet. */
        boolean isAhead(long sequence) {
            return sequence > lastSequence;
        }

        /**
         * Takes the change of the seat map's with this sequence number, unless that change or a later one was taken
         * already; says whether it was taken. Only a change taken is then {@linkplain #add added}.
         */
        boolean advance(long sequence) {
            if (sequence <= lastSequence) {
                return false;
            }
            lastSequence = sequence;
            return true;
        }

        /** Adds a booking (1) or takes one out (-1) with its seats and cents per category. */
        void add(int bookings, CategorySplit split) {
            this.bookings += bookings;
            this.booked += split.seats();
            this.revenueCents += split.cents();
            split.parts().forEach((code, part) -> categories.merge(code, part, CategorySplit.Part::plus));
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
                            "SELECT price_cents, layout, last_sequence FROM stats_events WHERE event_id = ?",
                            (rs, row) -> new EventFigures(rs.getLong(1), rs.getString(2), rs.getLong(3)),
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
                jdbc.update("""
                        UPDATE stats_events
                        SET booked = booked + ?, bookings = bookings + ?, revenue_cents = revenue_cents + ?,
                            last_sequence = ?
                        WHERE event_id = ?
                        """, figures.booked, figures.bookings, figures.revenueCents, figures.lastSequence, eventId);
                figures.categories.forEach((code, part) -> jdbc.update("""
                        UPDATE stats_event_categories SET booked = booked + ?, revenue_cents = revenue_cents + ?
                        WHERE event_id = ? AND code = ?
                        """, part.seats(), part.cents(), eventId, code));
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
