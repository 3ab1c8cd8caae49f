package org.ordinateurssolidaires.events.serialization;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.testing.RenamedFieldRevision;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A stored event read as the apps read it, whatever revision it was stored in. */
class StoredEventReaderTest {

    private static final Serializer SERIALIZER = EventSerialization.serializer();
    private static final String RECYCLED = DeviceRecycled.class.getName();

    private final DeviceRecycled recycled = new DeviceRecycled(new DeviceId(UUID.randomUUID()), "Recyclerie du Clain",
            "DEEE-2026-114", Instant.parse("2026-11-30T09:15:00Z"));
    private final byte[] asStoredNow = SERIALIZER.serialize(recycled, byte[].class).getData();

    @Test
    void anEventStoredInItsLatestRevisionIsReadAsStored() {
        assertThat(new StoredEventReader(EventSerialization.upcasters())
                .read(stored(RECYCLED, "1", asStoredNow), type -> true)).containsExactly(recycled);
    }

    @Test
    void anEventStoredInAnEarlierRevisionIsReadThroughTheUpcasters() {
        RenamedFieldRevision recyclerNamedOtherwise = new RenamedFieldRevision(DeviceRecycled.class, "1", "by",
                "recycler");
        DomainEventData<byte[]> earlier = stored(RECYCLED, RenamedFieldRevision.REVISION,
                recyclerNamedOtherwise.asStored(asStoredNow));

        assertThat(new StoredEventReader(new EventUpcasterChain(recyclerNamedOtherwise)).read(earlier, type -> true))
                .containsExactly(recycled);
        assertThat(new StoredEventReader(new EventUpcasterChain()).read(earlier, type -> true))
                .as("without its upcaster").singleElement().isNotEqualTo(recycled);
    }

    @Test
    void anEventNotWantedIsNotDeserialised() {
        byte[] noJson = "not an event".getBytes(StandardCharsets.UTF_8);

        assertThat(new StoredEventReader(EventSerialization.upcasters()).read(stored(RECYCLED, "1", noJson),
                type -> false)).isEmpty();
    }

    @Test
    void aTypeNoClassHasIsRefusedWhereWantedOnly() {
        StoredEventReader reader = new StoredEventReader(new EventUpcasterChain());
        DomainEventData<byte[]> gone = stored("org.ordinateurssolidaires.events.device.DeviceLent", "1", asStoredNow);

        assertThatIllegalArgumentException().isThrownBy(() -> reader.read(gone, type -> true))
                                            .withMessageContaining("DeviceLent");
        assertThat(reader.read(gone, type -> !type.endsWith("DeviceLent"))).isEmpty();
    }

    private DomainEventData<byte[]> stored(String payloadType, String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Device", recycled.deviceId().toString(), 7,
                UUID.randomUUID().toString(), Instant.parse("2026-11-30T09:15:01Z"), payloadType, revision, payload,
                SERIALIZER.serialize(MetaData.emptyInstance(), byte[].class).getData());
    }
}
