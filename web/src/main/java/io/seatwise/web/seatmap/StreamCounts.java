package io.seatwise.web.seatmap;

import io.seatwise.api.event.EventId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open seat-map streams of this node counted per client, against the limit per client, and per event: {@link
 * LiveSeatChanges} sends only the changes of events whose map is open or opening here, so that a change nobody here
 * follows costs no look through every subscription.
 */
final class StreamCounts {

    private final int maxPerClient;
    private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EventId, Integer> perEvent = new ConcurrentHashMap<>();

    StreamCounts(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    /**
     * Counts one more stream of the event for the client, unless the client holds as many as it may; the event counts
     * from here on, so that no change sent from then on passes the stream by.
     */
    boolean opening(EventId eventId, String client) {
        var claimed = new AtomicBoolean();
        perClient.compute(client, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= maxPerClient) {
                return open;
            }
            claimed.set(true);
            return count + 1;
        });
        if (claimed.get()) {
            perEvent.merge(eventId, 1, Integer::sum);
        }
        return claimed.get();
    }

    /** Counts a stream that {@link #opening} counted, and that failed to open or has closed, no more. */
    void closed(EventId eventId, String client) {
        perClient.computeIfPresent(client, (key, open) -> open <= 1 ? null : open - 1);
        perEvent.computeIfPresent(eventId, (key, open) -> open <= 1 ? null : open - 1);
    }

    boolean watched(EventId eventId) {
        return perEvent.containsKey(eventId);
    }
}
