package org.ordinateurssolidaires.events.serialization;

import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, with what it would otherwise look up for every event it reads kept after the first:
 * the class a serialized type names (Axon asks it of Jackson's {@code TypeFactory}, which calls
 * {@code Class.forName}, once for the payload and once for the metadata of every event) and the reader of each
 * class. A class's name means the same class for the life of the JVM; a name with no class stays unknown, as Axon
 * itself remembers it. Profiled on the auditor's replay, a third of the time to read an event went to these
 * lookups (docs/benchmarks.md, "Lookups kept").
 */
final class EventJsonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    EventJsonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes") // as Axon declares it
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known == null) {
            known = super.classForType(type);
            classes.put(type.getName(), known);
        }
        return known;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
