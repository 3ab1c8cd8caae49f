package org.ordinateurssolidaires.command.device;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.ceremony.CeremonyCalendar;
import org.ordinateurssolidaires.command.donor.DonorAgreements;
import org.ordinateurssolidaires.command.donor.DonorRule;
import org.ordinateurssolidaires.command.referral.ReferralRule;
import org.ordinateurssolidaires.command.referral.ReferralStandings;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityCheckFailed;
import org.ordinateurssolidaires.events.device.QualityCheckPassed;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
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
import java.util.Optional;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.ordinateurssolidaires.command.rules.RuleAssertions.expectRuleBroken;

/** The rules of a device's life, each as given events, when a command, expect events or a refusal. */
class DeviceTest {

    private static final DeviceId DEVICE = new DeviceId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final AssetTag TAG = new AssetTag("OS-2026-0001");
    private static final DonorId DONOR = new DonorId(UUID.fromString("00000000-0000-4000-8000-00000000d0d0"));
    private static final ReferralId REFERRAL = new ReferralId(UUID.fromString("00000000-0000-4000-8000-0000000000ef"));
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final StorageMedium DISK = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000d1"),
            MediaType.HARD_DISK_DRIVE, "Seagate", "ST500LM030", "ZDE1ABCD", 500);
    private static final StorageMedium SSD = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000d2"),
            MediaType.NVME_SSD, "Samsung", "PM981", "S4DXNX0M", 256);
    private static final String REPORT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final DeviceReceived RECEIVED = new DeviceReceived(DEVICE, TAG, DONOR, "LIV-2026-03",
            DeviceCategory.LAPTOP, "Dell", "Latitude 5490", "5CG1234", List.of(DISK, SSD), "scratched lid", T);
    /** As an older release recorded it: no medium, and nothing to say where the data went. */
    private static final DeviceReceived RECEIVED_WITHOUT_MEDIA = new DeviceReceived(DEVICE, TAG, DONOR, "LIV-2026-03",
            DeviceCategory.TABLET, "Apple", "iPad 6", "DMPX1234", List.of(), null, T);
    private static final StorageRemovalStatement DISKS_REMOVED_BY_THE_DONOR = new StorageRemovalStatement(
            "Olivier Lambert, DSI", LocalDate.of(2026, 2, 27), "Annexe 2, convention 2023-0208");
    private static final StorageRemovalStated REMOVAL_STATED = new StorageRemovalStated(DEVICE, DISKS_REMOVED_BY_THE_DONOR);
    private static final DeviceRefurbished REFURBISHED =
            new DeviceRefurbished(DEVICE, "battery replaced", "Linux Mint 22", "Sam", T);
    private static final QualityCheckPassed READY = new QualityCheckPassed(DEVICE, QualityGrade.B, "Lou", null, T);
    private static final DeviceAllocated ALLOCATED = new DeviceAllocated(DEVICE, REFERRAL, T);
    private static final DeviceHandedOver HANDED_OVER = new DeviceHandedOver(DEVICE, REFERRAL, true, null, T);

    private FixtureConfiguration<Device> fixture;
    private AssetTagRegistry assetTags;
    private DonorAgreements agreements;
    private CeremonyCalendar ceremonies;
    private ReferralStandings referrals;
    private ImportedDeliveries deliveries;

    /** By default the donor's agreement is in force and ceremonies take place when devices are handed over. */
    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Device.class);
        assetTags = mock(AssetTagRegistry.class);
        agreements = mock(DonorAgreements.class);
        ceremonies = mock(CeremonyCalendar.class);
        when(agreements.standingOn(any(), any())).thenReturn(DonorAgreements.Standing.AGREEMENT_IN_FORCE);
        doCallRealMethod().when(agreements).requireInForce(any(), any());
        when(ceremonies.standingOn(any(), any())).thenReturn(CeremonyCalendar.Standing.TAKES_PLACE_THAT_DAY);
        fixture.registerInjectableResource(assetTags);
        fixture.registerInjectableResource(agreements);
        fixture.registerInjectableResource(ceremonies);
        deliveries = mock(ImportedDeliveries.class); // by default, every delivery is received one device at a time
        fixture.registerInjectableResource(deliveries);
        referrals = mock(ReferralStandings.class); // by default every referral waits for the device
        fixture.registerInjectableResource(referrals);
        fixture.registerInjectableResource(ErasurePolicy.nistDefaults());
    }

    private static StorageMediumSanitised sanitised(StorageMedium medium) {
        return new StorageMediumSanitised(DEVICE, record(medium));
    }

    private static SanitisationRecord record(StorageMedium medium) {
        return new SanitisationRecord(medium, SanitisationLevel.PURGE, SanitisationTechnique.CRYPTOGRAPHIC_ERASE,
                "nwipe", "0.37", VerificationMethod.FULL, "Camille", "Atelier Poitiers", T, REPORT);
    }

    private static SanitiseStorageMedium sanitise(StorageMedium medium, boolean verificationPassed) {
        return new SanitiseStorageMedium(DEVICE, medium.mediumId(), SanitisationLevel.PURGE,
                SanitisationTechnique.CRYPTOGRAPHIC_ERASE, "nwipe", "0.37", VerificationMethod.FULL,
                verificationPassed, verificationPassed ? null : "3 sectors unreadable", "Camille",
                "Atelier Poitiers", T, REPORT);
    }

    private static SanitiseStorageMedium sanitise(StorageMedium medium, SanitisationLevel level,
                                                  SanitisationTechnique technique, VerificationMethod verification,
                                                  boolean verificationPassed) {
        return new SanitiseStorageMedium(DEVICE, medium.mediumId(), level, technique, "nwipe", "0.37", verification,
                verificationPassed, verificationPassed ? null : "3 sectors unreadable", "Camille",
                "Atelier Poitiers", T, REPORT);
    }

    private static StorageMediumDestroyed destroyed(StorageMedium medium) {
        return new StorageMediumDestroyed(DEVICE, medium, DestructionMethod.SHRED, "Camille", "Broyeur municipal",
                "CERT-77", T);
    }

    /** Received, both media sanitised, refurbished and passed: the device is ready. */
    private Object[] readyDevice() {
        return new Object[]{RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED, READY};
    }

    @Nested
    class Reception {

        @Test
        void recordsTheDeviceWithItsMedia() {
            fixture.givenNoPriorActivity()
                   .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                           "Latitude 5490", "5CG1234", List.of(DISK, SSD), null, "scratched lid", T))
                   .expectEvents(RECEIVED);
        }

        /** The donor reconciles a file as it was imported: a device received alone does not join it. */
        @Test
        void refusesADeviceReceivedAloneIntoADeliveryImportedFromAFile() {
            when(deliveries.isImported(DONOR, "LIV-2026-03")).thenReturn(true);
            expectRuleBroken(DeviceRule.DELIVERY_FILE_IS_WHOLE,
                    fixture.givenNoPriorActivity()
                           .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                                   "Latitude 5490", "5CG1234", List.of(DISK, SSD), null, "scratched lid", T)));
        }

        @Test
        void recordsTheDonorsStatementRightAfterAReceptionWithoutMedia() {
            fixture.givenNoPriorActivity()
                   .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.TABLET, "Apple", "iPad 6",
                           "DMPX1234", List.of(), DISKS_REMOVED_BY_THE_DONOR, null, T))
                   .expectEvents(RECEIVED_WITHOUT_MEDIA, REMOVAL_STATED);
        }

        @Test
        void recordsADeviceWhoseOnlyStorageIsEmbedded() {
            var flash = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000e1"),
                    MediaType.EMBEDDED_FLASH, "Apple", "embedded NAND", null, 32);
            fixture.givenNoPriorActivity()
                   .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.TABLET, "Apple", "iPad 6",
                           "DMPX1234", List.of(flash), null, null, T))
                   .expectEvents(new DeviceReceived(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.TABLET,
                           "Apple", "iPad 6", "DMPX1234", List.of(flash), null, T));
        }

        @Test
        void refusesAReceptionWithNeitherAMediumNorTheDonorsStatement() {
            expectRuleBroken(DeviceRule.STORAGE_ACCOUNTED_FOR_AT_RECEPTION,
                    fixture.givenNoPriorActivity()
                           .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.TABLET, "Apple",
                                   "iPad 6", "DMPX1234", List.of(), null, null, T)));
        }

        /** The statement says the storage was removed: it cannot stand beside media the device lists. */
        @Test
        void refusesAReceptionWithBothMediaAndTheDonorsStatement() {
            expectRuleBroken(DeviceRule.STATEMENT_ONLY_WITHOUT_MEDIA,
                    fixture.givenNoPriorActivity()
                           .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                                   "Latitude 5490", "5CG1234", List.of(DISK), DISKS_REMOVED_BY_THE_DONOR, null, T)));
        }

        @Test
        void refusesADonorWithoutAnAgreementInForceThatDay() {
            when(agreements.standingOn(DONOR, T)).thenReturn(DonorAgreements.Standing.NO_AGREEMENT_IN_FORCE);
            expectRuleBroken(DonorRule.DONOR_AGREEMENT_IN_FORCE,
                    fixture.givenNoPriorActivity()
                           .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                                   "Latitude 5490", "5CG1234", List.of(DISK), null, null, T)));
        }

        @Test
        void refusesADonorNobodyRegistered() {
            when(agreements.standingOn(DONOR, T)).thenReturn(DonorAgreements.Standing.UNKNOWN_DONOR);
            fixture.givenNoPriorActivity()
                   .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                           "Latitude 5490", "5CG1234", List.of(DISK), null, null, T))
                   .expectException(UnknownEntity.class)
                   .expectNoEvents();
        }

        @Test
        void refusesAnAssetTagAlreadyOnAnotherDevice() {
            when(assetTags.isTaken(TAG)).thenReturn(true);
            expectRuleBroken(DeviceRule.ASSET_TAG_UNIQUE,
                    fixture.givenNoPriorActivity()
                   .when(new ReceiveDevice(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                           "Latitude 5490", "5CG1234", List.of(DISK), null, null, T)));
        }
    }

    @Nested
    class Sanitisation {

        @Test
        void recordsAVerifiedSanitisationWithTheMediumAsTheDeviceKnowsIt() {
            fixture.given(RECEIVED).when(sanitise(DISK, true)).expectEvents(sanitised(DISK));
        }

        @Test
        void recordsAFailedVerificationAsAFailure() {
            fixture.given(RECEIVED)
                   .when(sanitise(DISK, false))
                   .expectEvents(new StorageMediumSanitisationFailed(DEVICE, record(DISK), "3 sectors unreadable"));
        }

        @Test
        void aFailedSanitisationLeavesTheMediumHoldingDataEvenAfterAnEarlierSuccess() {
            expectRuleBroken(DeviceRule.REFURBISHMENT_AFTER_ERASURE,
                    fixture.given(RECEIVED, sanitised(SSD), sanitised(DISK),
                                   new StorageMediumSanitisationFailed(DEVICE, record(DISK), "3 sectors unreadable"))
                           .when(new RefurbishDevice(DEVICE, "new battery", "Linux Mint 22", "Sam", T)));
        }

        /** NIST SP 800-88: degaussing or overwriting leaves flash readable; the disk may be cleared by an overwrite. */
        @Test
        void refusesAsErasureASanitisationThePolicyDoesNotAcceptForTheMediumsType() {
            for (SanitisationTechnique weak : List.of(SanitisationTechnique.DEGAUSS, SanitisationTechnique.OVERWRITE)) {
                expectRuleBroken(DeviceRule.ERASURE_POLICY, fixture.given(RECEIVED)
                        .when(sanitise(SSD, SanitisationLevel.CLEAR, weak, VerificationMethod.FULL, true)));
            }
            fixture.given(RECEIVED)
                   .when(sanitise(SSD, SanitisationLevel.CLEAR, SanitisationTechnique.OVERWRITE,
                           VerificationMethod.FULL, true))
                   .expectExceptionMessage("CLEAR/OVERWRITE/FULL does not erase a NVME_SSD: accepted are "
                                           + "PURGE/BLOCK_ERASE/*, PURGE/CRYPTOGRAPHIC_ERASE/* (* for any), or the "
                                           + "medium's destruction");
            fixture.given(RECEIVED)
                   .when(sanitise(DISK, SanitisationLevel.CLEAR, SanitisationTechnique.OVERWRITE,
                           VerificationMethod.FULL, true))
                   .expectSuccessfulHandlerExecution();
            expectRuleBroken(DeviceRule.ERASURE_POLICY, fixture.given(RECEIVED)
                    .when(sanitise(DISK, SanitisationLevel.CLEAR, SanitisationTechnique.OVERWRITE,
                            VerificationMethod.SAMPLING, true)));
        }

        /** A failure erased nothing whatever its kind: it is the fact on record that the medium still holds data. */
        @Test
        void recordsAFailedSanitisationOfAnyKind() {
            fixture.given(RECEIVED)
                   .when(sanitise(SSD, SanitisationLevel.CLEAR, SanitisationTechnique.DEGAUSS,
                           VerificationMethod.SAMPLING, false))
                   .expectEvents(new StorageMediumSanitisationFailed(DEVICE, new SanitisationRecord(SSD,
                           SanitisationLevel.CLEAR, SanitisationTechnique.DEGAUSS, "nwipe", "0.37",
                           VerificationMethod.SAMPLING, "Camille", "Atelier Poitiers", T, REPORT),
                           "3 sectors unreadable"));
        }

        @Test
        void aFailedMediumCanBeSanitisedAgain() {
            fixture.given(RECEIVED, new StorageMediumSanitisationFailed(DEVICE, record(DISK), "3 sectors unreadable"))
                   .when(sanitise(DISK, true))
                   .expectEvents(sanitised(DISK));
        }

        @Test
        void aFailedMediumCanBeDestroyedInstead() {
            fixture.given(RECEIVED, new StorageMediumSanitisationFailed(DEVICE, record(DISK), "3 sectors unreadable"))
                   .when(new DestroyStorageMedium(DEVICE, DISK.mediumId(), DestructionMethod.SHRED, "Camille",
                           "Broyeur municipal", "CERT-77", T))
                   .expectEvents(destroyed(DISK));
        }

        @Test
        void refusesToSanitiseADestroyedMedium() {
            expectRuleBroken(DeviceRule.DESTROYED_MEDIUM_IS_FINAL,
                    fixture.given(RECEIVED, destroyed(DISK)).when(sanitise(DISK, true)));
        }

        @Test
        void refusesToDestroyAMediumTwice() {
            expectRuleBroken(DeviceRule.DESTROYED_MEDIUM_IS_FINAL,
                    fixture.given(RECEIVED, destroyed(DISK))
                   .when(new DestroyStorageMedium(DEVICE, DISK.mediumId(), DestructionMethod.SHRED, "Camille",
                           "Broyeur municipal", null, T)));
        }

        @Test
        void refusesAMediumTheDeviceDoesNotHave() {
            UUID unknown = UUID.randomUUID();
            fixture.given(RECEIVED)
                   .when(sanitise(new StorageMedium(unknown, MediaType.SATA_SSD, null, null, null, null), true))
                   .expectException(UnknownEntity.class)
                   .expectNoEvents();
            fixture.given(RECEIVED)
                   .when(new DestroyStorageMedium(DEVICE, unknown, DestructionMethod.SHRED, "Camille", "Broyeur", null, T))
                   .expectException(UnknownEntity.class);
            fixture.given(RECEIVED)
                   .when(new RemoveStorageMedium(DEVICE, unknown, "faulty", T))
                   .expectException(UnknownEntity.class);
        }

        @Test
        void leavesTheMediaOfAReadyDeviceAlone() {
            expectRuleBroken(DeviceRule.MEDIA_WORK_BEFORE_QUALITY_CHECK,
                    fixture.given(readyDevice()).when(sanitise(DISK, true)));
        }

        @Test
        void stillAcceptsTheDestructionOfAMediumOfAReadyDevice() {
            fixture.given(readyDevice())
                   .when(new DestroyStorageMedium(DEVICE, DISK.mediumId(), DestructionMethod.SHRED, "Camille",
                           "Broyeur municipal", "CERT-77", T))
                   .expectEvents(destroyed(DISK));
        }
    }

    @Nested
    class Refurbishment {

        @Test
        void startsOnceEveryMediumIsSanitisedOrDestroyed() {
            fixture.given(RECEIVED, sanitised(DISK), destroyed(SSD))
                   .when(new RefurbishDevice(DEVICE, "battery replaced", "Linux Mint 22", "Sam", T))
                   .expectEvents(REFURBISHED);
        }

        @Test
        void refusesWhileAMediumIsUnsanitised() {
            expectRuleBroken(DeviceRule.REFURBISHMENT_AFTER_ERASURE,
                    fixture.given(RECEIVED, sanitised(DISK))
                   .when(new RefurbishDevice(DEVICE, "battery replaced", "Linux Mint 22", "Sam", T)));
        }

        @Test
        void refusesAReadyDevice() {
            expectRuleBroken(DeviceRule.REFURBISHMENT_BEFORE_QUALITY_CHECK,
                    fixture.given(readyDevice())
                   .when(new RefurbishDevice(DEVICE, "again", "Linux Mint 22", "Sam", T)));
        }

        @Test
        void acceptsANewMediumWhichMustThenBeSanitisedBeforeAllocation() {
            StorageMedium extra = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000d3"),
                    MediaType.SATA_SSD, "Crucial", "MX500", "2219E5", 240);
            fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED)
                   .when(new AddStorageMedium(DEVICE, extra, "larger disk fitted", T))
                   .expectEvents(new StorageMediumAdded(DEVICE, extra, "larger disk fitted", T));

            expectRuleBroken(DeviceRule.READY_AFTER_ERASURE,
                    fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED,
                           new StorageMediumAdded(DEVICE, extra, "larger disk fitted", T))
                   .when(new RecordQualityCheck(DEVICE, true, QualityGrade.A, null, "Lou", T)));
        }

        /** The disk it has, added again under a new id (its label scanned in another case): one medium twice. */
        @Test
        void refusesANewMediumWithTheSerialOfOneTheDeviceHas() {
            StorageMedium again = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000d4"),
                    MediaType.HARD_DISK_DRIVE, "Seagate", "ST500LM030", " zde1abcd", 500);
            expectRuleBroken(DeviceRule.MEDIUM_SERIAL_ONCE_PER_DEVICE,
                    fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED)
                   .when(new AddStorageMedium(DEVICE, again, "found in the bay", T)));
            StorageMedium fullWidth = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000d5"),
                    MediaType.HARD_DISK_DRIVE, "Seagate", "ST500LM030", "ＺＤＥ１ＡＢＣＤ", 500);
            expectRuleBroken(DeviceRule.MEDIUM_SERIAL_ONCE_PER_DEVICE,
                    fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED)
                   .when(new AddStorageMedium(DEVICE, fullWidth, "typed in full-width mode", T)));
            StorageMedium separated = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000d6"),
                    MediaType.HARD_DISK_DRIVE, "Seagate", "ST500LM030", "ZDE1\u2010ab\u00a0cd", 500);
            expectRuleBroken(DeviceRule.MEDIUM_SERIAL_ONCE_PER_DEVICE,
                    fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED)
                   .when(new AddStorageMedium(DEVICE, separated, "pasted with a dash and a no-break space", T)));
            // once the first is removed, its serial is free: the same disk fitted back
            fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED,
                           new StorageMediumRemoved(DEVICE, DISK.mediumId(), "faulty", T))
                   .when(new AddStorageMedium(DEVICE, again, "refitted", T))
                   .expectEvents(new StorageMediumAdded(DEVICE, again, "refitted", T));
        }

        @Test
        void removesOnlyAMediumThatHoldsNoData() {
            expectRuleBroken(DeviceRule.REMOVAL_AFTER_ERASURE,
                    fixture.given(RECEIVED, sanitised(DISK))
                   .when(new RemoveStorageMedium(DEVICE, SSD.mediumId(), "faulty", T)));

            fixture.given(RECEIVED, sanitised(DISK), destroyed(SSD))
                   .when(new RemoveStorageMedium(DEVICE, SSD.mediumId(), "shredded", T))
                   .expectEvents(new StorageMediumRemoved(DEVICE, SSD.mediumId(), "shredded", T));
        }

        @Test
        void aRemovedMediumNoLongerCounts() {
            fixture.given(RECEIVED, sanitised(DISK), destroyed(SSD),
                           new StorageMediumRemoved(DEVICE, SSD.mediumId(), "shredded", T))
                   .when(sanitise(SSD, true))
                   .expectException(UnknownEntity.class);
        }

        @Test
        void refusesMediaChangesOnceReady() {
            expectRuleBroken(DeviceRule.MEDIA_WORK_BEFORE_QUALITY_CHECK,
                    fixture.given(readyDevice())
                   .when(new AddStorageMedium(DEVICE, new StorageMedium(UUID.randomUUID(), MediaType.SATA_SSD,
                           null, null, null, null), "upgrade", T)));
        }
    }

    @Nested
    class QualityCheck {

        @Test
        void comesOnlyAfterRefurbishment() {
            expectRuleBroken(DeviceRule.QUALITY_CHECK_AFTER_REFURBISHMENT,
                    fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD))
                   .when(new RecordQualityCheck(DEVICE, true, QualityGrade.A, null, "Lou", T)));
        }

        @Test
        void passingMakesTheDeviceReady() {
            fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED)
                   .when(new RecordQualityCheck(DEVICE, true, QualityGrade.B, null, "Lou", T))
                   .expectEvents(READY);
        }

        @Test
        void failingSendsTheDeviceBackToRefurbishment() {
            var failed = new QualityCheckFailed(DEVICE, "screen flickers", "Lou", T);
            fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED)
                   .when(new RecordQualityCheck(DEVICE, false, null, "screen flickers", "Lou", T))
                   .expectEvents(failed);

            expectRuleBroken(DeviceRule.QUALITY_CHECK_AFTER_REFURBISHMENT,
                    fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED, failed)
                           .when(new RecordQualityCheck(DEVICE, true, QualityGrade.B, null, "Lou", T)));

            fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED, failed)
                   .when(new RefurbishDevice(DEVICE, "battery replaced", "Linux Mint 22", "Sam", T))
                   .expectEvents(REFURBISHED);
        }
    }

    @Nested
    class Allocation {

        @Test
        void allocatesAReadyDevice() {
            fixture.given(readyDevice())
                   .when(new AllocateDevice(DEVICE, REFERRAL, null, T))
                   .expectEvents(ALLOCATED);
        }

        @Test
        void allocatesToTheNextHouseholdInLineOrToAnotherWithAReason() {
            var nextInLine = new ReferralId(UUID.fromString("00000000-0000-4000-8000-0000000000f2"));
            when(referrals.nextInLineFor(DeviceCategory.LAPTOP)).thenReturn(Optional.of(nextInLine));
            expectRuleBroken(ReferralRule.ALLOCATION_IN_TURN,
                    fixture.given(readyDevice()).when(new AllocateDevice(DEVICE, REFERRAL, null, T)));

            fixture.given(readyDevice())
                   .when(new AllocateDevice(DEVICE, REFERRAL, "the household in line needs a screen reader", T))
                   .expectEvents(new NextInLinePassedOver(DEVICE, nextInLine, REFERRAL,
                           "the household in line needs a screen reader"), ALLOCATED);

            when(referrals.nextInLineFor(DeviceCategory.LAPTOP)).thenReturn(Optional.of(REFERRAL));
            fixture.given(readyDevice())
                   .when(new AllocateDevice(DEVICE, REFERRAL, null, T))
                   .expectEvents(ALLOCATED);
        }

        @Test
        void refusesAReferralThatDoesNotWaitForThisKindOfDevice() {
            doThrow(new RuleViolation(ReferralRule.ALLOCATION_TO_A_WAITING_REFERRAL, "needs a tablet"))
                    .when(referrals).requireOpenFor(REFERRAL, DeviceCategory.LAPTOP, T);
            expectRuleBroken(ReferralRule.ALLOCATION_TO_A_WAITING_REFERRAL,
                    fixture.given(readyDevice()).when(new AllocateDevice(DEVICE, REFERRAL, null, T)));
        }

        @Test
        void refusesADeviceThatIsNotReady() {
            expectRuleBroken(DeviceRule.ALLOCATION_WHEN_READY,
                    fixture.given(RECEIVED, sanitised(DISK), sanitised(SSD), REFURBISHED)
                   .when(new AllocateDevice(DEVICE, REFERRAL, null, T)));
        }

        @Test
        void cancellingMakesTheDeviceReadyAgain() {
            fixture.given(readyDevice()).andGiven(ALLOCATED)
                   .when(new CancelAllocation(DEVICE, "household moved away", T))
                   .expectEvents(new AllocationCancelled(DEVICE, REFERRAL, "household moved away", T));

            fixture.given(readyDevice()).andGiven(ALLOCATED, new AllocationCancelled(DEVICE, REFERRAL, "moved", T))
                   .when(new AllocateDevice(DEVICE, REFERRAL, null, T))
                   .expectEvents(ALLOCATED);
        }

        @Test
        void refusesToCancelWithoutAnAllocation() {
            expectRuleBroken(DeviceRule.CANCELLATION_WHEN_ALLOCATED,
                    fixture.given(readyDevice()).when(new CancelAllocation(DEVICE, "mistake", T)));
        }
    }

    @Nested
    class HandOver {

        @Test
        void handsAnAllocatedDeviceToItsHousehold() {
            var ceremony = new CeremonyId(UUID.fromString("00000000-0000-4000-8000-0000000000ce"));
            fixture.given(readyDevice()).andGiven(ALLOCATED)
                   .when(new HandOverDevice(DEVICE, null, true, ceremony, T))
                   .expectEvents(new DeviceHandedOver(DEVICE, REFERRAL, true, ceremony, T))
                   .expectResultMessagePayload(REFERRAL);
        }

        @Test
        void handsADeviceOnlyToTheHouseholdItIsAllocatedTo() {
            fixture.given(readyDevice()).andGiven(ALLOCATED)
                   .when(new HandOverDevice(DEVICE, REFERRAL, true, null, T))
                   .expectEvents(new DeviceHandedOver(DEVICE, REFERRAL, true, null, T));
            var anotherHousehold = new ReferralId(UUID.randomUUID());
            expectRuleBroken(DeviceRule.HAND_OVER_TO_THE_ALLOCATED_HOUSEHOLD,
                    fixture.given(readyDevice()).andGiven(ALLOCATED)
                           .when(new HandOverDevice(DEVICE, anotherHousehold, true, null, T)));
        }

        @Test
        void refusesAHandOverAtACeremonyThatIsNotOnThatDay() {
            var ceremony = new CeremonyId(UUID.fromString("00000000-0000-4000-8000-0000000000ce"));
            when(ceremonies.standingOn(ceremony, T)).thenReturn(CeremonyCalendar.Standing.NOT_THAT_DAY);
            expectRuleBroken(DeviceRule.HAND_OVER_ON_THE_CEREMONY_DAY,
                    fixture.given(readyDevice()).andGiven(ALLOCATED).when(new HandOverDevice(DEVICE, null, true, ceremony, T)));
        }

        /** A ceremony that does not exist is not found, not a day that does not match. */
        @Test
        void refusesAHandOverAtAnUnknownCeremonyAsNotFound() {
            var ceremony = new CeremonyId(UUID.fromString("00000000-0000-4000-8000-0000000000cf"));
            when(ceremonies.standingOn(ceremony, T)).thenReturn(CeremonyCalendar.Standing.UNKNOWN_CEREMONY);
            fixture.given(readyDevice()).andGiven(ALLOCATED).when(new HandOverDevice(DEVICE, null, true, ceremony, T))
                   .expectException(UnknownEntity.class)
                   .expectExceptionMessage("no ceremony " + ceremony)
                   .expectNoEvents();
        }

        @Test
        void refusesADeviceThatIsNotAllocated() {
            expectRuleBroken(DeviceRule.HAND_OVER_WHEN_ALLOCATED,
                    fixture.given(readyDevice()).when(new HandOverDevice(DEVICE, null, true, null, T)));
        }

        @Test
        void requiresTheFreeOfChargeAcknowledgement() {
            expectRuleBroken(DeviceRule.FREE_OF_CHARGE,
                    fixture.given(readyDevice()).andGiven(ALLOCATED).when(new HandOverDevice(DEVICE, null, false, null, T)));
        }

        /** Commands cannot reach this state; the rule still holds if a history ever did (an old, upcast stream). */
        @Test
        void refusesHandOverWhileAMediumIsUnsanitised() {
            expectRuleBroken(DeviceRule.ERASURE_BEFORE_RELEASE,
                    fixture.given(RECEIVED, sanitised(DISK), REFURBISHED, READY, ALLOCATED)
                           .when(new HandOverDevice(DEVICE, null, true, null, T)));
        }

        @Test
        void refusesAllocationWhileAMediumIsUnsanitised() {
            expectRuleBroken(DeviceRule.ERASURE_BEFORE_RELEASE,
                    fixture.given(RECEIVED, sanitised(DISK), REFURBISHED, READY)
                           .when(new AllocateDevice(DEVICE, REFERRAL, null, T)));
        }
    }

    @Nested
    class AfterTheDeviceLeft {

        @Test
        void refusesEveryTransitionAfterHandOver() {
            expectRuleBroken(DeviceRule.DEVICE_HAS_LEFT,
                    fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER)
                   .when(new RecycleDevice(DEVICE, "Envie", "REC-1", T)));

            expectRuleBroken(DeviceRule.DEVICE_HAS_LEFT,
                    fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER).when(sanitise(DISK, true)));

            expectRuleBroken(DeviceRule.DEVICE_HAS_LEFT,
                    fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER).when(new AllocateDevice(DEVICE, REFERRAL, null, T)));
        }

        @Test
        void refusesEveryTransitionAfterRecycling() {
            var recycled = new DeviceRecycled(DEVICE, "Envie", "REC-1", T);
            expectRuleBroken(DeviceRule.DEVICE_HAS_LEFT,
                    fixture.given(readyDevice()).andGiven(recycled).when(new AllocateDevice(DEVICE, REFERRAL, null, T)));

            expectRuleBroken(DeviceRule.RETURN_AFTER_HAND_OVER,
                    fixture.given(readyDevice()).andGiven(recycled).when(new ReturnDevice(DEVICE, "mistake", T)));
        }

        @Test
        void aReturnedDeviceGoesBackToSanitisation() {
            var returned = new DeviceReturned(DEVICE, REFERRAL, "too slow", T);
            fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER)
                   .when(new ReturnDevice(DEVICE, "too slow", T))
                   .expectEvents(returned);

            expectRuleBroken(DeviceRule.REFURBISHMENT_AFTER_ERASURE,
                    fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER, returned)
                   .when(new RefurbishDevice(DEVICE, "check", "Linux Mint 22", "Sam", T)));

            fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER, returned)
                   .when(sanitise(DISK, true))
                   .expectEvents(sanitised(DISK));
            // returned twice: refused, saying where it is as staff see it (found by an outside probe)
            fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER, returned)
                   .when(new ReturnDevice(DEVICE, "sent again", T))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("the device is awaiting the erasure of its media");
        }

        @Test
        void aReturnedDeviceCannotBeRecycledUntilItsMediaAreSanitisedAgain() {
            expectRuleBroken(DeviceRule.ERASURE_BEFORE_RELEASE,
                    fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER,
                                   new DeviceReturned(DEVICE, REFERRAL, "too slow", T))
                           .when(new RecycleDevice(DEVICE, "Envie", "REC-1", T)));
        }

        @Test
        void refusesToReturnADeviceThatWasNeverHandedOver() {
            expectRuleBroken(DeviceRule.RETURN_AFTER_HAND_OVER,
                    fixture.given(readyDevice()).when(new ReturnDevice(DEVICE, "?", T)));
        }
    }

    @Nested
    class Recycling {

        @Test
        void recyclesADeviceWhoseMediaHoldNoData() {
            fixture.given(RECEIVED, destroyed(DISK), sanitised(SSD))
                   .when(new RecycleDevice(DEVICE, "Envie", "REC-1", T))
                   .expectEvents(new DeviceRecycled(DEVICE, "Envie", "REC-1", T));
        }

        @Test
        void refusesRecyclingWhileAMediumIsUnsanitised() {
            expectRuleBroken(DeviceRule.ERASURE_BEFORE_RELEASE,
                    fixture.given(RECEIVED, destroyed(DISK)).when(new RecycleDevice(DEVICE, "Envie", "REC-1", T)));
        }

        @Test
        void refusesRecyclingAnAllocatedDevice() {
            expectRuleBroken(DeviceRule.RECYCLING_WHEN_NOT_ALLOCATED,
                    fixture.given(readyDevice()).andGiven(ALLOCATED).when(new RecycleDevice(DEVICE, "Envie", "REC-1", T)));
        }
    }

    /** A device with no medium ever listed proves nothing by its empty media list. */
    @Nested
    class ErasureEvidence {

        @Test
        void theDonorsStatementPutsRightADeviceReceivedWithoutMediaBeforeItsQualityCheck() {
            fixture.given(RECEIVED_WITHOUT_MEDIA)
                   .when(new RecordStorageRemovalStatement(DEVICE, DISKS_REMOVED_BY_THE_DONOR))
                   .expectEvents(REMOVAL_STATED);
            fixture.given(RECEIVED_WITHOUT_MEDIA, REFURBISHED)
                   .when(new RecordStorageRemovalStatement(DEVICE, DISKS_REMOVED_BY_THE_DONOR))
                   .expectEvents(REMOVAL_STATED);
        }

        /** A device made ready by an older release with no evidence could otherwise never leave. */
        @Test
        void theDonorsStatementPutsRightADeviceWithoutEvidenceAfterItsQualityCheck() {
            fixture.given(RECEIVED_WITHOUT_MEDIA, REFURBISHED, READY)
                   .when(new RecordStorageRemovalStatement(DEVICE, DISKS_REMOVED_BY_THE_DONOR))
                   .expectEvents(REMOVAL_STATED);
        }

        /** The statement says the storage was removed: it cannot stand for a medium the device lists. */
        @Test
        void refusesTheDonorsStatementForADeviceThatListsAMedium() {
            expectRuleBroken(DeviceRule.STATEMENT_ONLY_WITHOUT_MEDIA,
                    fixture.given(RECEIVED)
                           .when(new RecordStorageRemovalStatement(DEVICE, DISKS_REMOVED_BY_THE_DONOR)));
        }

        @Test
        void refusesTheDonorsStatementOnceTheDeviceHasLeft() {
            expectRuleBroken(DeviceRule.DEVICE_HAS_LEFT,
                    fixture.given(RECEIVED_WITHOUT_MEDIA, REMOVAL_STATED, REFURBISHED, READY, ALLOCATED, HANDED_OVER)
                           .when(new RecordStorageRemovalStatement(DEVICE, DISKS_REMOVED_BY_THE_DONOR)));
        }

        /** The household may have fitted storage: the earlier statement says nothing about it. */
        @Test
        void aReturnedDeviceWithNoMediumNeedsItsStorageAccountedForAgain() {
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA, REMOVAL_STATED, REFURBISHED, READY, ALLOCATED, HANDED_OVER,
                                   new DeviceReturned(DEVICE, REFERRAL, "too slow", T))
                           .when(new RefurbishDevice(DEVICE, "reset", "iPadOS 17", "Sam", T)));
        }

        @Test
        void refusesRefurbishmentWithoutErasureEvidence() {
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA)
                           .when(new RefurbishDevice(DEVICE, "reset", "iPadOS 17", "Sam", T)));
        }

        @Test
        void refusesAPassedQualityCheckWithoutErasureEvidence() {
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA, REFURBISHED)
                           .when(new RecordQualityCheck(DEVICE, true, QualityGrade.B, null, "Lou", T)));
        }

        @Test
        void refusesAllocationWithoutErasureEvidence() {
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA, REFURBISHED, READY)
                           .when(new AllocateDevice(DEVICE, REFERRAL, null, T)));
        }

        @Test
        void refusesHandOverWithoutErasureEvidence() {
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA, REFURBISHED, READY, ALLOCATED)
                           .when(new HandOverDevice(DEVICE, null, true, null, T)));
        }

        @Test
        void refusesRecyclingWithoutErasureEvidence() {
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA).when(new RecycleDevice(DEVICE, "Envie", "REC-1", T)));
        }

        @Test
        void aDeviceWhoseStorageTheDonorRemovedGoesThroughItsLife() {
            fixture.given(RECEIVED_WITHOUT_MEDIA, REMOVAL_STATED)
                   .when(new RefurbishDevice(DEVICE, "battery replaced", "Linux Mint 22", "Sam", T))
                   .expectEvents(REFURBISHED);
            fixture.given(RECEIVED_WITHOUT_MEDIA, REMOVAL_STATED, REFURBISHED, READY, ALLOCATED)
                   .when(new HandOverDevice(DEVICE, null, true, null, T))
                   .expectEvents(HANDED_OVER);
        }

        @Test
        void embeddedStorageListedLaterIsEvidenceOnceSanitised() {
            var flash = new StorageMedium(UUID.fromString("00000000-0000-4000-8000-0000000000e1"),
                    MediaType.EMBEDDED_FLASH, "Apple", "embedded NAND", null, 32);
            var listed = new StorageMediumAdded(DEVICE, flash, "embedded storage not listed at reception", T);
            expectRuleBroken(DeviceRule.REFURBISHMENT_AFTER_ERASURE,
                    fixture.given(RECEIVED_WITHOUT_MEDIA, listed)
                           .when(new RefurbishDevice(DEVICE, "reset", "iPadOS 17", "Sam", T)));
            fixture.given(RECEIVED_WITHOUT_MEDIA, listed, sanitised(flash))
                   .when(new RefurbishDevice(DEVICE, "battery replaced", "Linux Mint 22", "Sam", T))
                   .expectEvents(REFURBISHED);
        }

        @Test
        void aMediumErasedThenTakenOutRemainsEvidence() {
            var onlyTheDisk = new DeviceReceived(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                    "Latitude 5490", "5CG1234", List.of(DISK), null, T);
            fixture.given(onlyTheDisk, destroyed(DISK), new StorageMediumRemoved(DEVICE, DISK.mediumId(), "shredded", T))
                   .when(new RefurbishDevice(DEVICE, "battery replaced", "Linux Mint 22", "Sam", T))
                   .expectEvents(REFURBISHED);
        }
    }

    /** Whatever else is wrong with a step, a refusal caused by missing erasure names erasure. */
    @Nested
    class ErasureIsNamedFirst {

        @Test
        void aHandOverBeforeErasureNamesErasureRatherThanTheDevicesStage() {
            expectRuleBroken(DeviceRule.ERASURE_BEFORE_RELEASE,
                    fixture.given(RECEIVED).when(new HandOverDevice(DEVICE, null, true, null, T)));
        }

        @Test
        void anAllocationBeforeErasureNamesErasureRatherThanTheDevicesStage() {
            expectRuleBroken(DeviceRule.ERASURE_BEFORE_RELEASE,
                    fixture.given(RECEIVED).when(new AllocateDevice(DEVICE, REFERRAL, null, T)));
        }

        @Test
        void aPassedQualityCheckBeforeErasureNamesErasureRatherThanRefurbishment() {
            expectRuleBroken(DeviceRule.READY_AFTER_ERASURE,
                    fixture.given(RECEIVED).when(new RecordQualityCheck(DEVICE, true, QualityGrade.A, null, "Lou", T)));
        }

        @Test
        void aFailedQualityCheckReleasesNothingSoItStillNamesRefurbishment() {
            expectRuleBroken(DeviceRule.QUALITY_CHECK_AFTER_REFURBISHMENT,
                    fixture.given(RECEIVED).when(new RecordQualityCheck(DEVICE, false, null, "dead pixels", "Lou", T)));
        }

        @Test
        void withoutErasureEvidenceAHandOverNamesTheEvidenceRatherThanTheDevicesStage() {
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA).when(new HandOverDevice(DEVICE, null, true, null, T)));
            expectRuleBroken(DeviceRule.ERASURE_EVIDENCE_ON_RECORD,
                    fixture.given(RECEIVED_WITHOUT_MEDIA).when(new AllocateDevice(DEVICE, REFERRAL, null, T)));
        }
    }

    /**
     * Steps are recorded after the fact and not always in the order they were done, but none is done before the
     * step it follows. Every step below is dated an hour before the one it follows, then at its very moment.
     */
    @Nested
    class StepsInOrderOfTime {

        private static final Instant HOUR_BEFORE = T.minusSeconds(3600);
        private static final Instant LATER = T.plusSeconds(3600);

        private SanitiseStorageMedium sanitiseAt(StorageMedium medium, Instant at) {
            SanitiseStorageMedium on = sanitise(medium, true);
            return new SanitiseStorageMedium(DEVICE, medium.mediumId(), on.level(), on.technique(), on.tool(),
                    on.toolVersion(), on.verificationMethod(), true, null, on.operator(), on.location(), at,
                    on.toolReportSha256());
        }

        private StorageMediumSanitised sanitisedAt(StorageMedium medium, Instant at) {
            SanitisationRecord on = record(medium);
            return new StorageMediumSanitised(DEVICE, new SanitisationRecord(medium, on.level(), on.technique(),
                    on.tool(), on.toolVersion(), on.verificationMethod(), on.operator(), on.location(), at,
                    on.toolReportSha256()));
        }

        @Test
        void mediaWorkIsNotDatedBeforeTheReception() {
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME,
                    fixture.given(RECEIVED).when(sanitiseAt(DISK, HOUR_BEFORE)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(RECEIVED)
                    .when(new DestroyStorageMedium(DEVICE, DISK.mediumId(), DestructionMethod.SHRED, "Camille",
                            "Broyeur", null, HOUR_BEFORE)));
            StorageMedium extra = new StorageMedium(UUID.randomUUID(), MediaType.SATA_SSD, "Crucial", "MX500",
                    "X1", 500);
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME,
                    fixture.given(RECEIVED).when(new AddStorageMedium(DEVICE, extra, "found", HOUR_BEFORE)));
            fixture.given(RECEIVED).when(sanitiseAt(DISK, T)).expectSuccessfulHandlerExecution();
        }

        @Test
        void twoMediaMayBeRecordedInAnotherOrderThanTheyWereErased() {
            fixture.given(RECEIVED, sanitisedAt(SSD, LATER))
                   .when(sanitiseAt(DISK, T))
                   .expectEvents(sanitisedAt(DISK, T));
        }

        @Test
        void aMediumIsErasedAgainOrRemovedOnlyAfterItsLastErasure() {
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(RECEIVED,
                    new StorageMediumSanitisationFailed(DEVICE, record(DISK), "3 sectors unreadable"))
                    .when(sanitiseAt(DISK, HOUR_BEFORE)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(RECEIVED, sanitisedAt(SSD, LATER))
                    .when(new RemoveStorageMedium(DEVICE, SSD.mediumId(), "faulty", T)));
        }

        @Test
        void refurbishmentFollowsEveryErasure() {
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(RECEIVED, sanitised(DISK),
                    sanitisedAt(SSD, LATER)).when(new RefurbishDevice(DEVICE, "cleaned", "Linux Mint 22", "Sam", T)));
            fixture.given(RECEIVED, sanitised(DISK), sanitisedAt(SSD, LATER))
                   .when(new RefurbishDevice(DEVICE, "cleaned", "Linux Mint 22", "Sam", LATER))
                   .expectEvents(new DeviceRefurbished(DEVICE, "cleaned", "Linux Mint 22", "Sam", LATER));
        }

        @Test
        void eachStageIsDatedFromTheStepBeforeIt() {
            Object[] refurbishedLater = {RECEIVED, sanitised(DISK), sanitised(SSD),
                    new DeviceRefurbished(DEVICE, "cleaned", "Linux Mint 22", "Sam", LATER)};
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(refurbishedLater)
                    .when(new RecordQualityCheck(DEVICE, true, QualityGrade.A, null, "Lou", T)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(refurbishedLater)
                    .when(new RecordQualityCheck(DEVICE, false, null, "dead pixels", "Lou", T)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(readyDevice())
                    .when(new AllocateDevice(DEVICE, REFERRAL, null, HOUR_BEFORE)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(readyDevice()).andGiven(ALLOCATED)
                    .when(new HandOverDevice(DEVICE, REFERRAL, true, null, HOUR_BEFORE)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(readyDevice()).andGiven(ALLOCATED)
                    .when(new CancelAllocation(DEVICE, "moved away", HOUR_BEFORE)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(readyDevice()).andGiven(ALLOCATED,
                    HANDED_OVER).when(new ReturnDevice(DEVICE, "too slow", HOUR_BEFORE)));
            expectRuleBroken(DeviceRule.STEPS_IN_ORDER_OF_TIME, fixture.given(RECEIVED, sanitised(DISK),
                    sanitisedAt(SSD, LATER)).when(new RecycleDevice(DEVICE, "Envie", "REC-1", T)));
            fixture.given(readyDevice()).andGiven(ALLOCATED)
                   .when(new HandOverDevice(DEVICE, REFERRAL, true, null, T))
                   .expectEvents(HANDED_OVER);
        }

        @Test
        void aReturnedDevicesMediaAreErasedAfterItsReturn() {
            Instant returned = T.plusSeconds(86_400);
            fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER,
                           new DeviceReturned(DEVICE, REFERRAL, "too slow", returned))
                   .when(sanitiseAt(DISK, LATER))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("the step is dated " + LATER + ", before the step it follows, done at "
                           + returned);
        }
    }

    @Nested
    class Correction {

        @Test
        void correctsDetailsAtAnyStageWithoutEditingHistory() {
            fixture.given(readyDevice()).andGiven(ALLOCATED, HANDED_OVER)
                   .when(new CorrectDeviceDetails(DEVICE, null, null, "Latitude 5480", null, null, null,
                           "model misread at reception"))
                   .expectEvents(new DeviceDetailsCorrected(DEVICE, null, null, "Latitude 5480", null, null, null,
                           "model misread at reception"));
        }

        /** Found by an outside probe: a correction stating the recorded values was kept, a step in the history. */
        @Test
        void refusesACorrectionThatChangesNothing() {
            expectRuleBroken(DeviceRule.CORRECTION_CHANGES_SOMETHING,
                    fixture.given(RECEIVED)
                           .when(new CorrectDeviceDetails(DEVICE, DeviceCategory.LAPTOP, "Dell", "Latitude 5490",
                                   "5CG1234", "LIV-2026-03", "scratched lid", "typed again")));
            expectRuleBroken(DeviceRule.CORRECTION_CHANGES_SOMETHING,
                    fixture.given(RECEIVED, new DeviceDetailsCorrected(DEVICE, null, null, "Latitude 5480", null, null,
                                   null, "model misread"))
                           .when(new CorrectDeviceDetails(DEVICE, null, null, "Latitude 5480", null, null, null,
                                   "sent twice")));
            // notes recorded with CR LF, stated again with LF (or the other way): the same notes
            expectRuleBroken(DeviceRule.CORRECTION_CHANGES_SOMETHING,
                    fixture.given(new DeviceReceived(DEVICE, TAG, DONOR, "LIV-2026-03", DeviceCategory.LAPTOP, "Dell",
                                   "Latitude 5490", "5CG1234", List.of(DISK, SSD), "scratched lid\r\ndented", T))
                           .when(new CorrectDeviceDetails(DEVICE, null, null, null, null, null,
                                   "scratched lid\ndented", "typed again")));
            // a page's form states every detail: only those that change are recorded as corrected
            fixture.given(RECEIVED)
                   .when(new CorrectDeviceDetails(DEVICE, DeviceCategory.LAPTOP, "Dell", "Latitude 5490", "5CG1234",
                           "LIV-2026-03", "dented lid", "notes"))
                   .expectEvents(new DeviceDetailsCorrected(DEVICE, null, null, null, null, null, "dented lid",
                           "notes"));
            // a detail recorded as none and left uncorrected stays none
            fixture.given(RECEIVED_WITHOUT_MEDIA, new DeviceDetailsCorrected(DEVICE, null, null, "iPad 7", null, null,
                           null, "model misread"))
                   .when(new CorrectDeviceDetails(DEVICE, null, null, null, null, null, "cracked screen", "notes"))
                   .expectSuccessfulHandlerExecution();
        }

        /** Found by an outside probe: corrected to a tablet, it was handed over to a household needing a laptop. */
        @Test
        void keepsTheCategoryOfAnAllocatedDevice() {
            expectRuleBroken(DeviceRule.CATEGORY_KEPT_WHILE_ALLOCATED,
                    fixture.given(readyDevice()).andGiven(ALLOCATED)
                           .when(new CorrectDeviceDetails(DEVICE, DeviceCategory.TABLET, null, null, null, null, null,
                                   "it is a tablet")));
            fixture.given(readyDevice()).andGiven(ALLOCATED)
                   .when(new CorrectDeviceDetails(DEVICE, DeviceCategory.LAPTOP, null, "Latitude 5480", null, null,
                           null, "model misread"))
                   .expectSuccessfulHandlerExecution();
        }

        /** A delivery imported from a file is reconciled as the file: its devices stay, no other joins it. */
        @Test
        void movesNoDeviceIntoOrOutOfADeliveryImportedFromAFile() {
            when(deliveries.cameInAFile(DEVICE)).thenReturn(true);
            expectRuleBroken(DeviceRule.DELIVERY_FILE_IS_WHOLE,
                    fixture.given(RECEIVED)
                           .when(new CorrectDeviceDetails(DEVICE, null, null, null, null, "LIV-2026-09", null,
                                   "typed in the wrong delivery")));
            fixture.given(RECEIVED)
                   .when(new CorrectDeviceDetails(DEVICE, null, null, "Latitude 5480", null, "LIV-2026-03", null,
                           "model misread, delivery as it was"))
                   .expectSuccessfulHandlerExecution();

            when(deliveries.cameInAFile(DEVICE)).thenReturn(false);
            when(deliveries.isImported(DONOR, "LIV-2026-09")).thenReturn(true);
            expectRuleBroken(DeviceRule.DELIVERY_FILE_IS_WHOLE,
                    fixture.given(RECEIVED)
                           .when(new CorrectDeviceDetails(DEVICE, null, null, null, null, "LIV-2026-09", null,
                                   "joins the file")));
            fixture.given(RECEIVED)
                   .when(new CorrectDeviceDetails(DEVICE, null, null, null, null, "LIV-2026-10", null,
                           "typed in the wrong delivery"))
                   .expectSuccessfulHandlerExecution();
        }
    }
}
