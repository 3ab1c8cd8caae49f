package org.ordinateurssolidaires.query.provenance;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The provenance of a device, read straight from its event stream rather than from a projection: what donors and
 * auditors see is exactly what was recorded, in order. Only the donor's name, beside the id the event holds, is the
 * donors' read model's (its name now, once that model knows the donor).
 */
@Component
public class DeviceProvenance {

    /** Asks for the whole history of one device; an empty answer means no such device. */
    public record FetchProvenance(UUID deviceId) {
    }

    private final EventStore eventStore;
    private final QueryGateway queries;

    DeviceProvenance(EventStore eventStore, QueryGateway queries) {
        this.eventStore = eventStore;
        this.queries = queries;
    }

    @QueryHandler
    List<ProvenanceEntry> handle(FetchProvenance query) {
        // from sequence 0: never start from a snapshot, the provenance is every event; and only a device's events
        // (another aggregate's id gives no provenance)
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(query.deviceId().toString(), 0).asStream()
                .filter(event -> event.getPayload() instanceof DeviceEvent)
                .toList();
        Map<UUID, String> donors = donorNames(events);
        List<ProvenanceEntry> entries = events.stream()
                .map(event -> entry(event, event.getPayload() instanceof DeviceReceived received
                        ? Optional.ofNullable(donors.get(received.donorId().value())) : Optional.empty()))
                .toList();
        return IntStream.range(0, entries.size()).mapToObj(i -> decidedWith(entries, i)).toList();
    }

    /**
     * The next household in line passed over is the allocation's decision, recorded with it and just before it: it
     * happened when the allocation did (its moment as staff typed it), where its own record's moment, the form's,
     * put it out of order among the steps (an outside probe).
     */
    private static ProvenanceEntry decidedWith(List<ProvenanceEntry> entries, int at) {
        ProvenanceEntry entry = entries.get(at);
        if (entry.details() instanceof NextInLinePassedOver && at + 1 < entries.size()
            && entries.get(at + 1).details() instanceof DeviceAllocated allocated) {
            return entry.occurredAt(allocated.allocatedAt());
        }
        return entry;
    }

    /** The donor named in words beside its id: one question to the donors' read model for the whole history. */
    private Map<UUID, String> donorNames(List<? extends DomainEventMessage<?>> events) {
        Set<UUID> donors = events.stream().map(DomainEventMessage::getPayload)
                                 .filter(DeviceReceived.class::isInstance)
                                 .map(received -> ((DeviceReceived) received).donorId().value())
                                 .collect(Collectors.toSet());
        return queries.query(new FetchDonorNames(donors), DonorNames.class).join().byDonor();
    }

    private static ProvenanceEntry entry(DomainEventMessage<?> event, Optional<String> donorName) {
        Narration narration = Narration.of(event.getPayload(), donorName);
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
