package org.ordinateurssolidaires.query.provenance;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The provenance of a device, read straight from its event stream rather than from a projection: what donors and
 * auditors see is exactly what was recorded, in order.
 */
@Component
class DeviceProvenance {

    /** Asks for the whole history of one device; an empty answer means no such device. */
    record FetchProvenance(UUID deviceId) {
    }

    private final EventStore eventStore;

    DeviceProvenance(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    List<ProvenanceEntry> handle(FetchProvenance query) {
        // from sequence 0: never start from a snapshot, the provenance is every event; and only a device's events
        // (another aggregate's id gives no provenance)
        return eventStore.readEvents(query.deviceId().toString(), 0).asStream()
                         .filter(event -> event.getPayload() instanceof DeviceEvent)
                         .map(DeviceProvenance::entry)
                         .toList();
    }

    private static ProvenanceEntry entry(DomainEventMessage<?> event) {
        Narration narration = Narration.of(event.getPayload());
        MetaData metaData = event.getMetaData();
        return new ProvenanceEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                narration.text(), narration.occurredAt(), event.getTimestamp(), text(metaData.get(EventMetadata.USER_ID)),
                text(metaData.get(EventMetadata.USER_ROLE)), text(metaData.get(EventMetadata.CORRELATION_ID)), text(metaData.get(EventMetadata.CAUSATION_ID)),
                event.getPayload());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
