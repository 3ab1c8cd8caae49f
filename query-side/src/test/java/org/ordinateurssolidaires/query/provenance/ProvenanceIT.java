package org.ordinateurssolidaires.query.provenance;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.RECEIVED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.SANITISED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.allocated;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;
import static org.ordinateurssolidaires.query.SampleDevices.storageRemovalStated;

/** The provenance is read from the device's own event stream, available as soon as the events are stored. */
class ProvenanceIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void tellsEveryStepInOrderWithWhenAndWho() {
        DeviceId device = newDevice();
        StorageMedium disk = disk("ZDE1ABCD");
        var donor = new DonorId(UUID.randomUUID());
        events.append(new DonorRegistered(donor, "Banque Régionale du Centre-Ouest", DonorKind.COMPANY, null,
                "Claire Dubois", "claire@example.org"));
        events.append(received(device, "PV-" + device.toString().substring(0, 8).toUpperCase(), donor,
                DeviceCategory.LAPTOP, disk));
        events.append(failed(device, disk));
        events.append(sanitised(device, disk));

        // the donor is named once the donors' read model knows it (it is read straight from the store otherwise)
        JsonNode history = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/devices/" + device + "/provenance", JsonNode.class),
                steps -> steps.get(0).get("description").asString().contains("Banque"));

        assertThat(history.findValuesAsString("event"))
                .containsExactly("DeviceReceived", "StorageMediumSanitisationFailed", "StorageMediumSanitised");
        assertThat(history.findValuesAsString("sequence")).containsExactly("0", "1", "2");
        assertThat(history.get(0).get("occurredAt").asString()).isEqualTo(RECEIVED_AT.toString());
        assertThat(history.get(2).get("occurredAt").asString()).isEqualTo(SANITISED_AT.toString());
        assertThat(history.get(2).get("recordedAt").asString()).isNotBlank();
        assertThat(history.findValuesAsString("recordedBy")).containsOnly("test-staff");
        assertThat(history.get(1).get("description").asString())
                .contains("FAILED", "serial ZDE1ABCD", "3 unreadable sectors");
        assertThat(history.get(2).at("/details/sanitisation/toolReportSha256").asString()).hasSize(64);
        assertThat(history.get(0).get("description").asString())
                .startsWith("Received from Banque Régionale du Centre-Ouest (donor " + donor + ") in batch");
    }

    /**
     * The next household passed over is decided with the allocation, which says when it happened: the history said
     * the moment the form was sent instead, out of order among the steps (an outside probe).
     */
    @Test
    void theNextInLinePassedOverHappensWhenTheAllocationDoes() {
        DeviceId device = newDevice();
        ReferralId chosen = new ReferralId(UUID.randomUUID());
        events.append(received(device, "PV-" + device.toString().substring(0, 8).toUpperCase(),
                new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP));
        events.append(new NextInLinePassedOver(device, new ReferralId(UUID.randomUUID()), chosen, "besoin urgent"),
                allocated(device, chosen));

        JsonNode history = http.getForObject("/api/devices/" + device + "/provenance", JsonNode.class);

        assertThat(history.findValuesAsString("event"))
                .containsExactly("DeviceReceived", "NextInLinePassedOver", "DeviceAllocated");
        assertThat(history.get(1).get("occurredAt").asString()).isEqualTo(LATER.toString())
                .isEqualTo(history.get(2).get("occurredAt").asString());
    }

    @Test
    void tellsWhatAnEmptyMediaListMeansAndTheDonorsStatementInWords() {
        DeviceId stated = newDevice();
        DeviceId withoutEvidence = newDevice();
        events.append(received(stated, "PV-" + stated.toString().substring(0, 8).toUpperCase(),
                new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP), storageRemovalStated(stated));
        events.append(received(withoutEvidence, "PV-" + withoutEvidence.toString().substring(0, 8).toUpperCase(),
                new DonorId(UUID.randomUUID()), DeviceCategory.TABLET));

        JsonNode statedHistory = http.getForObject("/api/devices/" + stated + "/provenance", JsonNode.class);
        JsonNode unprovenHistory = http.getForObject("/api/devices/" + withoutEvidence + "/provenance", JsonNode.class);

        assertThat(statedHistory.findValuesAsString("event")).containsExactly("DeviceReceived", "StorageRemovalStated");
        assertThat(statedHistory.get(1).get("description").asString()).contains("Storage removed before the gift",
                "Paul Martin, DSI", "2026-02-27", "Annexe 2, convention 2023-0208", "not a sanitisation");
        assertThat(unprovenHistory.get(0).get("description").asString())
                .contains("no storage medium declared", "no erasure evidence");
    }

    @Test
    void answersNotFoundForADeviceWithNoHistory() {
        assertThat(http.getForEntity("/api/devices/" + UUID.randomUUID() + "/provenance", JsonNode.class)
                       .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
