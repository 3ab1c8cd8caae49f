package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ordinateurssolidaires.events.device.DeviceCategory.LAPTOP;
import static org.ordinateurssolidaires.events.device.DeviceCategory.TABLET;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.SANITISED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.allocated;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.handedOver;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.ready;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;
import static org.ordinateurssolidaires.query.SampleDevices.storageRemovalStated;

/**
 * Histories the Device aggregate would have refused, written straight into the store (as an old release, a bug or
 * an intruder could): the replay names each broken rule, the device and the position of the event that broke it,
 * and a device with a clean life yields nothing. Also run as the auditor's command line, with read-only
 * credentials.
 */
class ErasureRulesReplayIT {

    private static final String REPORT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static AuditedStore store;
    private static final DonorId DONOR = new DonorId(UUID.randomUUID());
    private static final ReferralId HOUSEHOLD = new ReferralId(UUID.randomUUID());
    private static final DeviceId FLASH_OVERWRITTEN = newDevice();
    private static final DeviceId INCOMPLETE_RECORD = newDevice();
    private static final DeviceId RETURNED = newDevice();
    private static final DeviceId ADDED_MEDIUM = newDevice();
    private static final DeviceId CLEAN = newDevice();
    private static final DeviceId NO_EVIDENCE = newDevice();
    private static final DeviceId STORAGE_REMOVED_BY_THE_DONOR = newDevice();
    private static final DeviceId RETURNED_WITHOUT_STORAGE_ON_RECORD = newDevice();

    @BeforeAll
    static void historiesTheAggregateWouldHaveRefused() {
        store = new AuditedStore("ordinateurs_erasure_rules_it");
        StorageMedium ssd = new StorageMedium(UUID.randomUUID(), MediaType.NVME_SSD, "Samsung", "PM981", "S4DX01", 256);
        store.events.append(received(FLASH_OVERWRITTEN, "RULES-1", DONOR, LAPTOP, ssd),
                new StorageMediumSanitised(FLASH_OVERWRITTEN, record(ssd, SanitisationLevel.CLEAR,
                        SanitisationTechnique.OVERWRITE, "Camille", REPORT)),
                allocated(FLASH_OVERWRITTEN, HOUSEHOLD), handedOver(FLASH_OVERWRITTEN, HOUSEHOLD),
                refurbished(FLASH_OVERWRITTEN),
                // a correction of the record, which the aggregate accepts at any stage, breaks no rule
                new DeviceDetailsCorrected(FLASH_OVERWRITTEN, null, null, null, null, null, "dent", "noticed late"));

        StorageMedium unrecorded = disk("WD-INCOMPLETE");
        store.events.append(received(INCOMPLETE_RECORD, "RULES-2", DONOR, LAPTOP, unrecorded),
                new StorageMediumSanitised(INCOMPLETE_RECORD, record(unrecorded, SanitisationLevel.PURGE,
                        SanitisationTechnique.OVERWRITE, " ", "not a digest")),
                new StorageMediumRemoved(INCOMPLETE_RECORD, unrecorded.mediumId(), "faulty", LATER));

        StorageMedium returnedDisk = disk("WD-RETURNED");
        store.events.append(received(RETURNED, "RULES-3", DONOR, LAPTOP, returnedDisk),
                sanitised(RETURNED, returnedDisk), refurbished(RETURNED), ready(RETURNED), allocated(RETURNED, HOUSEHOLD),
                handedOver(RETURNED, HOUSEHOLD), new DeviceReturned(RETURNED, HOUSEHOLD, "too slow", LATER),
                allocated(RETURNED, new ReferralId(UUID.randomUUID())));

        StorageMedium original = disk("WD-ORIGINAL");
        StorageMedium fittedLater = disk("WD-FITTED");
        store.events.append(received(ADDED_MEDIUM, "RULES-4", DONOR, LAPTOP, original), sanitised(ADDED_MEDIUM, original),
                new StorageMediumAdded(ADDED_MEDIUM, fittedLater, "bigger disk", LATER),
                new DeviceRecycled(ADDED_MEDIUM, "Envie 86", "REC-7", LATER));

        StorageMedium cleanDisk = disk("WD-CLEAN");
        store.events.append(received(CLEAN, "RULES-5", DONOR, LAPTOP, cleanDisk),
                new StorageMediumSanitised(CLEAN, record(cleanDisk, SanitisationLevel.CLEAR,
                        SanitisationTechnique.OVERWRITE, "Camille", REPORT)),
                refurbished(CLEAN), ready(CLEAN), allocated(CLEAN, HOUSEHOLD), handedOver(CLEAN, HOUSEHOLD));

        // as releases before the evidence rule recorded a tablet received with an empty media list
        store.events.append(received(NO_EVIDENCE, "RULES-6", DONOR, TABLET), refurbished(NO_EVIDENCE),
                ready(NO_EVIDENCE), allocated(NO_EVIDENCE, HOUSEHOLD), handedOver(NO_EVIDENCE, HOUSEHOLD));
        store.events.append(received(STORAGE_REMOVED_BY_THE_DONOR, "RULES-7", DONOR, LAPTOP),
                storageRemovalStated(STORAGE_REMOVED_BY_THE_DONOR),
                refurbished(STORAGE_REMOVED_BY_THE_DONOR), ready(STORAGE_REMOVED_BY_THE_DONOR),
                allocated(STORAGE_REMOVED_BY_THE_DONOR, HOUSEHOLD), handedOver(STORAGE_REMOVED_BY_THE_DONOR, HOUSEHOLD));
        // the donor's statement covers the gift, not what a household fitted before giving the device back
        ReferralId nextHousehold = new ReferralId(UUID.randomUUID());
        store.events.append(received(RETURNED_WITHOUT_STORAGE_ON_RECORD, "RULES-8", DONOR, LAPTOP),
                storageRemovalStated(RETURNED_WITHOUT_STORAGE_ON_RECORD), refurbished(RETURNED_WITHOUT_STORAGE_ON_RECORD),
                ready(RETURNED_WITHOUT_STORAGE_ON_RECORD), allocated(RETURNED_WITHOUT_STORAGE_ON_RECORD, HOUSEHOLD),
                handedOver(RETURNED_WITHOUT_STORAGE_ON_RECORD, HOUSEHOLD),
                new DeviceReturned(RETURNED_WITHOUT_STORAGE_ON_RECORD, HOUSEHOLD, "not needed", LATER),
                refurbished(RETURNED_WITHOUT_STORAGE_ON_RECORD), ready(RETURNED_WITHOUT_STORAGE_ON_RECORD),
                allocated(RETURNED_WITHOUT_STORAGE_ON_RECORD, nextHousehold),
                handedOver(RETURNED_WITHOUT_STORAGE_ON_RECORD, nextHousehold));
        store.linkNewEvents();
    }

    @Test
    void namesEachBrokenRuleWithItsDeviceAndPosition() {
        AuditReport report = store.audit();

        assertThat(report.tampering()).isEmpty();
        assertThat(report.devicesChecked()).isEqualTo(8);
        assertThat(report.violations())
                .extracting(AuditReport.Violation::deviceId, AuditReport.Violation::rule,
                        AuditReport.Violation::globalIndex, AuditReport.Violation::assetTag)
                .containsExactly(
                        tuple(id(FLASH_OVERWRITTEN), AuditRule.ERASURE_POLICY, at(FLASH_OVERWRITTEN, 1), "RULES-1"),
                        tuple(id(FLASH_OVERWRITTEN), AuditRule.ERASURE_BEFORE_RELEASE, at(FLASH_OVERWRITTEN, 2), "RULES-1"),
                        tuple(id(FLASH_OVERWRITTEN), AuditRule.ERASURE_BEFORE_RELEASE, at(FLASH_OVERWRITTEN, 3), "RULES-1"),
                        tuple(id(FLASH_OVERWRITTEN), AuditRule.NOTHING_AFTER_RELEASE, at(FLASH_OVERWRITTEN, 4), "RULES-1"),
                        tuple(id(INCOMPLETE_RECORD), AuditRule.SANITISATION_RECORD_COMPLETE, at(INCOMPLETE_RECORD, 1),
                                "RULES-2"),
                        tuple(id(INCOMPLETE_RECORD), AuditRule.ERASURE_BEFORE_REMOVAL, at(INCOMPLETE_RECORD, 2),
                                "RULES-2"),
                        tuple(id(RETURNED), AuditRule.ERASURE_BEFORE_RELEASE, at(RETURNED, 7), "RULES-3"),
                        tuple(id(ADDED_MEDIUM), AuditRule.ERASURE_BEFORE_RELEASE, at(ADDED_MEDIUM, 3), "RULES-4"),
                        tuple(id(NO_EVIDENCE), AuditRule.ERASURE_EVIDENCE_ON_RECORD, at(NO_EVIDENCE, 4), "RULES-6"),
                        tuple(id(RETURNED_WITHOUT_STORAGE_ON_RECORD), AuditRule.ERASURE_EVIDENCE_ON_RECORD,
                                at(RETURNED_WITHOUT_STORAGE_ON_RECORD, 10), "RULES-8"));
        assertThat(report.violations().get(1).detail()).contains("NVME_SSD S4DX01");
        assertThat(report.violations().get(7).detail()).contains("WD-FITTED").doesNotContain("WD-ORIGINAL");
        assertThat(report.violations().get(8).detail()).contains("handed over", "no donor's statement");
    }

    @Test
    void aStricterPolicyIsTheAuditorsToSet() {
        String hardDisksPurgedOnly = "HARD_DISK_DRIVE=PURGE/*/*";
        var out = new ByteArrayOutputStream();

        int exit = AuditCommand.run(new String[]{"--url", store.url(), "--user", store.auditor(),
                "--policy", hardDisksPurgedOnly}, "", new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isEqualTo(AuditCommand.RULES_BROKEN);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("VIOLATION ERASURE_POLICY at position " + at(CLEAN, 1) + ": device " + id(CLEAN));
    }

    @Test
    void theCommandLineExitsNonZeroOnViolationsAndRefusesAWrongCommandLine() {
        var out = new ByteArrayOutputStream();

        int exit = AuditCommand.run(new String[]{"--url", store.url(), "--user", store.auditor()}, "",
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        int wrong = AuditCommand.run(new String[]{"--published", "12:not-a-hash"}, "", System.out, System.err);

        assertThat(exit).isEqualTo(AuditCommand.RULES_BROKEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("NOT CLEAN: 49 events and 8 devices checked")
                .contains("VIOLATION ERASURE_BEFORE_REMOVAL at position " + at(INCOMPLETE_RECORD, 2));
        assertThat(wrong).isEqualTo(AuditCommand.USAGE);
    }

    private static SanitisationRecord record(StorageMedium medium, SanitisationLevel level,
                                             SanitisationTechnique technique, String operator, String digest) {
        return new SanitisationRecord(medium, level, technique, "nwipe", "0.37", VerificationMethod.FULL, operator,
                "Atelier Poitiers", SANITISED_AT, digest);
    }

    private static String id(DeviceId device) {
        return device.toString();
    }

    private static long at(DeviceId device, long sequence) {
        return store.positionOf(device, sequence);
    }
}
