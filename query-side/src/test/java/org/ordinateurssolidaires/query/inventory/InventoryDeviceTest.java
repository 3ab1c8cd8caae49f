package org.ordinateurssolidaires.query.inventory;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.query.SampleDevices.RECEIVED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.received;

/** How the inventory row of one device follows its events, without a database. */
class InventoryDeviceTest {

    private static final DeviceId DEVICE = new DeviceId(UUID.randomUUID());
    private static final Instant LATER = RECEIVED_AT.plusSeconds(3600);
    private final StorageMedium disk = disk("A");
    private final StorageMedium ssd = disk("B");
    private final InventoryDevice device = new InventoryDevice(received(DEVICE, "OS-1", new DonorId(UUID.randomUUID()),
            DeviceCategory.LAPTOP, disk, ssd), 0);

    @Test
    void waitsForSanitisationUntilEveryMediumHoldsNoData() {
        device.changeMedium(disk.mediumId(), medium -> medium.sanitised(sanitisation(medium, SanitisationLevel.PURGE)), LATER);
        assertThat(device.getState()).isEqualTo(DeviceState.AWAITING_SANITISATION);
        assertThat(device.getStateSince()).isEqualTo(RECEIVED_AT);

        device.changeMedium(ssd.mediumId(), medium -> medium.destroyed(LATER), LATER);
        assertThat(device.getState()).isEqualTo(DeviceState.SANITISED);
        assertThat(device.getStateSince()).isEqualTo(LATER);
    }

    @Test
    void aFailedSanitisationIsCountedAndLeavesTheMediumHoldingData() {
        device.changeMedium(disk.mediumId(), InventoryMedium::sanitisationFailed, LATER);
        device.changeMedium(ssd.mediumId(), medium -> medium.destroyed(LATER), LATER);

        assertThat(device.getState()).isEqualTo(DeviceState.AWAITING_SANITISATION);
        assertThat(device.getMedia().get(0).getErasureStatus()).isEqualTo(ErasureStatus.FAILED);
        assertThat(device.getMedia().get(0).getSanitisationAttempts()).isEqualTo(1);
    }

    @Test
    void removingTheLastUnsanitisedMediumCompletesTheErasure() {
        device.changeMedium(disk.mediumId(), medium -> medium.destroyed(LATER), LATER);
        device.removeMedium(ssd.mediumId(), LATER);

        assertThat(device.getState()).isEqualTo(DeviceState.SANITISED);
        assertThat(device.getMedia()).extracting(InventoryMedium::getMediumId).containsExactly(disk.mediumId());
    }

    @Test
    void aReturnKeepsDestroyedMediaAndForgetsEarlierSanitisations() {
        device.changeMedium(disk.mediumId(), medium -> medium.sanitised(sanitisation(medium, SanitisationLevel.PURGE)), LATER);
        device.changeMedium(ssd.mediumId(), medium -> medium.destroyed(LATER), LATER);
        device.refurbished("Linux Mint 22", LATER);
        device.ready(QualityGrade.A, LATER);
        device.allocated(UUID.randomUUID(), LATER);
        device.handedOver(null, LATER);

        device.returned(LATER.plusSeconds(60));

        assertThat(device.getState()).isEqualTo(DeviceState.AWAITING_SANITISATION);
        assertThat(device.getMedia()).extracting(InventoryMedium::getErasureStatus)
                                     .containsExactly(ErasureStatus.PENDING, ErasureStatus.DESTROYED);
        assertThat(device.getReferralId()).isNull();
        assertThat(device.getGrade()).isNull();
    }

    @Test
    void aMediumFittedAfterRefurbishmentMustBeSanitisedBeforeTheCheck() {
        eraseEverything();
        device.refurbished("Linux Mint 22", LATER);
        StorageMedium fitted = disk("C");

        device.addMedium(fitted, LATER);
        assertThat(device.getState()).isEqualTo(DeviceState.AWAITING_SANITISATION);

        device.changeMedium(fitted.mediumId(), medium -> medium.sanitised(sanitisation(medium, SanitisationLevel.CLEAR)), LATER);
        assertThat(device.getState()).isEqualTo(DeviceState.REFURBISHED);
    }

    @Test
    void aFailedQualityCheckSendsTheDeviceBackToRefurbishment() {
        eraseEverything();
        device.refurbished("Linux Mint 22", LATER);

        device.failedQualityCheck(LATER.plusSeconds(60));

        assertThat(device.getState()).isEqualTo(DeviceState.SANITISED);
        assertThat(device.getStateSince()).isEqualTo(LATER.plusSeconds(60));
    }

    @Test
    void aCancelledAllocationPutsTheDeviceBackInTheReadyStock() {
        eraseEverything();
        device.refurbished("Linux Mint 22", LATER);
        device.ready(QualityGrade.B, LATER);
        device.allocated(UUID.randomUUID(), LATER);

        device.allocationCancelled(LATER);

        assertThat(device.getState()).isEqualTo(DeviceState.READY);
        assertThat(device.getReferralId()).isNull();
    }

    @Test
    void aRecycledDeviceIsRecycled() {
        eraseEverything();

        device.recycled(LATER);

        assertThat(device.getState()).isEqualTo(DeviceState.RECYCLED);
    }

    private static SanitisationRecord sanitisation(InventoryMedium medium, SanitisationLevel level) {
        return new SanitisationRecord(new StorageMedium(medium.getMediumId(), medium.getMediaType(), null, null,
                medium.getSerialNumber(), null), level, SanitisationTechnique.OVERWRITE, "nwipe", "0.37",
                VerificationMethod.FULL, "Camille", "Atelier", LATER, "a".repeat(64));
    }

    private void eraseEverything() {
        device.changeMedium(disk.mediumId(), medium -> medium.destroyed(LATER), LATER);
        device.changeMedium(ssd.mediumId(), medium -> medium.destroyed(LATER), LATER);
    }

    @Test
    void aDeviceWithMediaRestsItsErasureOnThemEvenOnceTheyAreTakenOut() {
        eraseEverything();
        device.removeMedium(disk.mediumId(), LATER);
        device.removeMedium(ssd.mediumId(), LATER);

        assertThat(device.getErasureEvidence()).isEqualTo(ErasureEvidence.MEDIA);
        assertThat(device.getState()).isEqualTo(DeviceState.SANITISED);
    }

    @Test
    void aDeviceWithoutMediaAwaitsSanitisationUntilTheDonorsStatementIsRecorded() {
        var tablet = new InventoryDevice(received(new DeviceId(UUID.randomUUID()), "OS-2",
                new DonorId(UUID.randomUUID()), DeviceCategory.TABLET), 0);
        assertThat(tablet.getErasureEvidence()).isEqualTo(ErasureEvidence.NONE);
        assertThat(tablet.getState()).as("an empty media list proves nothing").isEqualTo(DeviceState.AWAITING_SANITISATION);

        var statement = new StorageRemovalStatement("Paul Martin", LocalDate.of(2026, 2, 27), "BL-2026-03");
        tablet.storageRemovalStated(statement, LATER);

        assertThat(tablet.getErasureEvidence()).isEqualTo(ErasureEvidence.DONOR_STATEMENT);
        assertThat(tablet.getStorageRemoval()).contains(statement);
        assertThat(tablet.getState()).isEqualTo(DeviceState.SANITISED);
        assertThat(tablet.getStateSince()).isEqualTo(LATER);
    }

    @Test
    void aDeviceReturnedWithNoMediumOnRecordHasNoErasureEvidenceLeft() {
        var tablet = new InventoryDevice(received(new DeviceId(UUID.randomUUID()), "OS-3",
                new DonorId(UUID.randomUUID()), DeviceCategory.TABLET), 0);
        tablet.storageRemovalStated(new StorageRemovalStatement("Paul Martin", LocalDate.of(2026, 2, 27), "BL-2026-03"),
                LATER);

        tablet.returned(LATER.plusSeconds(60));

        assertThat(tablet.getErasureEvidence()).isEqualTo(ErasureEvidence.NONE);
        assertThat(tablet.getStorageRemoval()).isEmpty();
        assertThat(tablet.getState()).isEqualTo(DeviceState.AWAITING_SANITISATION);
    }

    @Test
    void aCorrectionChangesOnlyTheFieldsItNames() {
        device.corrected(new DeviceDetailsCorrected(DEVICE, DeviceCategory.DESKTOP, null, "OptiPlex 7050", null,
                null, null, "misread"));

        assertThat(device.getCategory()).isEqualTo(DeviceCategory.DESKTOP);
        assertThat(device.getModel()).isEqualTo("OptiPlex 7050");
        assertThat(device.getManufacturer()).isEqualTo("Dell");
    }
}
