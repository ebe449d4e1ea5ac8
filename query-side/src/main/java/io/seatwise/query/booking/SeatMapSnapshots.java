package io.seatwise.query.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.venue.SeatLayout;
import java.util.BitSet;

/**
 * The booked seats of recently read events, in memory, so that a page of a sold-out arena does not read its 40,000
 * seat rows again on every load. Each copy is labelled with the {@code version} of its event's {@code seat_maps} row
 * it shows, and is served only while the database still holds that version: a reader always asks the database for the
 * version first, so what it gets is what the database has committed at that moment. No copy is ever older than a row
 * that was read before it, however the copies are kept, whichever node wrote the rows (PostgreSQL) and whether a replay
 * is under way.
 *
 * <p>The projection keeps the copies current after its transactions commit ({@link #apply}), so a page read after a
 * booking storm finds them ready; a copy that cannot be brought forward exactly is dropped and read again when asked.
 * Copies never change once made (a change makes a new one), so readers need no lock. Memory is bounded by weight:
 * 5 KB for a 40,000-seat event, {@value #MAX_BYTES} bytes in all, the least used dropped first.
 */
final class SeatMapSnapshots {

    static final long MAX_BYTES = 32L << 20;

    /**
     * The seats of one event as of {@code version}, booked and held for waitlist offers; neither set is changed after
     * construction.
     */
    record Snapshot(SeatLayout layout, long version, BitSet booked, BitSet held) {

        /** This snapshot with a change applied; a change says what its seats now are, so it can be applied again. */
        Snapshot with(SeatAvailabilityChanged change) {
            var seats = (BitSet) booked.clone();
            change.booked().forEach(seats::set);
            change.released().forEach(seats::clear);
            var holds = held;
            if (!change.held().isEmpty() || !change.unheld().isEmpty()) {
                holds = (BitSet) held.clone();
                change.held().forEach(holds::set);
                change.unheld().forEach(holds::clear);
            }
            return new Snapshot(layout, change.version(), seats, holds);
        }

        int weight() {
            return 64 + booked.size() / 8 + held.size() / 8;
        }
    }

    private final Cache<String, Snapshot> snapshots = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String eventId, Snapshot snapshot) -> snapshot.weight())
            .build();

    /** The snapshot of the event if it shows exactly {@code version}, else null. */
    Snapshot get(String eventId, long version) {
        var snapshot = snapshots.getIfPresent(eventId);
        return snapshot != null && snapshot.version() == version ? snapshot : null;
    }

    /** Keeps a snapshot read from the database in one statement, so its seats are those of its version. */
    void put(String eventId, Snapshot snapshot) {
        snapshots.put(eventId, snapshot);
    }

    /**
     * Brings the event's snapshot forward by a change (made by the seat-map event with sequence number {@code
     * change.version()}), once the rows of that change have committed. Only the snapshot of the version just before is brought forward (the
     * seat-map events of one event are numbered without gaps); one that already holds the change is kept, and any
     * other is dropped, since its missing changes are unknown here.
     */
    void apply(String eventId, SeatAvailabilityChanged change) {
        long version = change.version();
        snapshots.asMap().computeIfPresent(eventId, (id, snapshot) -> {
            if (snapshot.version() == version - 1) {
                return snapshot.with(change);
            }
            return snapshot.version() >= version ? snapshot : null;
        });
    }

    void clear() {
        snapshots.invalidateAll();
    }
}
