package io.seatwise.web.operations;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the replay command's processor reads it: a thread of its own reads the stream and deserializes
 * each event up to {@code capacity} events ahead, while the processor's thread hands the events to the handlers and
 * commits. A processor reads its stream on the thread that handles the events, and deserializes each payload there
 * when a handler asks for it; on two cores that left one idle while the other did all the work.
 */
final class ReadAhead implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final int capacity;

    ReadAhead(StreamableMessageSource<TrackedEventMessage<?>> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        var stream = new Stream(store.openStream(from), capacity);
        stream.reader.start();
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    /** Read by one consumer thread, the processor's; filled by the reader thread. */
    private static final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> source;
        private final BlockingQueue<TrackedEventMessage<?>> events;
        private final Thread reader;
        private volatile RuntimeException failure;
        private TrackedEventMessage<?> next;

        Stream(BlockingStream<TrackedEventMessage<?>> source, int capacity) {
            this.source = source;
            this.events = new ArrayBlockingQueue<>(capacity);
            this.reader = new Thread(this::read, "replay-reader");
            reader.setDaemon(true);
        }

        private void read() {
            try (source) {
                while (!Thread.currentThread().isInterrupted()) {
                    if (source.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        events.put(deserialized(source.nextAvailable()));
                    }
                }
            } catch (InterruptedException closed) {
                // the processor closed the stream
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null) {
                next = events.poll();
            }
            rethrowWhenEmpty();
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next == null) {
                next = events.poll(timeout, unit);
            }
            rethrowWhenEmpty();
            return next != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (next == null) {
                next = events.poll(1, TimeUnit.SECONDS);
                rethrowWhenEmpty();
            }
            var event = next;
            next = null;
            return event;
        }

        @Override
        public void close() {
            reader.interrupt();
        }

        /** The reader's failure, once the events it read before it failed have been handled. */
        private void rethrowWhenEmpty() {
            if (next == null && failure != null) {
                throw failure;
            }
        }

        /**
         * The event with its payload and metadata deserialized here, on the reader's thread, and without the stored
         * form that a lazily deserialized event keeps beside them: what is read ahead takes half the memory.
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
    }
}
