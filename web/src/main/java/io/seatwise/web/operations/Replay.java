package io.seatwise.web.operations;

import io.seatwise.web.operations.ReplayRun.Replayed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Rebuilds every read model from the event store, through Axon's own reset: each streaming processor that supports a
 * reset is stopped, reset to the start of the store (Axon then calls its {@code @ResetHandler}s, which empty its
 * tables) and started again, and the replay is over when each has caught up with the head the store had when it began.
 * Processors that do not support a reset are left alone: the mail group is marked {@code @DisallowReplay}, and the
 * booking ledger is a subscribing processor.
 *
 * <p>The operations page replays the running application's processors, each on its own. The replay command
 * (profile {@value ReplayCommand#PROFILE}) has one processor for every replayed group ({@link ReplayConfiguration});
 * there the replay also claims the groups' own tokens before the reset, moves them with the replay, and leaves them at
 * the head it reached ({@link GroupTokens}).
 */
@Component
class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    /** How long a processor may stay in error before the page's replay gives up: Axon retries a failed batch. */
    static final Duration ERROR_GRACE = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionOperations transactions;
    private final GroupTokens groupTokens;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private volatile ReplayProgress latest = ReplayProgress.IDLE;

    Replay(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            TransactionOperations transactions,
            ObjectProvider<GroupTokens> groupTokens) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.groupTokens = groupTokens.getIfAvailable();
    }

    /** Every streaming processor, replayable or not, in name order. */
    List<ProcessorStatus> processors() {
        long head = ReplayRun.position(eventStore.createHeadToken());
        return streamingProcessors().stream()
                .map(processor -> ProcessorStatus.of(processor, segments(processor), head))
                .toList();
    }

    /** The progress of the running replay, or of the last one. */
    ReplayProgress progress() {
        return latest;
    }

    boolean isRunning() {
        return running.get();
    }

    /**
     * Starts a replay on a thread of its own and returns its number, which its progress carries, and which is
     * {@code RUNNING} from now on; returns 0 when a replay is running already.
     */
    long startInBackground() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        long run = begin();
        var thread = new Thread(() -> replay(run, Duration.ofMillis(250), progress -> {}), "replay");
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    /**
     * Replays every read model and waits until all have caught up, telling the listener how far it has come after
     * every poll. Refuses to start while another replay runs.
     */
    ReplayProgress run(Duration pollInterval, Consumer<ReplayProgress> listener) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("A replay is running already");
        }
        return replay(begin(), pollInterval, listener);
    }

    private long begin() {
        long run = runs.incrementAndGet();
        latest = ReplayProgress.starting(run);
        return run;
    }

    private ReplayProgress replay(long id, Duration pollInterval, Consumer<ReplayProgress> listener) {
        ReplayRun run = null;
        try {
            run = reset(id);
            while (true) {
                var progress = run.progress();
                latest = progress;
                listener.accept(progress);
                if (progress.state().finished()) {
                    return finish(run, progress);
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(run, "The replay was interrupted", listener);
        } catch (UnableToClaimTokenException claimed) {
            return failed(run, heldElsewhere(claimed), listener);
        } catch (RuntimeException failure) {
            log.warn("The replay failed", failure);
            return failed(run, ReplayRun.describe(failure), listener);
        } finally {
            if (groupTokens != null) {
                stopAndRelease(run);
            }
            running.set(false);
        }
    }

    /**
     * Stops the processors that replay, resets them in one transaction (in the replay command with the claims on the
     * groups' tokens, so that nothing is reset while another process holds one) and starts them again.
     */
    private ReplayRun reset(long id) {
        long tail = ReplayRun.position(eventStore.createTailToken());
        long head = ReplayRun.position(eventStore.createHeadToken());
        var processors = streamingProcessors().stream()
                .filter(StreamingEventProcessor::supportsReset)
                .toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            transactions.executeWithoutResult(status -> {
                if (groupTokens != null) {
                    groupTokens.claimAt(eventStore.createTailToken());
                    processors.forEach(this::initializeTokens);
                }
                // to the tail, explicitly: a processor's resetTokens() goes back to its initial token, which for
                // the replay command's processor is the head
                processors.forEach(processor -> processor.resetTokens(StreamableMessageSource::createTailToken));
            });
        } finally {
            // running again either way: a processor that could not be reset carries on where it was
            processors.forEach(StreamingEventProcessor::start);
        }
        var replayed = new ArrayList<Replayed>();
        for (var processor : processors) {
            log.info("Replaying {} from position {} to {}", processor.getName(), tail, head);
            var groups = groupTokens != null ? groupTokens.groups() : List.of(processor.getName());
            replayed.add(new Replayed(processor, segments(processor), groups));
        }
        // the replay command's processor must not go on past a handler that failed
        var grace = groupTokens != null ? Duration.ZERO : ERROR_GRACE;
        return new ReplayRun(id, replayed, tail, head, grace);
    }

    /**
     * The replay command's processor keeps its position in memory: it has none until its first replay. It starts at the
     * tail, so that the reset to the tail leaves it a plain token: Axon asks every group's handlers whether they allow
     * a replay for each event that a replay token delivers, and none of this processor's groups refuses one.
     */
    private void initializeTokens(StreamingEventProcessor processor) {
        var name = processor.getName();
        var tokens = processing.tokenStore(name);
        if (tokens.fetchSegments(name).length == 0) {
            tokens.initializeTokenSegments(name, 1, eventStore.createTailToken());
        }
    }

    /** In the replay command: leaves the groups' tokens where the replay got to, and lets go of them. */
    private ReplayProgress finish(ReplayRun run, ReplayProgress progress) {
        if (groupTokens == null || progress.state() != ReplayProgress.State.DONE) {
            return progress;
        }
        for (var replayed : run.replayed()) {
            var processor = replayed.processor();
            processor.shutDown();
            var reached = processing.tokenStore(processor.getName()).fetchToken(processor.getName(), 0);
            transactions.executeWithoutResult(status -> groupTokens.store(reached));
        }
        return progress;
    }

    private void stopAndRelease(ReplayRun run) {
        if (run != null) {
            run.replayed().forEach(replayed -> replayed.processor().shutDown());
        }
        transactions.executeWithoutResult(status -> groupTokens.release());
    }

    private ReplayProgress failed(ReplayRun run, String why, Consumer<ReplayProgress> listener) {
        var last = latest;
        var progress = run != null
                ? run.failed(last, why)
                : new ReplayProgress(last.run(), ReplayProgress.State.FAILED, 0, 0, 0, 0, -1, List.of(), why);
        latest = progress;
        listener.accept(progress);
        return progress;
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    private int segments(StreamingEventProcessor processor) {
        try {
            var name = processor.getName();
            return processing.tokenStore(name).fetchSegments(name).length;
        } catch (RuntimeException unavailable) {
            return processor.processingStatus().size();
        }
    }

    /** Why a replay could not begin: another process runs the processors whose tokens it needs. */
    static String heldElsewhere(UnableToClaimTokenException claimed) {
        return "another process holds the event processors' tokens (" + claimed.getMessage()
                + "): stop the running application first, or rebuild from its /admin/operations page";
    }
}
