package io.seatwise.web.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
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

    /**
     * Stored messages get a mapper of their own, so that what the web API tolerates never changes how an event
     * that is already stored is read back. Unknown properties are ignored: an event that gained a field can still be
     * read by an older reader.
     */
    static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
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
