package org.ordinateurssolidaires.query.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.query.SampleDevices.RECEIVED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.SANITISED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/** The provenance is read from the device's own event stream, available as soon as the events are stored. */
class ProvenanceIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void tellsEveryStepInOrderWithWhenAndWho() {
        DeviceId device = newDevice();
        StorageMedium disk = disk("ZDE1ABCD");
        events.append(received(device, "PV-" + device.toString().substring(0, 8).toUpperCase(),
                new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, disk));
        events.append(failed(device, disk));
        events.append(sanitised(device, disk));

        JsonNode history = http.getForObject("/api/devices/" + device + "/provenance", JsonNode.class);

        assertThat(history.findValuesAsText("event"))
                .containsExactly("DeviceReceived", "StorageMediumSanitisationFailed", "StorageMediumSanitised");
        assertThat(history.findValuesAsText("sequence")).containsExactly("0", "1", "2");
        assertThat(history.get(0).get("occurredAt").asText()).isEqualTo(RECEIVED_AT.toString());
        assertThat(history.get(2).get("occurredAt").asText()).isEqualTo(SANITISED_AT.toString());
        assertThat(history.get(2).get("recordedAt").asText()).isNotBlank();
        assertThat(history.findValuesAsText("recordedBy")).containsOnly("test-staff");
        assertThat(history.get(1).get("description").asText())
                .contains("FAILED", "serial ZDE1ABCD", "3 unreadable sectors");
        assertThat(history.get(2).at("/details/sanitisation/toolReportSha256").asText()).hasSize(64);
    }

    @Test
    void answersNotFoundForADeviceWithNoHistory() {
        assertThat(http.getForEntity("/api/devices/" + UUID.randomUUID() + "/provenance", JsonNode.class)
                       .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
