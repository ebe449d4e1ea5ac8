package io.seatwise.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How events, snapshots, tokens and sagas are written to the store: JSON by Jackson, with a mapper of their own so
 * that what the web API tolerates never changes how a stored message is read back. Unknown properties are ignored,
 * so that an event that gained a field can still be read by an older reader.
 */
public final class StoredMessages {

    private StoredMessages() {}

    public static Serializer serializer() {
        var mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
