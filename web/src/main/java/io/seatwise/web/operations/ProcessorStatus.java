package io.seatwise.web.operations;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

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
        String error) {

    static ProcessorStatus of(StreamingEventProcessor processor, int segments, long head) {
        var statuses = processor.processingStatus().values();
        long position = ReplayRun.lowestPosition(statuses).orElse(-1);
        String error = statuses.stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> ReplayRun.describe(status.getError()))
                .findFirst()
                .orElse(null);
        return new ProcessorStatus(
                processor.getName(),
                segments,
                position,
                head,
                Math.max(0, head - Math.max(position, 0)),
                statuses.stream().anyMatch(EventTrackerStatus::isReplaying),
                !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp),
                processor.isRunning(),
                processor.supportsReset(),
                error);
    }
}
