package io.seatwise.web.storage;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's dead letter queue on JDBC for every processing group whose processor has {@code dlq.enabled} in
 * {@code axon.eventhandling.processors}: an event that the group's handlers cannot handle is parked in
 * {@code DeadLetterEntry} with the events of its sequence (its aggregate) that follow it, and the processor goes on
 * with the other sequences. Stored in the read models' transactions, so that on SQLite a letter is written in the read
 * models' file, in the same transaction as the processor's token and the events around it.
 *
 * <p>Axon's own auto-configuration would build the queues on the commands' transaction manager, which on SQLite
 * writes the other file; this bean takes its place.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterStorage {

    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueues(
            EventProcessorProperties processors,
            ConnectionProvider connectionProvider,
            @Qualifier(ReadModels.QUALIFIER) TransactionManager readModels,
            DeadLetterSchema schema,
            Serializer serializer) {
        var statements = new DeadLetterStatements(schema, serializer);
        return new DeadLetterQueueProviderConfigurerModule(
                processors,
                group -> configuration -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(connectionProvider)
                        .transactionManager(readModels)
                        .schema(schema)
                        .statementFactory(statements)
                        .genericSerializer(serializer)
                        .eventSerializer(serializer)
                        .build());
    }

    /**
     * How each group with a queue handles its letters:
     *
     * <ul>
     *   <li>each event in a savepoint ({@link EventSavepoints}), so that a parked event leaves no writes behind;
     *   <li>a reset (the replay) empties the group's queue with its tables: the replay hands every event to the
     *       handlers again, and one that still fails is parked again, while a letter kept from before would hold up
     *       its sequence and later be handled a second time;
     *   <li>which sequences have letters is kept in memory per segment, so that a processor does not ask the database
     *       for each event (Axon's sequence identifier cache);
     *   <li>when letters are tried again, each runs in the transaction in which the queue claims and evicts it, and a
     *       letter that fails again is rolled back to its savepoint instead of rolling that transaction back, so that
     *       its new cause and count of attempts are stored.
     * </ul>
     */
    @Bean
    ConfigurerModule deadLetterHandling(
            EventProcessorProperties processors,
            DataSource dataSource,
            EntityManagerFactory entityManagers,
            @Qualifier(ReadModels.QUALIFIER) TransactionManager readModels) {
        var savepoints = new EventSavepoints(dataSource, entityManagers);
        var oneTransaction = new OuterTransaction(readModels);
        return configurer -> configurer.eventProcessing(processing -> {
            for (var group : groupsWithQueues(processors.getProcessors())) {
                processing
                        .registerHandlerInterceptor(group, configuration -> savepoints)
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                group,
                                (configuration, invoker) -> invoker.transactionManager(oneTransaction)
                                        .allowReset(true)
                                        .enableSequenceIdentifierCache()
                                        .enqueuePolicy(savepoints.undoingFailed(policy(configuration, group))));
            }
        });
    }

    private static EnqueuePolicy<EventMessage<?>> policy(
            org.axonframework.config.Configuration configuration, String group) {
        return configuration
                .eventProcessingConfiguration()
                .deadLetterPolicy(group)
                .orElseThrow(() -> new IllegalStateException("No dead letter policy for " + group));
    }

    private static Iterable<String> groupsWithQueues(Map<String, EventProcessorProperties.ProcessorSettings> settings) {
        return settings.entrySet().stream()
                .filter(entry -> Optional.ofNullable(entry.getValue().getDlq())
                        .map(EventProcessorProperties.Dlq::isEnabled)
                        .orElse(false))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * The read models' transactions, joined without a say when one is running: a letter tried again is handled in a
     * unit of work of its own nested in the one in which the queue claims and evicts it, and a participating
     * transaction that rolls back would doom the whole, its record of the new failure included. The savepoint undoes
     * the letter's own writes instead.
     */
    private record OuterTransaction(TransactionManager readModels) implements TransactionManager {

        private static final Transaction JOINED = new Transaction() {
            @Override
            public void commit() {}

            @Override
            public void rollback() {}
        };

        @Override
        public Transaction startTransaction() {
            return TransactionSynchronizationManager.isActualTransactionActive()
                    ? JOINED
                    : readModels.startTransaction();
        }
    }
}
