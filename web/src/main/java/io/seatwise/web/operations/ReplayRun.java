package io.seatwise.web.operations;

import io.seatwise.web.operations.ReplayProgress.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * One replay: which processors it resets, the read models each of them rebuilds, the stretch of the event store they
 * replay, and when each caught up with the head the store had when the replay began.
 */
final class ReplayRun {

    /** A processor that replays, its number of segments, and the processing groups whose read models it rebuilds. */
    record Replayed(StreamingEventProcessor processor, int segments, List<String> groups) {}

    private final long id;
    private final List<Replayed> replayed;
    private final long tail;
    private final long head;
    private final Duration errorGrace;
    private final long started = System.nanoTime();
    private final Map<String, Long> caughtUpAt = new HashMap<>();
    private final Map<String, Long> inErrorSince = new HashMap<>();

    /**
     * @param errorGrace how long a processor may stay in error before the run fails: a running application's processor
     *     retries a failed batch meanwhile, while the replay command's must not go on past a handler that failed
     */
    ReplayRun(long id, List<Replayed> replayed, long tail, long head, Duration errorGrace) {
        this.id = id;
        this.replayed = List.copyOf(replayed);
        this.tail = tail;
        this.head = head;
        this.errorGrace = errorGrace;
    }

    long id() {
        return id;
    }

    List<Replayed> replayed() {
        return replayed;
    }

    ReplayProgress progress() {
        long now = System.nanoTime();
        long events = Math.max(0, head - tail);
        long processed = 0;
        var shares = new ArrayList<ReplayProgress.Processor>();
        String error = null;
        for (var each : replayed) {
            var processor = each.processor();
            var name = processor.getName();
            var statuses = processor.processingStatus().values();
            if (!caughtUpAt.containsKey(name) && caughtUp(statuses, each.segments())) {
                caughtUpAt.put(name, now);
            }
            var failing =
                    statuses.stream().filter(EventTrackerStatus::isErrorState).findFirst();
            if (failing.isPresent()) {
                long since = inErrorSince.computeIfAbsent(name, ignored -> now);
                if (now - since >= errorGrace.toNanos()) {
                    error = name + ": " + describe(failing.get().getError());
                }
            } else {
                inErrorSince.remove(name);
            }
            var at = caughtUpAt.get(name);
            long handled = at != null
                    ? events
                    : Math.min(events, Math.max(0, lowestPosition(statuses).orElse(tail) - tail));
            processed += handled;
            for (var group : each.groups()) {
                shares.add(
                        new ReplayProgress.Processor(group, events, handled, at == null ? -1 : millis(at - started)));
            }
        }
        long total = events * replayed.size();
        long elapsed = millis(now - started);
        long rate = elapsed == 0 ? 0 : processed * 1000 / elapsed;
        long remaining = rate == 0 ? -1 : (total - processed) * 1000 / rate;
        State state = error != null ? State.FAILED : caughtUpAt.size() == replayed.size() ? State.DONE : State.RUNNING;
        return new ReplayProgress(
                id, state, processed, total, rate, elapsed, state == State.DONE ? 0 : remaining, shares, error);
    }

    /** The last progress with the reason it failed. */
    ReplayProgress failed(ReplayProgress last, String why) {
        return new ReplayProgress(
                id,
                State.FAILED,
                last.processed(),
                last.total(),
                last.eventsPerSecond(),
                millis(System.nanoTime() - started),
                -1,
                last.processors(),
                why);
    }

    /**
     * Every segment claimed and at the end of the stream and past the head that the store had when the replay began.
     * Axon's own {@code isReplaying()} stays true until an event after the reset position arrives, which on a quiet
     * store may take long.
     */
    private boolean caughtUp(Collection<EventTrackerStatus> statuses, int segments) {
        return statuses.size() >= Math.max(1, segments)
                && statuses.stream()
                        .allMatch(status -> status.isCaughtUp()
                                && !status.isErrorState()
                                && status.getCurrentPosition().orElse(tail) >= head);
    }

    static OptionalLong lowestPosition(Collection<EventTrackerStatus> statuses) {
        return statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    /** A token's position in the event store; 0 before the first event. */
    static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** A failure as the operator reads it: what went wrong, and at the bottom, why (a database's own message). */
    static String describe(Throwable error) {
        if (error == null) {
            return "error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return root == error || root.getMessage() == null ? text : text + " (" + root.getMessage() + ")";
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
