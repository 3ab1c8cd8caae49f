package org.ordinateurssolidaires.query.dashboard;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.InventoryStore;
import org.ordinateurssolidaires.query.SampleDevices;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard keeps its figures between two readers only while the read models stay as they were. On a database
 * of its own: in the suite's shared one, the inventory may first have to park what other classes left it unable to
 * apply, and the device received here would wait behind that.
 */
class DashboardFiguresRefreshIT {

    @Test
    void aDeviceReceivedIsCountedAtTheNextRefresh() {
        InventoryStore store = new InventoryStore("ordinateurs_dashboard_refresh_it");
        store.append(InventoryStore.devices(3), true, 10);
        try (ConfigurableApplicationContext querySide = store.startQuerySide()) {
            TestAccounts.open(store.jdbc(), querySide.getBean(PasswordEncoder.class), TestAccounts.STAFF, "staff",
                    null, null);
            RestClient http = RestClient.builder()
                    .baseUrl("http://localhost:" + ((WebServerApplicationContext) querySide).getWebServer().getPort())
                    .defaultHeaders(headers -> headers.setBasicAuth(TestAccounts.STAFF, TestAccounts.PASSWORD))
                    .build();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.devices()).isEqualTo(3));
            long before = awaitingErasure(http);

            DeviceId device = SampleDevices.newDevice();
            store.events().append(SampleDevices.received(device, "TB-" + device.value().toString().substring(0, 8),
                    new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, SampleDevices.disk("TB")));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(awaitingErasure(http))
                    .isEqualTo(before + 1));
        }
    }

    /** The figure of the tile that links to the devices awaiting their erasure. */
    private static long awaitingErasure(RestClient http) {
        String page = http.get().uri("/tableau-de-bord").header("Cookie", "langue=fr").retrieve().body(String.class);
        Matcher tile = Pattern.compile("state=AWAITING_SANITISATION\"[^>]*>\\s*<span class=\"chiffre\">([^<]+)</span>")
                              .matcher(page);
        assertThat(tile.find()).as("the awaiting-erasure tile").isTrue();
        return Long.parseLong(tile.group(1).replaceAll("\\D", "")); // grouped by a space of some kind
    }
}
