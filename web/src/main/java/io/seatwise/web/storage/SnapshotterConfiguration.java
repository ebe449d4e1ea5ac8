package io.seatwise.web.storage;

import java.util.concurrent.Executors;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * How snapshots of aggregates (the seat maps') are taken and stored, on either database. The shape comes from
 * SQLite's one writer and costs PostgreSQL nothing.
 */
@Configuration
class SnapshotterConfiguration {

    /**
     * Axon's snapshotter, with two changes for SQLite's one writer. It takes its snapshots on a thread of its own: by
     * default it snapshots in the committing thread while that thread still holds the seat map's lock, and the
     * snapshot's transaction then waits for the write lock that the next booking of the same seat map holds while it
     * waits for the seat map's lock. And it holds the writer only to store a snapshot: Axon would read the events,
     * apply them and serialize the snapshot in one transaction, which for a sold-out 40,000-seat map kept every
     * booking waiting for a fifth of a second.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        var builder = SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(new CustomizableThreadFactory("seat-map-snapshots-")));
        return new StoringOnlyInTransaction(builder, transactionManager);
    }

    /** Reads the events and builds the snapshot outside any transaction; stores it in one. */
    private static final class StoringOnlyInTransaction extends SpringAggregateSnapshotter {

        private final TransactionManager transactionManager;

        StoringOnlyInTransaction(SpringAggregateSnapshotter.Builder builder, TransactionManager transactionManager) {
            super(builder);
            this.transactionManager = transactionManager;
        }

        @Override
        protected Runnable createSnapshotterTask(Class<?> aggregateType, String aggregateIdentifier) {
            return () -> {
                var events = getEventStore().readEvents(aggregateIdentifier);
                long firstSequenceNumber = events.peek().getSequenceNumber();
                var snapshot = createSnapshot(aggregateType, aggregateIdentifier, events);
                // as Axon does: a snapshot is worth storing only if it replaces more than one event
                if (snapshot != null && snapshot.getSequenceNumber() > firstSequenceNumber) {
                    transactionManager.executeInTransaction(
                            () -> getEventStore().storeSnapshot(snapshot));
                }
            };
        }
    }
}
