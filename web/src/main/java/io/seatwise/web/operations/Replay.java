package io.seatwise.web.operations;

import io.seatwise.web.operations.ReplayProgress.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model from the event store. Each streaming processor that supports a reset is stopped, reset
 * to the start of the store (Axon then calls its {@code @ResetHandler}s, which empty its tables) and started again;
 * the replay is over when each has caught up with the head the store had when it began. Processors that do not
 * support a reset are left alone: the mail group is marked {@code @DisallowReplay}, sagas never support one, and the
 * subscribing booking ledger is no streaming processor at all.
 */
@Component
class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    /** How long a processor may stay in error before the replay gives up: Axon retries a failed batch meanwhile. */
    static final Duration ERROR_GRACE = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile ReplayProgress latest = ReplayProgress.IDLE;

    Replay(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Every streaming processor, replayable or not, in name order. */
    List<ProcessorStatus> processors() {
        long head = position(eventStore.createHeadToken());
        return streamingProcessors().values().stream()
                .map(processor -> status(processor, head))
                .toList();
    }

    /** The progress of the running replay, or of the last one. */
    ReplayProgress progress() {
        return latest;
    }

    boolean isRunning() {
        return running.get();
    }

    /** Starts a replay on a thread of its own; false when one is running already. */
    boolean startInBackground() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        var thread = new Thread(
                () -> {
                    try {
                        replay(Duration.ofMillis(250), progress -> {});
                    } catch (RuntimeException failure) {
                        log.error("The replay failed", failure);
                    }
                },
                "replay");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /**
     * Replays every read model and waits until all have caught up, telling the listener how far it has come after
     * every poll. Refuses to start while another replay runs.
     */
    ReplayProgress run(Duration pollInterval, Consumer<ReplayProgress> listener) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("A replay is running already");
        }
        return replay(pollInterval, listener);
    }

    private ReplayProgress replay(Duration pollInterval, Consumer<ReplayProgress> listener) {
        try {
            var run = reset();
            while (true) {
                var progress = run.progress();
                latest = progress;
                listener.accept(progress);
                if (progress.state().finished()) {
                    return progress;
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("The replay was interrupted", listener);
        } catch (UnableToClaimTokenException claimed) {
            return failed(heldElsewhere(claimed), listener);
        } catch (RuntimeException failure) {
            log.warn("The replay failed", failure);
            return failed(String.valueOf(failure.getMessage()), listener);
        } finally {
            running.set(false);
        }
    }

    private ReplayProgress failed(String why, Consumer<ReplayProgress> listener) {
        var progress = new ReplayProgress(
                State.FAILED,
                latest.processed(),
                latest.total(),
                latest.eventsPerSecond(),
                latest.elapsedMillis(),
                -1,
                latest.processors(),
                why);
        latest = progress;
        listener.accept(progress);
        return progress;
    }

    private Run reset() {
        long started = System.nanoTime();
        long tail = position(eventStore.createTailToken());
        long head = position(eventStore.createHeadToken());
        var replayed = new ArrayList<StreamingEventProcessor>();
        streamingProcessors().values().stream()
                .filter(StreamingEventProcessor::supportsReset)
                .forEach(replayed::add);
        latest = new ReplayProgress(State.RUNNING, 0, 0, 0, 0, -1, List.of(), null);
        for (var processor : replayed) {
            processor.shutDown();
            try {
                processor.resetTokens();
            } finally {
                // running again either way: a processor that could not be reset carries on where it was
                processor.start();
            }
            log.info("Replaying {} from position {} to {}", processor.getName(), tail, head);
        }
        return new Run(replayed, tail, head, started);
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        var found = new LinkedHashMap<String, StreamingEventProcessor>();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .forEach(processor -> found.put(processor.getName(), processor));
        return found;
    }

    private ProcessorStatus status(StreamingEventProcessor processor, long head) {
        var statuses = processor.processingStatus().values();
        long position = lowestPosition(statuses).orElse(-1);
        String error = statuses.stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> describe(status.getError()))
                .findFirst()
                .orElse(null);
        return new ProcessorStatus(
                processor.getName(),
                segmentCount(processor, statuses.size()),
                position,
                head,
                Math.max(0, head - Math.max(position, 0)),
                statuses.stream().anyMatch(EventTrackerStatus::isReplaying),
                !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp),
                processor.isRunning(),
                processor.supportsReset(),
                error);
    }

    private int segmentCount(StreamingEventProcessor processor, int claimed) {
        try {
            var name = processor.getName();
            return processing.tokenStore(name).fetchSegments(name).length;
        } catch (RuntimeException unavailable) {
            return claimed;
        }
    }

    private static OptionalLong lowestPosition(Collection<EventTrackerStatus> statuses) {
        return statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    /** Why a replay could not begin: another process runs the processors whose tokens it needs. */
    static String heldElsewhere(UnableToClaimTokenException claimed) {
        return "another process holds the event processors' tokens (" + claimed.getMessage()
                + "): stop the running application first, or rebuild from its /admin/operations page";
    }

    /** A token's position in the event store; 0 before the first event. */
    static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "error";
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    /** One replay: which processors it rebuilds, from where to where, and when each caught up. */
    private final class Run {

        private final List<StreamingEventProcessor> processors;
        private final long tail;
        private final long head;
        private final long started;
        private final Map<String, Long> caughtUpAt = new LinkedHashMap<>();
        private final Map<String, Long> inErrorSince = new LinkedHashMap<>();

        Run(List<StreamingEventProcessor> processors, long tail, long head, long started) {
            this.processors = processors;
            this.tail = tail;
            this.head = head;
            this.started = started;
        }

        ReplayProgress progress() {
            long now = System.nanoTime();
            long events = Math.max(0, head - tail);
            var shares = new ArrayList<ReplayProgress.Processor>();
            String error = null;
            for (var processor : processors) {
                var name = processor.getName();
                var statuses = processor.processingStatus().values();
                long position = lowestPosition(statuses).orElse(tail);
                long processed = Math.min(events, Math.max(0, position - tail));
                if (!caughtUpAt.containsKey(name) && caughtUp(processor, statuses)) {
                    caughtUpAt.put(name, now);
                }
                var failing = statuses.stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .findFirst();
                if (failing.isPresent()) {
                    long since = inErrorSince.computeIfAbsent(name, ignored -> now);
                    if (now - since > ERROR_GRACE.toNanos()) {
                        error = name + ": " + describe(failing.get().getError());
                    }
                } else {
                    inErrorSince.remove(name);
                }
                var at = caughtUpAt.get(name);
                shares.add(new ReplayProgress.Processor(
                        name, events, at == null ? processed : events, at == null ? -1 : millis(at - started)));
            }
            long processed = shares.stream()
                    .mapToLong(ReplayProgress.Processor::processed)
                    .sum();
            long total = events * processors.size();
            long elapsed = millis(now - started);
            long rate = elapsed == 0 ? 0 : processed * 1000 / elapsed;
            long remaining = rate == 0 ? -1 : (total - processed) * 1000 / rate;
            State state =
                    error != null ? State.FAILED : caughtUpAt.size() == processors.size() ? State.DONE : State.RUNNING;
            return new ReplayProgress(state, processed, total, rate, elapsed, remaining, List.copyOf(shares), error);
        }

        /**
         * Every segment claimed, at the end of the stream and past the head that the store had when the replay began.
         * Axon's own {@code isReplaying()} stays true until an event after the reset position arrives, which on a
         * quiet store may take long.
         */
        private boolean caughtUp(StreamingEventProcessor processor, Collection<EventTrackerStatus> statuses) {
            return statuses.size() == segmentCount(processor, statuses.size())
                    && statuses.stream()
                            .allMatch(status -> status.isCaughtUp()
                                    && status.getCurrentPosition().orElse(tail) >= head);
        }

        private static long millis(long nanos) {
            return nanos / 1_000_000;
        }
    }
}
