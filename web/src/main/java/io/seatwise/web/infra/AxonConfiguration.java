package io.seatwise.web.infra;

import io.seatwise.api.DomainException;
import io.seatwise.command.StoredMessages;
import io.seatwise.command.account.VerifiedEmails;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: events, snapshots, tokens and sagas in the application's own database through Axon's
 * JDBC components (configured by the storage, {@code io.seatwise.web.storage}, over the schema that Flyway owns), all
 * serialized as JSON by Jackson.
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
     * seat would make the next booking read the seat map back from its snapshot. The storage may put a bus of its own
     * in front of this one (on SQLite, the group commit), which is why this one is qualified {@code localSegment}, as
     * in Axon's own auto-configuration. Every command that needs a verified address is checked here
     * ({@link VerifiedEmails}).
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(
            TransactionManager transactionManager,
            org.axonframework.config.Configuration axon,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
            VerifiedEmails verifiedEmails) {
        var commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(failure -> !(failure instanceof DomainException))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        commandBus.registerHandlerInterceptor(verifiedEmails);
        return commandBus;
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
