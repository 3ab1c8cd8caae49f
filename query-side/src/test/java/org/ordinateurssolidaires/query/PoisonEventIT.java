package org.ordinateurssolidaires.query;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.RECEIVED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.disk;

/**
 * An event the inventory cannot store (here a NUL character, which PostgreSQL refuses in text; the command API
 * refuses it too, but stores written by older versions or by hand may hold anything) stops its own segment,
 * loudly, and no other: devices in other segments keep appearing, and the failure counter shows the problem.
 */
class PoisonEventIT {

    private static final String DATABASE = "ordinateurs_query_poison_it";
    private static final int SEGMENTS = 4; // as configured for the inventory processor

    private final EventStoreFixture events = EventStoreFixture.onEmptyDatabase(DATABASE);
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            PostgresTestDatabase.emptyDatabase(DATABASE), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD));

    @Test
    void stopsOnlyTheSegmentOfTheEventItCannotApply() {
        DeviceId poisoned = deviceInSegment(0);
        DeviceId healthy = deviceInSegment(2);
        events.append(new DeviceReceived(poisoned, new AssetTag("PZ-1"), new DonorId(UUID.randomUUID()), "LIV-1",
                DeviceCategory.LAPTOP, "Dell\u0000", "Latitude", null, List.of(disk("A")), null, RECEIVED_AT));
        events.append(new DeviceReceived(healthy, new AssetTag("PZ-2"), new DonorId(UUID.randomUUID()), "LIV-1",
                DeviceCategory.LAPTOP, "Dell", "Latitude", null, List.of(disk("B")), null, RECEIVED_AT));

        try (ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + PostgresTestDatabase.emptyDatabase(DATABASE),
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--server.port=0", "--management.prometheus.metrics.export.enabled=true")) {
            RestClient http = RestClient.create("http://localhost:"
                    + ((WebServerApplicationContext) querySide).getWebServer().getPort());

            await().atMost(Duration.ofSeconds(30)).until(() -> inInventory(healthy));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                            .containsPattern("eventProcessor_failureCounter_total\\{[^}]*processorName=\"inventory\"[^}]*} [1-9]"));
            assertThat(inInventory(poisoned)).isFalse();
        }
    }

    /** Axon gives an aggregate's events to the segment matching the hash of its id. */
    private static DeviceId deviceInSegment(int segment) {
        while (true) {
            DeviceId candidate = SampleDevices.newDevice();
            if ((candidate.toString().hashCode() & (SEGMENTS - 1)) == segment) {
                return candidate;
            }
        }
    }

    private boolean inInventory(DeviceId device) {
        return jdbc.queryForObject("select count(*) from inventory_device where device_id = ?", Long.class,
                device.value()) > 0;
    }
}
