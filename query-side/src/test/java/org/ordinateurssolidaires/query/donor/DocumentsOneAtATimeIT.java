package org.ordinateurssolidaires.query.donor;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.AtOnce;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * A page's PDF is drawn one at a time for each caller, as the API's are: one asked for again while the first is
 * drawn (a double click, a script) is answered at once with a page saying so and when to try again, rather than
 * taking another core.
 */
class DocumentsOneAtATimeIT extends QuerySideIntegrationTest {

    private static final int AT_ONCE = 8;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @Test
    void aPdfAskedForAgainWhileItIsDrawnIsAnsweredWithAPageSayingWhenToTryAgain() throws Exception {
        var donor = new DonorId(UUID.randomUUID());
        events.append(new DonorRegistered(donor, "Lycée Camille Guérin", DonorKind.PUBLIC_BODY, null, "Anne Roux",
                "anne@example.org"));
        for (int i = 0; i < 20; i++) {
            DeviceId device = newDevice();
            StorageMedium medium = disk("ONE-" + i);
            events.append(received(device, "ONE-" + UUID.randomUUID().toString().substring(0, 8), donor,
                    DeviceCategory.LAPTOP, medium), sanitised(device, medium));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/donors/" + donor + "/report",
                JsonNode.class), answer -> answer.getStatusCode() == HttpStatus.OK
                && answer.getBody().at("/devices").size() == 20);
        FormBrowser staff = new FormBrowser(port);
        staff.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD);

        List<HttpResponse<String>> busy = new ArrayList<>();
        for (int round = 0; round < 5 && busy.isEmpty(); round++) {
            String certificate = "/donateurs/" + donor + "/certificat.pdf";
            for (HttpResponse<String> answer : AtOnce.times(AT_ONCE, () -> staff.get(certificate))) {
                assertThat(answer.statusCode()).isIn(200, 429);
                if (answer.statusCode() == 429) {
                    busy.add(answer);
                }
            }
        }

        assertThat(busy).as("one asked for while another was drawn").isNotEmpty();
        assertThat(busy.get(0).body()).contains("Document en préparation", "attendez quelques secondes");
        assertThat(busy.get(0).headers().firstValue("Retry-After")).hasValue("5");
        assertThat(busy.get(0).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
    }
}
