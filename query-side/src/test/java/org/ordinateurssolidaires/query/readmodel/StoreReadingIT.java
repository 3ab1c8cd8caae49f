package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.query.InventoryStore;
import org.ordinateurssolidaires.query.SampleDevices;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * The events of one type of aggregate read sorted by aggregate, as a rebuild device by device reads them: whole
 * aggregates at a time, each one's events in sequence, those wanted only, none of another type nor stored beyond the
 * position asked for; and the token the read ends on, which keeps a position with no event below it as a gap (an
 * event still being appended there is then read by the processor). Or every event in the store's order, as the
 * other read models' rebuild reads them, each group with the token its read models move to once they have applied it.
 */
class StoreReadingIT {

    @Test
    void handsOutWholeDevicesEachInSequenceUpToThePosition() throws InterruptedException {
        InventoryStore store = new InventoryStore("ordinateurs_events_by_aggregate_it");
        Map<String, DeviceId> devices = new TreeMap<>(); // in the order of their identifiers, as the read sorts them
        List<StorageMedium> disks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DeviceId device = SampleDevices.newDevice();
            devices.put(device.toString(), device);
            disks.add(disk("EBA-" + i));
        }
        List<DeviceId> received = List.copyOf(devices.values());
        // interleaved, devices and a donor, in several transactions
        DonorId donor = new DonorId(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            store.events().append(SampleDevices.received(received.get(i), "EBA-" + i, donor, DeviceCategory.LAPTOP,
                    disks.get(i)));
        }
        store.events().append(new DonorRegistered(donor, "Crédit Mutuel Océan", DonorKind.COMPANY,
                new Siret("73282932000074"), "Léa Girard", "lea@example.org"));
        for (int i = 4; i >= 0; i--) {
            store.events().append(failed(received.get(i), disks.get(i)), sanitised(received.get(i), disks.get(i)));
        }
        long donorsEvent = position("select max(globalIndex) from domainEventEntry where type = 'Donor'", store);
        long upTo = position("select max(globalIndex) from domainEventEntry", store);
        store.events().append(sanitised(received.get(2), disks.get(2))); // beyond the position read up to
        // as an append rolled back (or not yet committed) leaves its position without an event
        store.jdbc().update("delete from domainEventEntry where globalIndex = ?", donorsEvent);

        List<List<TrackedEventMessage<?>>> groups = new ArrayList<>();
        List<Integer> stored = new ArrayList<>();
        try (StoreReading events = StoreReading.byAggregate("test-reading", store.jdbc().getDataSource(),
                "Device", upTo, 4, event -> event.getPayloadType() != StorageMediumSanitisationFailed.class,
                EventSerialization.serializer(), EventSerialization.upcasters())) {
            StoreReading.Events next;
            while ((next = events.next()).stored() > 0) {
                stored.add(next.stored());
                groups.add(next.events());
                assertThat(next.reached()).as("known once all are read").isNull();
            }
            assertThat(events.next().stored()).as("asked again once ended").isZero();
            assertThat(events.total()).as("the devices' events up to the position").isEqualTo(15);
            assertThat(events.reached().getIndex()).isEqualTo(upTo);
            assertThat(events.reached().getGaps()).as("the position without an event").containsExactly(donorsEvent);
        }

        // at least four events a group but the last, each device's three whole: groups of 6, 6 and 3, of which the
        // failed attempts are not wanted
        assertThat(stored).containsExactly(6, 6, 3);
        assertThat(groups).extracting(List::size).containsExactly(4, 4, 2);
        List<String> read = groups.stream().flatMap(List::stream).map(StoreReadingIT::aggregateAndSequence)
                .toList();
        List<String> expected = new ArrayList<>();
        for (DeviceId device : received) {
            expected.add(device + "#0");
            expected.add(device + "#2");
        }
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(groups.get(0)).<Class<?>>extracting(TrackedEventMessage::getPayloadType).containsExactly(
                DeviceReceived.class, StorageMediumSanitised.class, DeviceReceived.class, StorageMediumSanitised.class);
        int devicesPerGroup = groups.stream().mapToInt(group -> (int) group.stream()
                .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()).distinct().count()).sum();
        assertThat(devicesPerGroup).as("no device split between two groups").isEqualTo(devices.size());
    }

    @Test
    void handsOutTheEventsInTheStoresOrderWithTheTokenEachGroupReaches() throws InterruptedException {
        InventoryStore store = new InventoryStore("ordinateurs_store_reading_in_order_it");
        DonorId donor = new DonorId(UUID.randomUUID());
        List<DeviceId> devices = new ArrayList<>();
        store.events().append(new DonorRegistered(donor, "Crédit Mutuel Océan", DonorKind.COMPANY,
                new Siret("73282932000074"), "Léa Girard", "lea@example.org"));
        for (int i = 0; i < 3; i++) {
            DeviceId device = SampleDevices.newDevice();
            devices.add(device);
            store.events().append(SampleDevices.received(device, "SRO-" + i, donor, DeviceCategory.LAPTOP,
                    disk("SRO-" + i)));
            store.events().append(failed(device, disk("SRO-" + i)));
        }
        List<Long> positions = store.jdbc().queryForList("select globalIndex from domainEventEntry"
                + " order by globalIndex", Long.class);
        long upTo = positions.get(positions.size() - 1);
        store.events().append(sanitised(devices.get(0), disk("SRO-0"))); // beyond the position read up to
        long missing = positions.get(3); // the second device's reception, as an append not yet committed
        store.jdbc().update("delete from domainEventEntry where globalIndex = ?", missing);

        List<StoreReading.Events> groups = new ArrayList<>();
        try (StoreReading events = StoreReading.inOrder("test-reading", store.jdbc().getDataSource(), upTo, 2,
                event -> event.getPayloadType() != StorageMediumSanitisationFailed.class,
                EventSerialization.serializer(), EventSerialization.upcasters())) {
            StoreReading.Events next;
            while ((next = events.next()).stored() > 0) {
                groups.add(next);
            }
            assertThatThrownBy(events::total).as("not counted: no scan of the table before the first event")
                    .isInstanceOf(IllegalStateException.class);
        }

        // the donor, then each device's reception and failed attempt, but the missing reception: 2, 2, 2 stored
        assertThat(groups).extracting(StoreReading.Events::stored).containsExactly(2, 2, 2);
        assertThat(groups.stream().flatMap(group -> group.events().stream()))
                .extracting(event -> event.trackingToken().position().getAsLong())
                .as("in the store's order, those wanted").containsExactly(positions.get(0), positions.get(1),
                        positions.get(5));
        assertThat(groups).extracting(group -> group.reached().getIndex())
                .as("each group's last position; the last one's, the position read up to")
                .containsExactly(positions.get(1), positions.get(4), upTo);
        assertThat(groups.get(0).reached().getGaps()).as("below the first group's end, none").isEmpty();
        assertThat(groups.get(1).reached().getGaps()).containsExactly(missing);
        assertThat(groups.get(2).reached().getGaps()).containsExactly(missing);
    }

    @Test
    void aReadingThatFailsFailsTheCallsThatFollow() throws InterruptedException {
        DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        try (StoreReading events = StoreReading.byAggregate("test-reading", unreachable, "Device", 10, 4,
                event -> true, EventSerialization.serializer(), EventSerialization.upcasters())) {
            for (int call = 0; call < 2; call++) {
                assertThatThrownBy(events::next).isInstanceOf(IllegalStateException.class)
                        .hasMessage("the store could not be read");
            }
        }
    }

    private static String aggregateAndSequence(TrackedEventMessage<?> event) {
        DomainEventMessage<?> stored = (DomainEventMessage<?>) event;
        return stored.getAggregateIdentifier() + "#" + stored.getSequenceNumber();
    }

    private static long position(String query, InventoryStore store) {
        return store.jdbc().queryForObject(query, Long.class);
    }
}
