package org.ordinateurssolidaires.query.provenance;

import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.QualityCheckFailed;
import org.ordinateurssolidaires.events.device.QualityCheckPassed;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One step of a device's history told in plain words, with when it happened (as staff declared it; the store
 * separately knows when it was recorded). The words never name a referral nor repeat what staff wrote about a
 * household (reasons for a cancellation or a return stay in the event's fields), so they can be shown to donors.
 */
record Narration(String text, Instant occurredAt) {

    /** @param donorName the donor's legal name, when the donors' read model knows it */
    static Narration of(Object event, Optional<String> donorName) {
        if (event instanceof DeviceReceived e) {
            return new Narration("Received from " + donorName.map(name -> name + " (donor " + e.donorId() + ")")
                    .orElse("donor " + e.donorId()) + " in batch " + e.donationBatchReference()
                    + ": " + words(e.category()) + " " + e.manufacturer() + " " + e.model()
                    + ", asset tag " + e.assetTag() + ", " + declaredMedia(e), e.receivedAt());
        }
        if (event instanceof StorageRemovalStated e) {
            return new Narration("Storage removed before the gift, as the donor stated: by "
                    + e.statement().statedBy() + " on " + e.statement().statedOn() + ", in "
                    + e.statement().documentReference() + " (the donor's attestation, not a sanitisation by the "
                    + "programme)", null);
        }
        if (event instanceof StorageMediumSanitised e) {
            return new Narration("Sanitised " + medium(e.sanitisation().medium()) + ": "
                    + sanitisation(e.sanitisation()) + "; verification passed", e.sanitisation().performedAt());
        }
        if (event instanceof StorageMediumSanitisationFailed e) {
            return new Narration("Sanitisation FAILED for " + medium(e.attempt().medium()) + ": "
                    + sanitisation(e.attempt()) + "; reason: " + e.failureReason(), e.attempt().performedAt());
        }
        if (event instanceof StorageMediumDestroyed e) {
            return new Narration("Destroyed " + medium(e.medium()) + " by " + words(e.method()) + " at "
                    + e.location() + ", operator " + e.operator()
                    + optional(", certificate ", e.certificateReference()), e.destroyedAt());
        }
        if (event instanceof StorageMediumAdded e) {
            return new Narration("Fitted " + medium(e.medium()) + " (" + e.reason() + ")", e.addedAt());
        }
        if (event instanceof StorageMediumRemoved e) {
            return new Narration("Removed medium " + e.mediumId() + " (" + e.reason() + ")", e.removedAt());
        }
        if (event instanceof DeviceRefurbished e) {
            return new Narration("Refurbished by " + e.technician() + ": " + e.workDone() + "; installed "
                    + e.operatingSystem(), e.refurbishedAt());
        }
        if (event instanceof QualityCheckPassed e) {
            return new Narration("Quality check passed, grade " + e.grade() + ", by " + e.inspector()
                    + optional(": ", e.notes()), e.checkedAt());
        }
        if (event instanceof QualityCheckFailed e) {
            return new Narration("Quality check failed, by " + e.inspector() + ": " + e.reasons(), e.checkedAt());
        }
        if (event instanceof DeviceAllocated e) {
            return new Narration("Allocated to a household referred by a partner", e.allocatedAt());
        }
        if (event instanceof NextInLinePassedOver e) {
            return new Narration("Set aside for another household than the one next in line, for a reason staff "
                    + "recorded", null);
        }
        if (event instanceof AllocationCancelled e) {
            return new Narration("Allocation cancelled; the device is ready again", e.cancelledAt());
        }
        if (event instanceof DeviceHandedOver e) {
            return new Narration("Handed over to the household, free of charge"
                    + optional(", at ceremony ", e.ceremonyId()), e.handedOverAt());
        }
        if (event instanceof DeviceReturned e) {
            return new Narration("Returned by the household; its media must be sanitised again", e.returnedAt());
        }
        if (event instanceof DeviceRecycled e) {
            return new Narration("Recycled by " + e.recycler() + ", certificate " + e.certificateReference(),
                    e.recycledAt());
        }
        if (event instanceof DeviceDetailsCorrected e) {
            String corrected = Stream.of(
                            optional("category ", e.category()), optional("manufacturer ", e.manufacturer()),
                            optional("model ", e.model()), optional("serial number ", e.serialNumber()),
                            optional("batch ", e.donationBatchReference()), optional("condition ", e.conditionNotes()))
                    .filter(text -> !text.isEmpty()).collect(Collectors.joining(", "));
            return new Narration("Details corrected (" + e.reason() + "): " + corrected, null);
        }
        return new Narration(event.getClass().getSimpleName(), null);
    }

    /** An empty list is said for what it is: it proves nothing until the storage is accounted for. */
    private static String declaredMedia(DeviceReceived received) {
        if (received.storageMedia().isEmpty()) {
            return "with no storage medium declared: no erasure evidence unless the donor's statement that its "
                    + "storage was removed is recorded";
        }
        return "with " + received.storageMedia().size() + " storage medium(s): "
                + received.storageMedia().stream().map(Narration::medium).collect(Collectors.joining("; "));
    }

    private static String medium(StorageMedium medium) {
        return Stream.of(words(medium.mediaType()), medium.manufacturer(), medium.model(),
                        medium.serialNumber() == null ? null : "serial " + medium.serialNumber())
                     .filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    private static String sanitisation(SanitisationRecord record) {
        return words(record.level()) + " by " + words(record.technique()) + " with " + record.tool() + " "
                + record.toolVersion() + ", " + words(record.verificationMethod()) + " verification, operator "
                + record.operator() + " at " + record.location() + ", report SHA-256 " + record.toolReportSha256();
    }

    private static String optional(String label, Object value) {
        return value == null ? "" : label + value;
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
