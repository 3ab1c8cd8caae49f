package org.ordinateurssolidaires.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.ordinateurssolidaires.events.serialization.EventSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A revision no release ever stored, for tests to prove that a reader of the store goes through the upcasters:
 * {@code type} at revision {@value #REVISION} named one of its fields otherwise, and this upcaster reads it as
 * the current revision. A reader that skips it finds the field missing.
 */
public final class RenamedFieldRevision extends SingleEventUpcaster {

    public static final String REVISION = "0-test";

    private final SimpleSerializedType stored;
    private final SimpleSerializedType current;
    private final String storedName;
    private final String currentName;

    public RenamedFieldRevision(Class<?> type, String currentRevision, String storedName, String currentName) {
        this.stored = new SimpleSerializedType(type.getName(), REVISION);
        this.current = new SimpleSerializedType(type.getName(), currentRevision);
        this.storedName = storedName;
        this.currentName = currentName;
    }

    /** A payload of the current revision as this test revision would have stored it. */
    public byte[] asStored(byte[] currentPayload) {
        try {
            ObjectNode payload = (ObjectNode) EventSerialization.objectMapper().readTree(currentPayload);
            payload.set(storedName, payload.remove(currentName));
            return EventSerialization.objectMapper().writeValueAsBytes(payload);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(stored);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(current, JsonNode.class, payload -> {
            ObjectNode renamed = (ObjectNode) payload;
            renamed.set(currentName, renamed.remove(storedName));
            return renamed;
        });
    }
}
