package io.seatwise.web.operations;

/**
 * Where one streaming event processor stands: its slowest segment's position in the event store against the store's
 * head.
 *
 * @param position the lowest position of its segments, or -1 before it has handled an event
 * @param lag how many positions it is behind the head
 * @param replayable whether a replay rebuilds it (notification handlers and sagas are never replayed)
 * @param error the last failure of a segment in error, or null
 */
record ProcessorStatus(
        String name,
        int segments,
        long position,
        long head,
        long lag,
        boolean replaying,
        boolean caughtUp,
        boolean running,
        boolean replayable,
        String error) {}
