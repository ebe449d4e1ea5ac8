package io.seatwise.query.booking;

import io.seatwise.api.booking.FindSeatAvailability;
import io.seatwise.api.booking.FindSeatMap;
import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.booking.SeatMapView;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.OfferExpired;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistClosed;
import io.seatwise.api.waitlist.WaitlistEntryId;
import io.seatwise.api.waitlist.WaitlistLeft;
import io.seatwise.query.StoredJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Which seats of each event are booked, and which are held for waitlist offers: one row per booked or held seat, written with plain JDBC because a large event
 * reads tens of thousands of them at once. Inserts ignore rows that exist and a release deletes only the rows of its
 * own booking, so a redelivered event changes nothing.
 *
 * <p>Open seat maps are told of changes by a processor of their own on each node ({@code web.seatmap.LiveSeatChanges}),
 * which reads the event store rather than this group's work: this group's segments may be handled by another node. What
 * this group gives them is the map to start from, with its version.
 *
 * <p>{@code seat_maps.version} is the sequence number of the event's last seat-map event, written in the same
 * transaction as the seats, so that the seats can be served from {@link SeatMapSnapshots} in memory for as long as the
 * version has not moved; a page of a sold-out arena then reads one row instead of 40,000. The map is answered with its
 * version ({@link SeatAvailability#version()}), so that an open seat map knows which changes it holds already.
 */
@Component
@ProcessingGroup(SeatMapProjection.GROUP)
class SeatMapProjection {

    static final String GROUP = "seat-maps";

    private static final String PENDING_SNAPSHOT_CHANGES = SeatMapProjection.class.getName() + ".snapshotChanges";

    private final JdbcTemplate jdbc;
    private final SeatMapSnapshots snapshots = new SeatMapSnapshots();

    SeatMapProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EventScheduled event, @SequenceNumber long version) {
        var layout = event.layout();
        jdbc.update(
                "INSERT INTO seat_maps (event_id, seat_rows, seats_per_row, layout, version) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING",
                event.eventId().value(),
                layout.rowCount(),
                layout.widestRow(),
                StoredJson.layout(layout),
                version);
    }

    @EventHandler
    void on(SeatsBooked event, @SequenceNumber long version) {
        jdbc.batchUpdate(
                "INSERT INTO booked_seats (event_id, seat, booking_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_id, seat) DO NOTHING",
                event.seats(),
                event.seats().size(),
                (statement, seat) -> {
                    statement.setString(1, event.eventId().value());
                    statement.setInt(2, seat);
                    statement.setString(3, event.bookingId().value());
                });
        changed(SeatAvailabilityChanged.booked(event.eventId(), version, event.seats()));
    }

    @EventHandler
    void on(SeatsOffered event, @SequenceNumber long version) {
        jdbc.batchUpdate(
                "INSERT INTO held_seats (event_id, seat, entry_id) VALUES (?, ?, ?) ON CONFLICT (event_id, seat) DO NOTHING",
                event.seats(),
                event.seats().size(),
                (statement, seat) -> {
                    statement.setString(1, event.eventId().value());
                    statement.setInt(2, seat);
                    statement.setString(3, event.entryId().value());
                });
        changed(SeatAvailabilityChanged.held(event.eventId(), version, event.seats()));
    }

    /** The held seats are booked now, by the {@code SeatsBooked} just before. */
    @EventHandler
    void on(OfferAccepted event, @SequenceNumber long version) {
        var seats = jdbc.queryForList(
                "SELECT seat FROM held_seats WHERE event_id = ? AND entry_id = ? ORDER BY seat",
                Integer.class,
                event.eventId().value(),
                event.entryId().value());
        unheld(event.eventId(), event.entryId(), seats, version);
    }

    @EventHandler
    void on(OfferExpired event, @SequenceNumber long version) {
        unheld(event.eventId(), event.entryId(), event.releasedSeats(), version);
    }

    @EventHandler
    void on(WaitlistLeft event, @SequenceNumber long version) {
        unheld(event.eventId(), event.entryId(), event.releasedSeats(), version);
    }

    @EventHandler
    void on(WaitlistClosed event, @SequenceNumber long version) {
        jdbc.update("DELETE FROM held_seats WHERE event_id = ?", event.eventId().value());
        changed(SeatAvailabilityChanged.unheld(event.eventId(), version, event.releasedSeats()));
    }

    private void unheld(EventId eventId, WaitlistEntryId entryId, List<Integer> seats, long version) {
        jdbc.update("DELETE FROM held_seats WHERE event_id = ? AND entry_id = ?", eventId.value(), entryId.value());
        changed(SeatAvailabilityChanged.unheld(eventId, version, seats));
    }

    @EventHandler
    void on(SeatsReleased event, @SequenceNumber long version) {
        jdbc.update(
                "DELETE FROM booked_seats WHERE event_id = ? AND booking_id = ?",
                event.eventId().value(),
                event.bookingId().value());
        changed(SeatAvailabilityChanged.released(event.eventId(), version, event.seats()));
    }

    /**
     * Moves the event's version on with its seats (never back: a redelivered event leaves it) and brings the snapshot
     * in memory forward once the transaction has committed.
     */
    private void changed(SeatAvailabilityChanged change) {
        var eventId = change.eventId().value();
        long version = change.version();
        jdbc.update("UPDATE seat_maps SET version = ? WHERE event_id = ? AND version < ?", version, eventId, version);
        afterCommit(() -> snapshots.apply(eventId, change));
    }

    /**
     * Runs a snapshot change after the transaction commits, in the order of the events: the processor handles a batch
     * of events in one unit of work, and a snapshot moves forward only by the change that directly follows it.
     */
    private void afterCommit(Runnable snapshotChange) {
        if (!CurrentUnitOfWork.isStarted()) {
            snapshots.clear();
            return;
        }
        var unitOfWork = CurrentUnitOfWork.get();
        List<Runnable> pending = unitOfWork.getOrComputeResource(PENDING_SNAPSHOT_CHANGES, key -> {
            var changes = new ArrayList<Runnable>();
            unitOfWork.afterCommit(committed -> changes.forEach(Runnable::run));
            return changes;
        });
        pending.add(snapshotChange);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM booked_seats");
        jdbc.update("DELETE FROM held_seats");
        jdbc.update("DELETE FROM seat_maps");
        // A snapshot read while the rows are deleted may be kept again, but only shows the seats of its version, and a
        // replay that brings the event back to that version brings back exactly those seats.
        snapshots.clear();
    }

    @QueryHandler
    Optional<SeatMapView> handle(FindSeatMap query) {
        return current(query.eventId())
                .map(snapshot -> new SeatMapView(
                        query.eventId(),
                        snapshot.layout(),
                        snapshot.booked().stream().boxed().toList(),
                        snapshot.held().stream().boxed().toList()));
    }

    @QueryHandler
    Optional<SeatAvailability> handle(FindSeatAvailability query) {
        return current(query.eventId())
                .map(snapshot -> SeatAvailability.of(
                        query.eventId(), snapshot.layout(), snapshot.booked(), snapshot.held(), snapshot.version()));
    }

    /** The event's seats as the database has them now: its version from the database, its seats from memory if kept. */
    private Optional<SeatMapSnapshots.Snapshot> current(EventId eventId) {
        var id = eventId.value();
        var version =
                jdbc.query("SELECT version FROM seat_maps WHERE event_id = ?", (rs, row) -> rs.getLong(1), id).stream()
                        .findFirst();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        var kept = snapshots.get(id, version.get());
        if (kept != null) {
            return Optional.of(kept);
        }
        var loader = new SnapshotLoader();
        // one statement, so that the version and the seats are of the same committed state
        jdbc.query(
                "SELECT m.seat_rows, m.seats_per_row, m.layout, m.version, b.seat, 0 FROM seat_maps m "
                        + "LEFT JOIN booked_seats b ON b.event_id = m.event_id WHERE m.event_id = ? "
                        + "UNION ALL SELECT m.seat_rows, m.seats_per_row, m.layout, m.version, h.seat, 1 FROM seat_maps m "
                        + "JOIN held_seats h ON h.event_id = m.event_id WHERE m.event_id = ?",
                loader,
                id,
                id);
        var loaded = loader.snapshot();
        loaded.ifPresent(snapshot -> snapshots.put(id, snapshot));
        return loaded;
    }

    /**
     * Reads the rows of one event's seat map, each with its layout and version, and a booked seat (kind 0) or a held
     * one (kind 1) if there is one.
     */
    private static final class SnapshotLoader implements RowCallbackHandler {

        private SeatLayout layout;
        private long version;
        private BitSet booked;
        private BitSet held;

        @Override
        public void processRow(ResultSet row) throws SQLException {
            if (layout == null) {
                layout = StoredJson.layout(row.getString(3), row.getInt(1), row.getInt(2));
                version = row.getLong(4);
                booked = new BitSet(layout.capacity() + 1);
                held = new BitSet();
            }
            int seat = row.getInt(5);
            if (!row.wasNull()) {
                (row.getInt(6) == 0 ? booked : held).set(seat);
            }
        }

        Optional<SeatMapSnapshots.Snapshot> snapshot() {
            return Optional.ofNullable(layout)
                    .map(found -> new SeatMapSnapshots.Snapshot(found, version, booked, held));
        }
    }
}
