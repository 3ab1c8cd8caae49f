package org.ordinateurssolidaires.events.serialization;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a row of the event table as the apps' event store does: through the upcasters, then the serializer. For the
 * readers that go to the table without Axon (the auditor's replay, Java migrations), so that an event stored in an
 * earlier revision means to them what it means to the apps.
 */
public final class StoredEventReader {

    private final Serializer serializer = EventSerialization.serializer();
    private final EventUpcaster upcasters;

    public StoredEventReader(EventUpcaster upcasters) {
        this.upcasters = upcasters;
    }

    /**
     * The events a stored one stands for now (usually one; an upcaster may drop or split it) whose current type
     * {@code wanted} accepts, deserialised; the others are not deserialised at all.
     *
     * @throws RuntimeException when a wanted type has no class (IllegalArgumentException), or its payload cannot be
     *                          read as one (SerializationException)
     */
    public List<Object> read(DomainEventData<?> stored, Predicate<String> wanted) {
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                        .filter(event -> wanted.test(event.getType().getName()))
                        .map(event -> {
                            Object payload = serializer.deserialize(event.getData());
                            if (payload instanceof UnknownSerializedType unknown) {
                                throw new IllegalArgumentException("no event class is named "
                                        + unknown.serializedType().getName());
                            }
                            return payload;
                        })
                        .toList();
    }
}
