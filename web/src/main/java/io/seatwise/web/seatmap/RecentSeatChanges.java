package io.seatwise.web.seatmap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.event.EventId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The latest seat-map changes of each event that changed in the last {@link #KEPT}, as this node's
 * {@link LiveSeatChanges} saw them, in the order of the event's history. A stream starts from the map as the read
 * model has it, which may be a little behind the event store (its segment may be handled on another node, or not be
 * committed yet): the changes that the map lacks and that were sent before the stream subscribed are found here.
 *
 * <p>A change is kept before it is sent, so that every change is in the map, kept here, or sent after the stream
 * subscribed. At most {@value #PER_EVENT} changes of one event and {@value #MAX_CHANGES} in all are kept (about 100
 * bytes each); an event whose oldest changes had to go for room says so (for {@link #KEPT}), and a stream that needs
 * them reads the map again.
 */
@Component
class RecentSeatChanges {

    static final Duration KEPT = Duration.ofMinutes(1);
    static final int PER_EVENT = 20_000;
    static final int MAX_CHANGES = 100_000;

    /**
     * What a map of some version lacks.
     *
     * @param changes the changes after the version that are kept, in order
     * @param complete whether they are all the changes after it that this node has seen
     */
    record CatchUp(List<SeatAvailabilityChanged> changes, boolean complete) {

        /** The map with the changes applied in order, as of the last change's version. */
        SeatAvailability appliedTo(SeatAvailability map) {
            if (changes.isEmpty()) {
                return map;
            }
            var booked = map.bookedSeats();
            var held = map.heldSeats();
            for (var change : changes) {
                change.booked().forEach(booked::set);
                change.released().forEach(booked::clear);
                change.held().forEach(held::set);
                change.unheld().forEach(held::clear);
            }
            var last = changes.get(changes.size() - 1).version();
            return SeatAvailability.of(map.eventId(), map.layout(), booked, held, last);
        }
    }

    /** The version of the latest change of each event whose changes were all let go for room. */
    private final Cache<EventId, Long> letGo =
            Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(10_000).build();

    private final Cache<EventId, EventChanges> byEvent = Caffeine.newBuilder()
            // evicts on the thread that adds (the processor's), at once: no change is claimed kept that is gone
            .executor(Runnable::run)
            .expireAfterWrite(KEPT)
            .maximumWeight(MAX_CHANGES)
            .weigher((EventId event, EventChanges changes) -> changes.size())
            .evictionListener((EventId event, EventChanges changes, RemovalCause cause) -> {
                if (cause == RemovalCause.SIZE && event != null && changes != null) {
                    letGo.put(event, changes.latest());
                }
            })
            .build();

    /** Keeps a change; one the event has already (a redelivered event) is ignored. */
    void add(SeatAvailabilityChanged change) {
        byEvent.asMap().compute(change.eventId(), (event, changes) -> {
            var kept = changes != null ? changes : new EventChanges(letGo(event));
            return kept.add(change);
        });
    }

    /** The changes of the event after {@code version}, as far as they are kept. */
    CatchUp after(EventId eventId, long version) {
        var changes = byEvent.getIfPresent(eventId);
        return changes != null ? changes.after(version) : new CatchUp(List.of(), version >= letGo(eventId));
    }

    private long letGo(EventId eventId) {
        var latest = letGo.getIfPresent(eventId);
        return latest == null ? -1 : latest;
    }

    /** The changes of one event, oldest first. */
    private static final class EventChanges {

        private final ArrayDeque<SeatAvailabilityChanged> changes = new ArrayDeque<>();
        /** The version of the latest change that is no longer kept; -1 while none was let go. */
        private long dropped;

        EventChanges(long dropped) {
            this.dropped = dropped;
        }

        synchronized EventChanges add(SeatAvailabilityChanged change) {
            var last = changes.peekLast();
            if (last != null && change.version() <= last.version()) {
                return this;
            }
            if (changes.size() == PER_EVENT) {
                dropped = changes.removeFirst().version();
            }
            changes.addLast(change);
            return this;
        }

        synchronized int size() {
            return changes.size();
        }

        synchronized long latest() {
            return changes.isEmpty() ? dropped : changes.peekLast().version();
        }

        synchronized CatchUp after(long version) {
            var newer = new ArrayList<SeatAvailabilityChanged>();
            for (var each = changes.descendingIterator(); each.hasNext(); ) {
                var change = each.next();
                if (change.version() <= version) {
                    break;
                }
                newer.add(change);
            }
            Collections.reverse(newer);
            return new CatchUp(newer, version >= dropped);
        }
    }
}
