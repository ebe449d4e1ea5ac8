package io.seatwise.web.operations;

import io.seatwise.web.operations.ReplayProgress.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Rebuilds every replayable read model while the application is stopped: the replay of
 * {@code java -jar seatwise.jar replay}.
 *
 * <p>A running application replays through its event processors ({@link Replay}), each of which reads and
 * deserializes the whole event store on its own and commits its batches in transactions of its own; on SQLite, where
 * one transaction writes at a time, five read models then take turns for the one writer, and a replay uses about one
 * core for a fifth of the speed it could have. With the application stopped there is nobody to share with, so this
 * replay reads the store once, on a thread of its own that also deserializes, while the calling thread hands each
 * event to the handlers of every replayed processing group and commits large batches. Each batch's transaction also
 * stores every group's position, so a replay that is cut off leaves the read models and their positions in step, and
 * the application carries on from there when it starts.
 *
 * <p>The processors' tokens are claimed before anything is reset: while another process holds them, the replay fails
 * without touching a read model.
 */
@Component
class OfflineReplay {

    private static final Logger log = LoggerFactory.getLogger(OfflineReplay.class);

    /**
     * Events per transaction. Large, because a commit writes every page that its transaction changed to the WAL, and
     * the pages of the read models' indexes are changed by many events of a batch, yet written once.
     */
    static final int BATCH = 20_000;

    /** Batches read ahead of the handlers. */
    private static final int READ_AHEAD = 2;

    private static final Duration REPORT_EVERY = Duration.ofMillis(200);

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TokenStore tokens;
    private final TransactionOperations transactions;
    private final int segments;

    OfflineReplay(
            EventProcessingConfiguration processing,
            EventStorageEngine storage,
            TokenStore tokens,
            TransactionOperations transactions,
            @Value("${seatwise.processors.segments}") int segments) {
        this.processing = processing;
        this.storage = storage;
        this.tokens = tokens;
        this.transactions = transactions;
        this.segments = segments;
    }

    /** Replays every read model, telling the listener how far it has come now and then; returns how it ended. */
    ReplayProgress run(Consumer<ReplayProgress> listener) {
        var tail = storage.createTailToken();
        var run = new Run(replayedGroups(), Replay.position(tail), Replay.position(storage.createHeadToken()));
        try {
            // Every processor stops, the mail group's too: mail is the running application's business, and here it
            // would only compete for the writer. All at once: each takes a moment to hand its segments back.
            CompletableFuture.allOf(processing.eventProcessors().values().stream()
                            .map(EventProcessor::shutdownAsync)
                            .toArray(CompletableFuture[]::new))
                    .join();
            transactions.executeWithoutResult(status -> run.groups.forEach(group -> group.reset(tail)));
            var reader = new Reader(tail);
            reader.start();
            try {
                for (var batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                    run.handle(batch);
                    run.report(listener, false);
                }
            } finally {
                reader.interrupt();
            }
            reader.rethrowFailure();
            return run.report(listener, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.failed("The replay was interrupted", listener);
        } catch (UnableToClaimTokenException claimed) {
            return run.failed(Replay.heldElsewhere(claimed), listener);
        } catch (RuntimeException failure) {
            log.warn("The replay failed", failure);
            return run.failed(String.valueOf(failure.getMessage()), listener);
        } finally {
            run.groups.forEach(Group::releaseClaims);
        }
    }

    private List<Group> replayedGroups() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .filter(AbstractEventProcessor.class::isInstance)
                .map(processor -> new Group(processor))
                .filter(group -> group.processor.supportsReset())
                .sorted(Comparator.comparing(group -> group.processor.getName()))
                .toList();
    }

    /** One processing group: its processor, whose handlers the replay calls, and its tokens. */
    private final class Group {

        private final StreamingEventProcessor processor;
        private final EventHandlerInvoker invoker;
        private final List<EventMessageHandler> handlers;
        private int[] segments = new int[0];

        Group(Object processor) {
            this.processor = (StreamingEventProcessor) processor;
            this.invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
            this.handlers = handlersOf(invoker);
        }

        /**
         * The group's handlers themselves, to be called without the invoker around them: a processor's invoker logs a
         * handler's failure and goes on with the next event, which keeps a running application serving, but would let a
         * replay end with a read model that is missing what failed.
         */
        private static List<EventMessageHandler> handlersOf(EventHandlerInvoker invoker) {
            if (invoker instanceof MultiEventHandlerInvoker multiple) {
                return multiple.delegates().stream()
                        .flatMap(delegate -> handlersOf(delegate).stream())
                        .toList();
            }
            if (invoker instanceof SimpleEventHandlerInvoker simple) {
                return simple.eventHandlers();
            }
            throw new IllegalStateException("No handlers found in " + invoker);
        }

        /**
         * Claims every segment's token, empties the read model and moves the tokens back to the tail. A group that has
         * stored no tokens yet gets as many segments as its processor would have made
         * ({@code seatwise.processors.segments}).
         */
        void reset(TrackingToken tail) {
            var name = processor.getName();
            segments = tokens.fetchSegments(name);
            if (segments.length == 0) {
                tokens.initializeTokenSegments(name, OfflineReplay.this.segments, tail);
                segments = tokens.fetchSegments(name);
            }
            for (int segment : segments) {
                tokens.fetchToken(name, segment);
            }
            invoker.performReset();
            store(tail);
        }

        void handle(TrackedEventMessage<?> event) {
            for (var handler : handlers) {
                if (!handler.canHandle(event)) {
                    continue;
                }
                try {
                    handler.handle(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(
                            processor.getName() + " failed on "
                                    + event.getPayloadType().getSimpleName(),
                            e);
                }
            }
        }

        void store(TrackingToken position) {
            for (int segment : segments) {
                tokens.storeToken(position, processor.getName(), segment);
            }
        }

        void releaseClaims() {
            for (int segment : segments) {
                try {
                    tokens.releaseClaim(processor.getName(), segment);
                } catch (RuntimeException ignored) {
                    // not claimed: the replay failed before it claimed this group
                }
            }
        }
    }

    /** The replay's progress: what it replays, how far it has come and when it last said so. */
    private final class Run {

        private final List<Group> groups;
        private final long events;
        private final long started = System.nanoTime();
        private long handled;
        private long reportedAt;

        Run(List<Group> groups, long tail, long head) {
            this.groups = groups;
            this.events = Math.max(0, head - tail);
        }

        /**
         * Hands each event to every group's handlers and stores every group's position, in one transaction. No unit of
         * work wraps the events: the handlers need none, and one per event of a large batch only fed the collector.
         */
        void handle(List<TrackedEventMessage<?>> batch) {
            transactions.executeWithoutResult(status -> {
                for (var event : batch) {
                    for (var group : groups) {
                        group.handle(event);
                    }
                }
                var position = batch.get(batch.size() - 1).trackingToken();
                groups.forEach(group -> group.store(position));
            });
            handled += batch.size();
        }

        ReplayProgress report(Consumer<ReplayProgress> listener, boolean done) {
            long now = System.nanoTime();
            if (!done && now - reportedAt < REPORT_EVERY.toNanos()) {
                return null;
            }
            reportedAt = now;
            long total = Math.max(events, handled);
            long elapsed = (now - started) / 1_000_000;
            long rate = elapsed == 0 ? 0 : handled * 1000 / elapsed;
            long remaining = done ? 0 : rate == 0 ? -1 : (total - handled) * 1000 / rate;
            var shares = groups.stream()
                    .map(group -> new ReplayProgress.Processor(
                            group.processor.getName(), total, handled, done ? elapsed : -1))
                    .toList();
            var progress = new ReplayProgress(
                    done ? State.DONE : State.RUNNING, handled, total, rate, elapsed, remaining, shares, null);
            listener.accept(progress);
            return progress;
        }

        ReplayProgress failed(String why, Consumer<ReplayProgress> listener) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            var progress = new ReplayProgress(State.FAILED, handled, events, 0, elapsed, -1, List.of(), why);
            listener.accept(progress);
            return progress;
        }
    }

    /**
     * Reads the event store from the tail and deserializes each event, on a thread of its own, a few batches ahead of
     * the handlers. An empty batch ends the stream.
     */
    private final class Reader extends Thread {

        private final TrackingToken from;
        private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(READ_AHEAD);
        private volatile RuntimeException failure;

        Reader(TrackingToken from) {
            super("replay-reader");
            setDaemon(true);
            this.from = from;
        }

        @Override
        public void run() {
            try (var stream = storage.readEvents(from, false)) {
                var batch = new ArrayList<TrackedEventMessage<?>>(BATCH);
                var events = stream.iterator();
                while (events.hasNext()) {
                    batch.add(deserialized(events.next()));
                    if (batch.size() == BATCH) {
                        batches.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.put(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                batches.put(List.of());
            } catch (InterruptedException ignored) {
                // the handlers have stopped waiting
            }
        }

        /**
         * The event with its payload and metadata deserialized here, on the reader's thread, and without the stored
         * form that a lazily deserialized event keeps beside them: a batch in memory is half the size.
         */
        private static TrackedEventMessage<?> deserialized(TrackedEventMessage<?> event) {
            if (!(event instanceof DomainEventMessage<?> stored)) {
                event.getPayload();
                event.getMetaData();
                return event;
            }
            return new GenericTrackedDomainEventMessage<Object>(
                    event.trackingToken(),
                    new GenericDomainEventMessage<Object>(
                            stored.getType(),
                            stored.getAggregateIdentifier(),
                            stored.getSequenceNumber(),
                            stored.getPayload(),
                            stored.getMetaData(),
                            stored.getIdentifier(),
                            stored.getTimestamp()));
        }

        List<TrackedEventMessage<?>> next() throws InterruptedException {
            while (true) {
                var batch = batches.poll(1, TimeUnit.SECONDS);
                if (batch != null) {
                    return batch;
                }
                if (!isAlive() && batches.isEmpty()) {
                    return List.of();
                }
            }
        }

        void rethrowFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
