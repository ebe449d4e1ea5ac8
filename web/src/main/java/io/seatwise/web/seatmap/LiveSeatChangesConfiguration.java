package io.seatwise.web.seatmap;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The processor of {@link LiveSeatChanges}, one on every node and each on its own: Axon's tracking processor, one
 * thread and one segment, its position in an in-memory token store of its own (so no other node sees or claims it,
 * and {@code ProcessorBalancer} leaves it alone), starting at the head of the event store whenever the node starts, and
 * without transactions, since it writes nothing. It reads the event store through the same {@code EmbeddedEventStore}
 * as the read models' processors: at the head they share one reader, which sees this node's events as they are
 * committed and, on PostgreSQL, looks for the other nodes' every {@code seatwise.cluster.event-poll-interval}. Not in
 * {@code axon.eventhandling.processors}, so it has no dead letter queue: a change that cannot be sent is logged and
 * the next is sent.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class LiveSeatChangesConfiguration {

    /** Events per unit of work: the changes of a batch are sent when it is through. */
    static final int BATCH = 100;

    @Bean
    ConfigurerModule liveSeatChangesProcessor() {
        var positions = new InMemoryTokenStore();
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(
                        LiveSeatChanges.GROUP,
                        Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(LiveSeatChanges.GROUP, axon -> positions)
                .registerTransactionManager(LiveSeatChanges.GROUP, axon -> NoTransactionManager.instance()));
    }
}
