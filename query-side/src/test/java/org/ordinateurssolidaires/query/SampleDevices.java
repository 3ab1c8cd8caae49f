package org.ordinateurssolidaires.query;

import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityCheckPassed;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Device events as the command side records them, for tests that feed the query side. */
public final class SampleDevices {

    public static final Instant RECEIVED_AT = Instant.parse("2026-03-02T09:00:00Z");
    public static final Instant SANITISED_AT = Instant.parse("2026-03-03T09:00:00Z");
    public static final Instant LATER = Instant.parse("2026-03-09T09:00:00Z");
    private static final String REPORT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private SampleDevices() {
    }

    public static DeviceId newDevice() {
        return new DeviceId(UUID.randomUUID());
    }

    public static StorageMedium disk(String serial) {
        return new StorageMedium(UUID.randomUUID(), MediaType.HARD_DISK_DRIVE, "Seagate", "ST500LM030", serial, 500);
    }

    public static DeviceReceived received(DeviceId device, String assetTag, DonorId donor, DeviceCategory category,
                                          StorageMedium... media) {
        return new DeviceReceived(device, new AssetTag(assetTag), donor, "LIV-2026-03", category, "Dell",
                "Latitude 5490", "5CG1234", List.of(media), "scratched lid", RECEIVED_AT);
    }

    /** The donor's statement that the device's storage was removed before the gift. */
    public static final StorageRemovalStatement STORAGE_REMOVED_BY_THE_DONOR = new StorageRemovalStatement(
            "Paul Martin, DSI", LocalDate.of(2026, 2, 27), "Annexe 2, convention 2023-0208");

    public static StorageRemovalStated storageRemovalStated(DeviceId device) {
        return new StorageRemovalStated(device, STORAGE_REMOVED_BY_THE_DONOR);
    }

    public static StorageMediumSanitised sanitised(DeviceId device, StorageMedium medium) {
        return new StorageMediumSanitised(device, record(medium));
    }

    public static StorageMediumSanitisationFailed failed(DeviceId device, StorageMedium medium) {
        return new StorageMediumSanitisationFailed(device, record(medium), "3 unreadable sectors");
    }

    public static DeviceRefurbished refurbished(DeviceId device) {
        return new DeviceRefurbished(device, "battery replaced", "Linux Mint 22", "Sam", LATER);
    }

    public static QualityCheckPassed ready(DeviceId device) {
        return new QualityCheckPassed(device, QualityGrade.B, "Lou", null, LATER);
    }

    public static DeviceAllocated allocated(DeviceId device, ReferralId referral) {
        return new DeviceAllocated(device, referral, LATER);
    }

    public static DeviceHandedOver handedOver(DeviceId device, ReferralId referral) {
        return new DeviceHandedOver(device, referral, true, null, LATER);
    }

    private static SanitisationRecord record(StorageMedium medium) {
        return new SanitisationRecord(medium, SanitisationLevel.PURGE, SanitisationTechnique.OVERWRITE, "nwipe",
                "0.37", VerificationMethod.FULL, "Camille", "Atelier Poitiers", SANITISED_AT, REPORT);
    }
}
