package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.query.audit.AuditReport.Tampering;
import org.ordinateurssolidaires.query.audit.AuditReport.TamperingKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * Someone with write access to the database alters the stored history with SQL; the auditor's replay, recomputing
 * the chain from the store, names the exact event each time. Every alteration is undone before the next.
 */
class TamperEvidentHistoryIT {

    private static AuditedStore store;
    private static final List<DeviceId> DEVICES = new ArrayList<>();
    private final List<Map<String, Object>> altered = new ArrayList<>();
    private boolean chainRewritten;

    /** Three devices given away after a clean life, every event linked. */
    @BeforeAll
    static void threeDevicesGivenAway() {
        store = new AuditedStore("ordinateurs_tamper_evident_it");
        var donor = new DonorId(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            DeviceId device = newDevice();
            StorageMedium medium = disk("WD-" + i);
            store.events.append(received(device, "TAMPER-" + i, donor, LAPTOP, medium), sanitised(device, medium),
                    refurbished(device), ready(device), allocated(device, new ReferralId(UUID.randomUUID())),
                    handedOver(device, new ReferralId(UUID.randomUUID())));
            DEVICES.add(device);
        }
        store.linkNewEvents();
    }

    @AfterEach
    void undo() {
        altered.forEach(store::restore);
        if (chainRewritten) {
            relinkEverything();
        }
        assertThat(store.audit().clean()).as("every alteration undone").isTrue();
    }

    @Test
    void theUntouchedStoreVerifiesClean() {
        AuditReport report = store.audit();

        assertThat(report.clean()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(18);
        assertThat(report.devicesChecked()).isEqualTo(3);
        assertThat(report.chainHead().globalIndex()).isEqualTo(store.positionOf(DEVICES.get(2), 5));
        assertThat(report.chainHead().events()).isEqualTo(18);
        assertThat(report.eventsNotYetLinked()).isZero();
    }

    @Test
    void oneChangedByteOfOnePayloadIsNamed() {
        long position = store.positionOf(DEVICES.get(1), 1); // the sanitisation
        Map<String, Object> row = alter(position);
        byte[] payload = (byte[]) row.get("payload");
        int operator = new String(payload, StandardCharsets.UTF_8).indexOf("Camille") + 1; // SQL counts from 1
        store.jdbc.update("update domainEventEntry set payload = overlay(payload placing '\\x42'::bytea from ? for 1)"
                + " where globalIndex = ?", operator, position);

        assertThat(store.audit().tampering()).containsExactly(found(TamperingKind.LINK_MISMATCH, row));
    }

    @Test
    void aPayloadOverwrittenWithWhatIsNoEventIsNamedTwiceAltered() {
        long position = store.positionOf(DEVICES.get(2), 2); // the refurbishment
        Map<String, Object> row = alter(position);
        store.jdbc.update("update domainEventEntry set payload = convert_to('not an event', 'UTF8')"
                + " where globalIndex = ?", position);

        assertThat(store.audit().tampering()).as("its bytes are not those linked, and they read as no event")
                .containsExactly(found(TamperingKind.LINK_MISMATCH, row), found(TamperingKind.EVENT_UNREADABLE, row));
    }

    @Test
    void aDeletedEventIsNamed() {
        long position = store.positionOf(DEVICES.get(0), 4); // the allocation
        Map<String, Object> row = alter(position);
        store.jdbc.update("delete from domainEventEntry where globalIndex = ?", position);

        AuditReport report = store.audit();

        assertThat(report.tampering()).containsExactly(found(TamperingKind.EVENT_MISSING, row));
        assertThat(report.violations()).as("the rules see a device handed over without an allocation, which they allow")
                                       .isEmpty();
    }

    @Test
    void twoSwappedPayloadsAreBothNamedTheEarlierFirst() {
        long earlier = store.positionOf(DEVICES.get(0), 2);
        long later = store.positionOf(DEVICES.get(2), 2); // two refurbishments, alike but for their device
        Map<String, Object> first = alter(earlier);
        Map<String, Object> second = alter(later);
        store.jdbc.update("update domainEventEntry set payload = ? where globalIndex = ?", second.get("payload"), earlier);
        store.jdbc.update("update domainEventEntry set payload = ? where globalIndex = ?", first.get("payload"), later);

        assertThat(store.audit().tampering()).containsExactly(found(TamperingKind.LINK_MISMATCH, first),
                found(TamperingKind.LINK_MISMATCH, second));
    }

    @Test
    void oneChangedMetadataValueIsNamed() {
        long position = store.positionOf(DEVICES.get(2), 0);
        Map<String, Object> row = alter(position);
        store.jdbc.update("update domainEventEntry set metaData = convert_to(replace(convert_from(metaData, 'UTF8'),"
                + " 'test-staff', 'someone-else'), 'UTF8') where globalIndex = ?", position);

        assertThat(store.audit().tampering()).containsExactly(found(TamperingKind.LINK_MISMATCH, row));
    }

    @Test
    void aChangedAggregateTypeIsNamed() {
        long position = store.positionOf(DEVICES.get(1), 3);
        Map<String, Object> row = alter(position);
        store.jdbc.update("update domainEventEntry set type = 'Donor' where globalIndex = ?", position);

        assertThat(store.audit().tampering()).containsExactly(found(TamperingKind.LINK_MISMATCH, row));
    }

    @Test
    void aLinkRemovedFromTheChainLeavesItsEventUnlinkedAndTheHeadAtOdds() {
        long position = store.positionOf(DEVICES.get(1), 2);
        chainRewritten = true;
        store.jdbc.update("delete from history_chain_link where global_index = ?", position);

        AuditReport report = store.audit();

        assertThat(report.tampering()).extracting(Tampering::kind, Tampering::globalIndex).containsExactly(
                tuple(TamperingKind.EVENT_UNLINKED, position),
                tuple(TamperingKind.HEAD_MISMATCH, report.chainHead().globalIndex()));
    }

    @Test
    void aCorruptLinkIsAMismatchNotAnAbortedAudit() {
        long position = store.positionOf(DEVICES.get(0), 3);
        chainRewritten = true;
        store.jdbc.update("update history_chain_link set link = ? where global_index = ?", "not a link".repeat(6)
                + "....", position);

        assertThat(store.audit().tampering()).extracting(Tampering::kind, Tampering::globalIndex)
                .containsExactly(tuple(TamperingKind.LINK_MISMATCH, position));
    }

    @Test
    void aDeletedHeadLeavesNoHistoryToVouchFor() {
        chainRewritten = true;
        store.jdbc.update("delete from history_chain_head");

        AuditReport report = store.audit();

        assertThat(report.clean()).isFalse();
        assertThat(report.tampering()).extracting(Tampering::kind).containsExactly(TamperingKind.HEAD_MISMATCH);
    }

    /**
     * A thorough intruder alters an event and rebuilds the whole chain after it: every link matches its event
     * again, but a link published before no longer matches the chain recomputed from the store.
     */
    @Test
    void aLinkPublishedEarlierCatchesAHistoryRewrittenWithItsChain() {
        long published = store.positionOf(DEVICES.get(1), 5);
        String link = store.jdbc.queryForObject("select link from history_chain_link where global_index = ?",
                String.class, published);
        HistoryAudit.PublishedLink receipt = new HistoryAudit.PublishedLink(published, link);
        assertThat(store.audit(receipt).publishedLink().matches()).isTrue();

        long position = store.positionOf(DEVICES.get(0), 1);
        alter(position);
        store.jdbc.update("update domainEventEntry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " 'Camille', 'Nobody'), 'UTF8') where globalIndex = ?", position);
        relinkEverything();
        chainRewritten = true;
        AuditReport report = store.audit(receipt);

        assertThat(report.tampering()).isEmpty();
        assertThat(report.publishedLink().matches()).isFalse();
        assertThat(report.clean()).isFalse();
    }

    private Map<String, Object> alter(long position) {
        Map<String, Object> row = store.row(position);
        altered.add(row);
        return row;
    }

    private static Tampering found(TamperingKind kind, Map<String, Object> row) {
        return new Tampering(kind, (Long) row.get("globalindex"), (String) row.get("eventidentifier"),
                (String) row.get("aggregateidentifier"), (Long) row.get("sequencenumber"),
                (String) row.get("payloadtype"));
    }

    private static void relinkEverything() {
        store.jdbc.update("delete from history_chain_link");
        store.jdbc.update("delete from history_chain_head");
        store.jdbc.update("insert into history_chain_head (id, global_index, link, events) values (1, 0, ?, 0)",
                "0".repeat(64));
        store.linkNewEvents();
    }
}
