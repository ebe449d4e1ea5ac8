package io.seatwise.web.infra;

import io.seatwise.command.StoredMessages;
import java.time.Clock;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

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
