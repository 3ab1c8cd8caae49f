package org.ordinateurssolidaires.query.donor;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.query.audit.ChainHead;
import org.ordinateurssolidaires.query.ceremony.CeremonyRecord;
import org.ordinateurssolidaires.query.donor.BatchRecord.Reconciliation;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.ErasureEvidence;
import org.ordinateurssolidaires.query.inventory.ErasureStatus;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.MediumView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a donor is told about its gift: its devices and where each is in its life, the proof that every
 * medium was erased, the households equipped (counts only: never who they are), the ceremonies, and an estimate
 * of the environmental impact. The head of the history chain when the report was made lets the donor have an
 * auditor check, later, that the history up to then was not changed.
 */
public record DonorReport(Donor donor,
                          List<Agreement> agreements,
                          List<Batch> batches,
                          List<GivenDevice> devices,
                          Erasure erasure,
                          Households households,
                          List<Ceremony> ceremonies,
                          Impact impact,
                          ChainHead historyChainHead) {

    /** The processor that keeps the donors, whose names other read models' lists show (refused while rebuilt). */
    public static final String PROCESSING_GROUP = DonorProjection.PROCESSING_GROUP;

    /**
     * Asks for the report of one donor, or of one of its agreements (the devices received while it was in force);
     * an empty answer means no such donor, or no such agreement of that donor.
     */
    public record FetchDonorReport(UUID donorId, UUID agreementId) {

        public static FetchDonorReport wholeGift(UUID donorId) {
            return new FetchDonorReport(donorId, null);
        }
    }

    public record Donor(UUID donorId, String legalName, DonorKind kind, String siret, String contactPerson) {

        static Donor of(DonorRecord donor) {
            return new Donor(donor.getDonorId(), donor.getLegalName(), donor.getKind(), donor.getSiret(),
                    donor.getContactPerson());
        }
    }

    /** @param devicesReceived the donor's devices received while this agreement was in force */
    public record Agreement(UUID agreementId, String modelAgreementVersion, String signatoryName,
                            String signatoryRole, LocalDate signedOn, LocalDate validFrom, LocalDate validUntil,
                            LocalDate terminatedOn, long devicesReceived) {
    }

    /**
     * The devices received under one delivery reference, and where they are now.
     *
     * @param batchId        null for devices received one by one rather than imported as a batch
     * @param reconciliation null likewise
     */
    public record Batch(String reference, UUID batchId, Instant receivedAt, long devices,
                        Map<DeviceState, Long> devicesByState, Reconciliation reconciliation,
                        String reconciliationComment) {
    }

    /**
     * A device the donor gave, as the donor may see it: never the referral it went to, which would lead to the
     * household.
     *
     * @param erasureEvidence what the proof that it holds none of the donor's data rests on
     * @param storageRemoval  the donor's own statement that the storage was removed before the gift; null if none
     */
    public record GivenDevice(UUID deviceId, String assetTag, String donationBatchReference, DeviceCategory category,
                              String manufacturer, String model, String serialNumber, DeviceState state,
                              Instant stateSince, Instant receivedAt, UUID ceremonyId, List<MediumView> media,
                              ErasureEvidence erasureEvidence, StorageRemovalStatement storageRemoval) {

        static GivenDevice of(DeviceView device) {
            return new GivenDevice(device.deviceId(), device.assetTag(), device.donationBatchReference(),
                    device.category(), device.manufacturer(), device.model(), device.serialNumber(), device.state(),
                    device.stateSince(), device.receivedAt(), device.ceremonyId(), device.media(),
                    device.erasureEvidence(), device.storageRemoval());
        }
    }

    /**
     * Media counted by what happened to their data: the heart of the donor's trust; and the devices whose erasure
     * rests on no medium at all.
     *
     * @param devicesWithStorageRemovedByTheDonor devices without media whose storage the donor stated it removed
     * @param devicesWithoutErasureEvidence       devices with no medium ever declared and no such statement
     */
    public record Erasure(long media, long sanitised, long destroyed, long failedAwaitingRetry, long pending,
                          long devicesWithStorageRemovedByTheDonor, long devicesWithoutErasureEvidence) {

        static Erasure of(List<GivenDevice> devices) {
            List<MediumView> media = devices.stream().flatMap(device -> device.media().stream()).toList();
            return new Erasure(media.size(), count(media, ErasureStatus.SANITISED),
                    count(media, ErasureStatus.DESTROYED), count(media, ErasureStatus.FAILED),
                    count(media, ErasureStatus.PENDING), resting(devices, ErasureEvidence.DONOR_STATEMENT),
                    resting(devices, ErasureEvidence.NONE));
        }

        private static long count(List<MediumView> media, ErasureStatus status) {
            return media.stream().filter(medium -> medium.erasureStatus() == status).count();
        }

        private static long resting(List<GivenDevice> devices, ErasureEvidence evidence) {
            return devices.stream().filter(device -> device.erasureEvidence() == evidence).count();
        }
    }

    /**
     * The households the donor's devices went to, counted by the criterion that made them eligible.
     *
     * @param equipped    households given at least one of the donor's devices
     * @param byCriterion the same households by eligibility criterion, in the programme's order of preference;
     *                    households referred before referrals were recorded in the programme have no criterion
     */
    public record Households(long equipped, Map<EligibilityCriterion, Long> byCriterion) {
    }

    public record Ceremony(UUID ceremonyId, LocalDate date, String place, CeremonyRecord.Status status,
                           boolean invited, long devicesHandedOver, Integer householdsPresent,
                           Integer donorsPresent) {
    }

    /**
     * Estimated from the devices handed over, with the factors used so that the figure can be checked.
     *
     * @param devicesGivenASecondLife devices handed over to households
     */
    public record Impact(long devicesGivenASecondLife, double manufacturingCo2eAvoidedKg, double eWasteAvoidedKg,
                         Map<DeviceCategory, ImpactFactors.Factor> factors, String source) {
    }
}
