package io.seatwise.web.infra;

import io.seatwise.api.DomainException;
import io.seatwise.command.StoredMessages;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon without Axon Server: events, snapshots, tokens and sagas in the application's own database through Axon's
 * JDBC components (configured by Axon's JDBC auto-configuration over the schema that Flyway owns), all serialized as
 * JSON by Jackson.
 */
@Configuration
class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The command bus as Axon's auto-configuration builds it, except that a refusal commits its unit of work instead of
     * rolling it back. Aggregates here refuse before they apply anything, so a refusal has nothing to undo; what the
     * rollback would do is evict the aggregate from the cache, and on a busy event every booking refused for a taken
     * seat would make the next booking read the seat map back from its snapshot.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(
            TransactionManager transactionManager,
            org.axonframework.config.Configuration axon,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        var commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(failure -> !(failure instanceof DomainException))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    /** Commands' units of work, in the transactions that write the event store. */
    @Bean
    @Primary
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** The event processors' units of work, in the transactions that write the read models. */
    @Bean
    @Qualifier(Databases.READ_MODELS)
    TransactionManager readModelAxonTransactionManager(
            @Qualifier(Databases.READ_MODELS) PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Every streaming processor writes the read models. The booking ledger, which is written in the transaction of
     * the command that stores the events, is a subscribing processor and has no transactions of its own.
     */
    @Bean
    ConfigurerModule processorsWriteTheReadModels(@Qualifier(Databases.READ_MODELS) TransactionManager readModels) {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultTransactionManager(configuration -> readModels));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SqlitePersistenceExceptionResolver();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return StoredMessages.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }
}
