package org.ordinateurssolidaires.events;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.serialization.EventSerialization;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventSerializationTest {

    private static final DeviceId DEVICE = new DeviceId(UUID.fromString("5f1c1f5e-0000-4000-8000-000000000001"));
    private static final StorageMedium DISK = new StorageMedium(
            UUID.fromString("5f1c1f5e-0000-4000-8000-0000000000d1"), MediaType.HARD_DISK_DRIVE,
            "Seagate", "ST500LM030", "ZDE1ABCD", 500);
    private static final Instant MORNING = Instant.parse("2026-03-02T09:15:00Z");

    private final Serializer serializer = EventSerialization.serializer();

    @Test
    void writesIdsAsPlainStringsAndInstantsAsIsoText() {
        var received = new DeviceReceived(DEVICE, new AssetTag("OS-2026-0001"),
                new DonorId(UUID.fromString("5f1c1f5e-0000-4000-8000-0000000000a1")), "LIV-2026-03",
                DeviceCategory.LAPTOP, "Dell", "Latitude 5490", "SN123", List.of(DISK), "scratched lid", MORNING);

        String json = new String(serializer.serialize(received, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"deviceId\":\"5f1c1f5e-0000-4000-8000-000000000001\"")
                        .contains("\"assetTag\":\"OS-2026-0001\"")
                        .contains("\"receivedAt\":\"2026-03-02T09:15:00Z\"");
    }

    @Test
    void readsBackEveryFieldOfARecord() {
        var sanitised = new StorageMediumSanitised(DEVICE, new SanitisationRecord(DISK, SanitisationLevel.PURGE,
                SanitisationTechnique.ATA_SECURE_ERASE, "nwipe", "0.37", VerificationMethod.FULL, "Camille Martin",
                "Atelier Poitiers", MORNING, "a".repeat(64)));
        var handedOver = new DeviceHandedOver(DEVICE, new ReferralId(UUID.randomUUID()), true, null, MORNING);
        var storageRemoved = new StorageRemovalStated(DEVICE, new StorageRemovalStatement("Olivier Lambert, DSI",
                LocalDate.of(2026, 2, 27), "Annexe 2 de la convention 2023-0208"));

        assertThat(roundTrip(sanitised)).isEqualTo(sanitised);
        assertThat(roundTrip(handedOver)).isEqualTo(handedOver);
        assertThat(roundTrip(storageRemoved)).isEqualTo(storageRemoved);
    }

    @Test
    void recordsTheRevisionOfTheEventType() {
        SerializedObject<byte[]> stored = serializer.serialize(
                new DeviceHandedOver(DEVICE, new ReferralId(UUID.randomUUID()), true, null, MORNING), byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void writesTheDayOfAStatementAsAnIsoDate() {
        var stated = new StorageRemovalStated(DEVICE, new StorageRemovalStatement("Olivier Lambert",
                LocalDate.of(2026, 2, 27), "BL-2026-014"));

        String json = new String(serializer.serialize(stated, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"statedOn\":\"2026-02-27\"");
    }

    /** The serializer keeps the class of each type name and the reader of each class: what it keeps must not mix. */
    @Test
    void readsEachTypeAsItsOwnClassAgainAndAgain() {
        var handedOver = new DeviceHandedOver(DEVICE, new ReferralId(UUID.randomUUID()), false, null, MORNING.plusSeconds(60));
        var stated = new StorageRemovalStated(DEVICE, new StorageRemovalStatement("Olivier Lambert",
                LocalDate.of(2026, 2, 27), "BL-2026-014"));

        for (int time = 0; time < 3; time++) {
            assertThat(roundTrip(handedOver)).isEqualTo(handedOver);
            assertThat(roundTrip(stated)).isEqualTo(stated);
            assertThat(serializer.classForType(new SimpleSerializedType(MetaData.class.getName(), null)))
                    .isEqualTo(MetaData.class);
        }
    }

    @Test
    void aTypeWithNoClassStaysUnknown() {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8),
                byte[].class, "org.ordinateurssolidaires.events.device.DeviceLent", "1");

        for (int time = 0; time < 2; time++) {
            assertThat(serializer.classForType(stored.getType())).isEqualTo(UnknownSerializedType.class);
            assertThat(serializer.<byte[], Object>deserialize(stored)).isInstanceOf(UnknownSerializedType.class);
        }
    }

    private Object roundTrip(Object event) {
        return serializer.deserialize(serializer.serialize(event, byte[].class));
    }
}
