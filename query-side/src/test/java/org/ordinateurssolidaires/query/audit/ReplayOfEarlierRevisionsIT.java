package org.ordinateurssolidaires.query.audit;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.query.audit.AuditReport.TamperingKind;
import org.ordinateurssolidaires.testing.RenamedFieldRevision;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ordinateurssolidaires.events.device.DeviceCategory.LAPTOP;
import static org.ordinateurssolidaires.query.SampleDevices.allocated;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.handedOver;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.ready;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;

/**
 * The auditor's replay reads an event stored in an earlier revision as the apps do, through the upcasters: a
 * reception stored with its asset tag under another name (a revision no release wrote, with its upcaster given to
 * the replay) is checked like any other, and its device named by that tag.
 */
class ReplayOfEarlierRevisionsIT {

    private static final RenamedFieldRevision TAG_NAMED_OTHERWISE = new RenamedFieldRevision(DeviceReceived.class,
            "1", "tag", "assetTag");

    @Test
    void aReceptionStoredInAnEarlierRevisionIsCheckedAsTheAppsReadIt() {
        var store = new AuditedStore("ordinateurs_replay_revisions_it");
        DeviceId device = newDevice();
        StorageMedium neverErased = disk("WD-REV");
        store.events.append(received(device, "REV-0", new DonorId(UUID.randomUUID()), LAPTOP, neverErased),
                refurbished(device), ready(device), allocated(device, new ReferralId(UUID.randomUUID())),
                handedOver(device, new ReferralId(UUID.randomUUID())));
        long reception = store.positionOf(device, 0);
        store.jdbc.update("update domainEventEntry set payloadRevision = ?, payload = ? where globalIndex = ?",
                RenamedFieldRevision.REVISION, TAG_NAMED_OTHERWISE.asStored((byte[]) store.row(reception)
                                                                                         .get("payload")), reception);
        store.linkNewEvents(); // as stored: this revision is the history, not an alteration of it

        AuditReport read = store.audit(null, new EventUpcasterChain(EventSerialization.upcasters(),
                TAG_NAMED_OTHERWISE));
        assertThat(read.tampering()).isEmpty();
        assertThat(read.violations())
                .extracting(AuditReport.Violation::assetTag, AuditReport.Violation::rule)
                .containsExactly(tuple("REV-0", AuditRule.ERASURE_BEFORE_RELEASE),
                        tuple("REV-0", AuditRule.ERASURE_BEFORE_RELEASE));

        AuditReport withoutItsUpcaster = store.audit(null, EventSerialization.upcasters());
        assertThat(withoutItsUpcaster.tampering())
                .extracting(AuditReport.Tampering::kind, AuditReport.Tampering::globalIndex)
                .containsExactly(tuple(TamperingKind.EVENT_UNREADABLE, reception));
    }
}
