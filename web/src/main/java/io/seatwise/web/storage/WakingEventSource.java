package io.seatwise.web.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The event store as the read models' pooled processors read it ({@code source: wakingEventSource} in
 * application.yml): the same streams, which also wake their processor as soon as new events are stored.
 *
 * <p>A pooled processor that has caught up looks at its stream again only every 500 ms unless the stream offers to
 * call it back when events arrive, which the embedded event store's streams do not (Axon Server's do). Every read
 * model then lagged half a second behind each command: a venue just created was missing from the list the admin was
 * sent to. Here one thread follows the event store from its head (the reader that this node's processors share, which
 * sees this node's events as they are committed and, on PostgreSQL, the other nodes' within the poll interval) and
 * calls back every open stream when events came (at most every {@link #GATHER}), and every {@link #LOOK_AGAIN} when
 * none came.
 */
@Component("wakingEventSource")
public class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

    /**
     * How often the processors are woken when no events come, as often as Axon's own look: a processor notes that it
     * has caught up (which the operations page and a rebuild wait for) only when it looks.
     */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(500);

    /**
     * How long the processors are left to work after a wake-up before they are woken again, so that while events keep
     * coming (a booking storm) each of them handles what came meanwhile in one batch, one transaction, instead of a
     * batch for every commit: a read model is then at most this much later, and the first event after a quiet moment
     * still wakes them at once.
     */
    static final Duration GATHER = Duration.ofMillis(25);

    private final EventStore eventStore;
    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private volatile boolean running = true;

    WakingEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        this.watcher = new Thread(this::watch, "event-arrivals");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        watcher.interrupt();
        watcher.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void watch() {
        while (running) {
            try (var arrivals = eventStore.openStream(eventStore.createHeadToken())) {
                while (running) {
                    boolean arrived = arrivals.hasNextAvailable((int) LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
                    while (arrivals.hasNextAvailable()) {
                        arrivals.nextAvailable();
                    }
                    wakeUps.forEach(Runnable::run);
                    if (arrived) {
                        Thread.sleep(GATHER.toMillis());
                    }
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the database is away for a moment: the processors look every five seconds meanwhile
                log.warn("Cannot follow the event store to wake the processors; trying again in a second", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A stream of the event store that calls its processor back when events arrive. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable wakeUp;

        WakingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (wakeUp != null) {
                wakeUps.remove(wakeUp);
            }
            wakeUp = callback;
            wakeUps.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (wakeUp != null) {
                wakeUps.remove(wakeUp);
            }
            stream.close();
        }
    }
}
