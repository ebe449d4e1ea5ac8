package io.seatwise.web.infra;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Several nodes on one PostgreSQL database. Each node is an ordinary Seatwise process; they share the event store,
 * the token store and every table, and nothing else: no node talks to another. What changes against a single node:
 *
 * <ul>
 *   <li>each node has a name of its own in the token store ({@link ClusterNode}), so that its claims are its own;
 *   <li>a node looks for events stored by the others every {@code seatwise.cluster.event-poll-interval} (its own it
 *       sees at once), so that every node's read models, and so its pages, follow within a fraction of a second;
 *   <li>a command that lost a race against another node (the unique key of aggregate and sequence number refused its
 *       events, and Axon dropped the aggregate from this node's cache) is tried again on fresh state, and only when
 *       it keeps losing is it answered as a conflict (409);
 *   <li>claims on processor segments are spread over the live nodes ({@link ProcessorBalancer}).
 * </ul>
 */
@Configuration
@Conditional(OnPostgreSql.class)
class ClusterConfiguration {

    @Bean
    ClusterNode clusterNode() {
        return ClusterNode.random();
    }

    @Bean
    EventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            ClusterProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.eventPollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Only a lost race is tried again: every cause in the failure must be the concurrency error or the database's
     * refusal behind it. A refusal by the aggregate itself (seats taken, not allowed) is an answer, not a failure.
     */
    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus, ClusterProperties properties, ScheduledExecutorService commandRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetries)
                        .retryInterval((int) properties.commandRetryInterval().toMillis())
                        .maxRetryCount(properties.commandRetries())
                        .nonTransientFailurePredicate(failure ->
                                !(failure instanceof ConcurrencyException || failure instanceof SQLException))
                        .build())
                .build();
    }
}
