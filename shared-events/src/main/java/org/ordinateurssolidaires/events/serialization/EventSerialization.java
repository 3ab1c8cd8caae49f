package org.ordinateurssolidaires.events.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.time.Instant;

/**
 * How events are written to, and read from, the event store. Both apps use this one definition, so the stored
 * JSON never depends on an app's REST settings.
 */
public final class EventSerialization {

    private EventSerialization() {
    }

    /**
     * Instants as ISO-8601 text (read back by {@link InstantsAsWritten}), ids as plain strings. Unknown properties are
     * ignored so that an app one release behind can still read events that gained an optional field; any change of
     * meaning needs a new revision and an upcaster instead.
     */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                         .addModule(new JavaTimeModule())
                         // after the module above: the deserializer of the module added last is the one asked first
                         .addModule(new SimpleModule("instants as written")
                                 .addDeserializer(Instant.class, new InstantsAsWritten()))
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                         .build();
    }

    /** Axon's Jackson serializer on {@link #objectMapper()}, its lookups of classes and readers kept. */
    public static Serializer serializer() {
        return new EventJsonSerializer(JacksonSerializer.builder().objectMapper(objectMapper()));
    }

    /**
     * Reads every earlier revision of a published event as its current one, one revision after the other. Both
     * apps register it with Axon, which applies it wherever events are read from the store.
     */
    public static EventUpcaster upcasters() {
        return new EventUpcasterChain(new ReferralSubmittedSealsAccessibilityNeeds());
    }
}
