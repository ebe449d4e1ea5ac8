package io.seatwise.web.seatmap;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.booking.FindSeatAvailability;
import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.event.EventId;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Open seat maps, each a Server-Sent Events stream fed by an Axon subscription query on {@link FindSeatAvailability}:
 * first the whole map as a {@code snapshot}, then a {@code change} for every booking, cancellation, hold and end of a
 * hold of the event, sent by this node's {@link LiveSeatChanges} whichever node stored it.
 *
 * <p>The map comes from the read model, which may lack the latest changes, and the changes come from the event store,
 * which may be ahead of it. The subscription is made first, then the map read (Axon keeps the changes that come
 * meanwhile); the changes after the map's version that this node has sent, perhaps before the subscription, are
 * applied to it from {@link RecentSeatChanges}, and it goes out as the {@code snapshot}. From there on, each change
 * that the browser's map holds already (by its version) is skipped. Should some of the changes the map lacks no longer
 * be kept, the map is read again every {@link #RESYNC_AFTER}, at most {@link #MAX_RESYNCS} times, until none is
 * missing.
 *
 * <p>A stream holds no request thread (Spring MVC's async support), and changes are written on threads of their own, so
 * a slow browser never holds up the projection that emits them. A stream is closed, and its subscription cancelled,
 * when the browser goes away (a failed write or the periodic heartbeat finds out), after {@link #STREAM_LIFETIME} (the
 * browser reconnects within a second and gets a fresh snapshot, so nothing is missed), and before the web server shuts
 * down, which would otherwise wait for open streams. Past {@code maxStreams} new streams are refused with a 503, and
 * past {@code maxStreamsPerClient} streams of one client (its address) with a 429, so that no client holds them all;
 * the page then polls instead. Streams are counted per node: each node holds its own.
 */
@Component
public class LiveSeatMaps implements SmartLifecycle {

    static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    /** How long a stream whose map lacks changes that are no longer kept waits before it reads the map again. */
    static final Duration RESYNC_AFTER = Duration.ofSeconds(1);
    /** How often a stream reads its map again at most: a read model stuck far behind is a matter for the operators. */
    static final int MAX_RESYNCS = 30;
    /** Changes a stream may fall behind by before it is closed; the browser then reconnects from a fresh snapshot. */
    static final int MAX_PENDING_CHANGES = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LiveSeatMaps.class);

    private final QueryGateway queries;
    private final RecentSeatChanges recent;
    private final int maxStreams;
    private final StreamCounts counts;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Scheduler writers = Schedulers.newBoundedElastic(4, Integer.MAX_VALUE, "seat-map-stream");
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "seat-map-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    LiveSeatMaps(QueryGateway queries, RecentSeatChanges recent, LiveSeatMapProperties properties) {
        this.queries = queries;
        this.recent = recent;
        this.maxStreams = properties.maxStreams();
        this.counts = new StreamCounts(properties.maxStreamsPerClient());
    }

    /**
     * Opens a stream of the event's seat map for the client (its address); a 404 for an unknown event, a 503 when too
     * many streams are open, a 429 when the client holds too many.
     */
    SseEmitter open(EventId eventId, String client) {
        if (!running || streams.size() >= maxStreams) {
            throw new TooManyStreams();
        }
        // before the subscription, so that no change sent from then on passes this node's stream by
        if (!counts.opening(eventId, client)) {
            throw new TooManyStreamsFromClient();
        }
        SubscriptionQueryResult<Optional<SeatAvailability>, SeatAvailabilityChanged> subscription = null;
        Optional<SeatAvailability> initial;
        try {
            subscription = queries.subscriptionQuery(
                    new FindSeatAvailability(eventId),
                    ResponseTypes.optionalInstanceOf(SeatAvailability.class),
                    ResponseTypes.instanceOf(SeatAvailabilityChanged.class));
            initial = subscription.initialResult().block(Duration.ofSeconds(30));
            if (initial == null || initial.isEmpty()) {
                throw new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event");
            }
        } catch (RuntimeException notOpened) {
            if (subscription != null) {
                subscription.cancel();
            }
            counts.closed(eventId, client);
            throw notOpened;
        }
        var stream = new Stream(new SseEmitter(STREAM_LIFETIME.toMillis()), subscription, eventId, client);
        streams.add(stream);
        stream.start(initial.get());
        return stream.emitter;
    }

    /** Whether a stream of the event's seat map is open on this node, or opening (see {@link StreamCounts}). */
    boolean watched(EventId eventId) {
        return counts.watched(eventId);
    }

    /** How many streams are open now. */
    public int openStreams() {
        return streams.size();
    }

    /** How many streams of the event's seat map are open now. */
    public long openStreams(EventId eventId) {
        return streams.stream().filter(stream -> stream.eventId.equals(eventId)).count();
    }

    /** Closes every open stream, as a dropped connection or a restart would; browsers then reconnect. */
    public void disconnectAll() {
        streams.forEach(Stream::close);
    }

    private void beat() {
        streams.forEach(stream -> stream.send(SseEmitter.event().comment("")));
    }

    @Override
    public void start() {
        running = true;
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs before the web server's graceful shutdown (a higher phase stops first), which would wait for streams. */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        disconnectAll();
        writers.dispose();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Stream {

        private final SseEmitter emitter;
        private final SubscriptionQueryResult<?, SeatAvailabilityChanged> subscription;
        private final EventId eventId;
        private final String client;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Disposable updates;
        /** The version of the map the browser has: the last snapshot's, or the last change's after it. */
        private long shown;
        /** How many times the map was read again. */
        private int resyncs;

        Stream(
                SseEmitter emitter,
                SubscriptionQueryResult<?, SeatAvailabilityChanged> subscription,
                EventId eventId,
                String client) {
            this.emitter = emitter;
            this.subscription = subscription;
            this.eventId = eventId;
            this.client = client;
        }

        void start(SeatAvailability snapshot) {
            emitter.onCompletion(this::release);
            emitter.onTimeout(this::close);
            emitter.onError(failure -> release());
            // Written before the handler returns: Spring sends it once the response starts. Changes that happened
            // since the subscription was made wait in it and follow.
            show(snapshot);
            updates = subscription
                    .updates()
                    .onBackpressureBuffer(MAX_PENDING_CHANGES)
                    .publishOn(writers)
                    .subscribe(
                            this::deliver,
                            failure -> {
                                // e.g. a browser too slow to keep up: it reconnects and starts from a fresh snapshot
                                log.debug("Seat map stream ended: {}", failure.toString());
                                close();
                            },
                            this::close);
        }

        /**
         * Sends the map with the changes after its version that this node has sent (perhaps before this stream
         * subscribed); if some of them are no longer kept, reads the map again in a while.
         */
        synchronized void show(SeatAvailability map) {
            var missed = recent.after(eventId, map.version());
            var snapshot = missed.appliedTo(map);
            send(SseEmitter.event()
                    .reconnectTime(RECONNECT_AFTER.toMillis())
                    .name("snapshot")
                    .data(snapshot, MediaType.APPLICATION_JSON));
            shown = snapshot.version();
            if (!missed.complete() && resyncs++ < MAX_RESYNCS) {
                try {
                    heartbeat.schedule(this::resync, RESYNC_AFTER.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    close();
                }
            }
        }

        /** Sends a change unless the browser's map holds it already. */
        synchronized void deliver(SeatAvailabilityChanged change) {
            if (change.version() > shown) {
                send(SseEmitter.event().name("change").data(change, MediaType.APPLICATION_JSON));
                shown = change.version();
            }
        }

        private void resync() {
            if (closed.get()) {
                return;
            }
            try {
                queries.query(
                                new FindSeatAvailability(eventId),
                                ResponseTypes.optionalInstanceOf(SeatAvailability.class))
                        .get(30, TimeUnit.SECONDS)
                        .ifPresentOrElse(this::show, this::close);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
            } catch (ExecutionException | TimeoutException | RuntimeException failure) {
                // the browser reconnects and starts from a fresh map
                log.debug("Seat map stream could not read its map again: {}", failure.toString());
                close();
            }
        }

        void send(SseEmitter.SseEventBuilder event) {
            if (closed.get()) {
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                close();
            }
        }

        void close() {
            if (release()) {
                try {
                    emitter.complete();
                } catch (RuntimeException alreadyGone) {
                    // the response is closed already
                }
            }
        }

        /** Cancels the subscription once; true for the call that did. */
        boolean release() {
            if (!closed.compareAndSet(false, true)) {
                return false;
            }
            streams.remove(this);
            if (updates != null) {
                updates.dispose();
            }
            subscription.cancel();
            counts.closed(eventId, client);
            return true;
        }
    }
}
