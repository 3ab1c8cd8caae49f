package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.query.audit.AuditReport.Tampering;
import org.ordinateurssolidaires.query.audit.AuditReport.TamperingKind;
import org.ordinateurssolidaires.testing.AdjustableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.allocated;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.handedOver;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.ready;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * Histories at the edges: a destroyed medium stays destroyed through a return, a recycled device stays gone (and
 * one recycled with an empty media list, as older releases allowed, left without erasure evidence),
 * records naming a medium the device does not have (or with another type) are reported, a payload that reads but
 * lacks its content is reported rather than stopping the replay, and the recorder waits for a hole in the global
 * index to settle before it links past it.
 */
class ReplayEdgeCasesIT {

    private static final DonorId DONOR = new DonorId(UUID.randomUUID());
    private static final DeviceId CAME_BACK = newDevice();
    private static final DeviceId RECYCLED = newDevice();
    private static final DeviceId MALFORMED = newDevice();
    private static final DeviceId MISNAMED = newDevice();
    private static final AdjustableClock CLOCK = new AdjustableClock(Instant.now());
    private static AuditedStore store;
    private static long lastBeforeTheHole;
    private static long headBeforeTheHoleSettled;
    private static long afterTheHole;

    @BeforeAll
    static void historiesAtTheEdges() {
        store = new AuditedStore("ordinateurs_replay_edges_it", CLOCK);
        StorageMedium shredded = disk("WD-SHREDDED");
        var household = new ReferralId(UUID.randomUUID());
        store.events.append(received(CAME_BACK, "EDGE-1", DONOR, DeviceCategory.LAPTOP, shredded),
                new StorageMediumDestroyed(CAME_BACK, shredded, DestructionMethod.SHRED, "Sam", "Broyeur", null, LATER),
                refurbished(CAME_BACK), ready(CAME_BACK), allocated(CAME_BACK, household), handedOver(CAME_BACK, household),
                new DeviceReturned(CAME_BACK, household, "too heavy", LATER), ready(CAME_BACK),
                allocated(CAME_BACK, new ReferralId(UUID.randomUUID())));
        store.events.append(received(RECYCLED, "EDGE-2", DONOR, DeviceCategory.LAPTOP),
                new DeviceRecycled(RECYCLED, "Envie 86", "REC-9", LATER),
                new DeviceDetailsCorrected(RECYCLED, null, null, null, "SN-RIGHT", null, null, "serial mistyped"),
                new DeviceReturned(RECYCLED, household, "found in the van", LATER));
        StorageMedium declared = disk("WD-DECLARED");
        store.events.append(received(MISNAMED, "EDGE-4", DONOR, DeviceCategory.LAPTOP, declared),
                sanitised(MISNAMED, disk("WD-NEVER-DECLARED")),
                sanitised(MISNAMED, new StorageMedium(declared.mediumId(), MediaType.NVME_SSD, "Seagate", "ST500",
                        "WD-DECLARED", 500)));
        store.events.append(received(MALFORMED, "EDGE-3", DONOR, DeviceCategory.LAPTOP, disk("WD-MALFORMED")));
        lastBeforeTheHole = store.jdbc.queryForObject("select max(globalIndex) from domainEventEntry", Long.class);
        afterTheHole = lastBeforeTheHole + 2; // as a transaction that rolled back leaves it
        store.jdbc.update("insert into domainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                        + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                        + " values (?, ?, 1, 'Device', ?, ?, ?, '1', ?, ?)", afterTheHole, MALFORMED.toString(),
                UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), StorageMediumSanitised.class.getName(), Instant.now().toString());

        store.linkNewEvents();
        headBeforeTheHoleSettled = store.audit().chainHead().globalIndex();
        CLOCK.advance(Duration.ofSeconds(61));
        store.linkNewEvents();
    }

    @Test
    void theRecorderPassesAHoleOnlyOnceItHasSettled() {
        assertThat(headBeforeTheHoleSettled).isEqualTo(lastBeforeTheHole);
        assertThat(store.audit().chainHead().globalIndex()).isEqualTo(afterTheHole);
    }

    @Test
    void namesWhatWentWrongAndNothingElse() {
        AuditReport report = store.audit();

        assertThat(report.violations())
                .as("a destroyed medium needs no erasure after a return; a device recycled with an empty media list "
                        + "left without evidence, and stays gone")
                .extracting(AuditReport.Violation::deviceId, AuditReport.Violation::rule,
                        AuditReport.Violation::globalIndex)
                .containsExactly(tuple(RECYCLED.toString(), AuditRule.ERASURE_EVIDENCE_ON_RECORD,
                                store.positionOf(RECYCLED, 1)),
                        tuple(RECYCLED.toString(), AuditRule.NOTHING_AFTER_RELEASE, store.positionOf(RECYCLED, 3)),
                        tuple(MISNAMED.toString(), AuditRule.RECORD_OF_A_KNOWN_MEDIUM, store.positionOf(MISNAMED, 1)),
                        tuple(MISNAMED.toString(), AuditRule.RECORD_OF_A_KNOWN_MEDIUM, store.positionOf(MISNAMED, 2)));
        assertThat(report.violations().get(2).detail()).contains("WD-NEVER-DECLARED", "does not have");
        assertThat(report.violations().get(3).detail()).contains("WD-DECLARED", "a NVME_SSD");
        assertThat(report.tampering()).extracting(Tampering::kind, Tampering::globalIndex)
                .containsExactly(tuple(TamperingKind.EVENT_UNREADABLE, afterTheHole));
        assertThat(report.eventsChecked()).isEqualTo(18);
        assertThat(report.eventsNotYetLinked()).isZero();
    }

}
