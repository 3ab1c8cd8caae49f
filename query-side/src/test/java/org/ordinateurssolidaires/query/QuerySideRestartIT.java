package org.ordinateurssolidaires.query;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * The query side stopped in the middle of the stream and started again: the inventory must end up exactly as if
 * it had never stopped, every event applied once. Sanitisation attempts are counted per medium, so an event
 * applied twice or skipped shows as a wrong count.
 */
class QuerySideRestartIT {

    private static final String DATABASE = "ordinateurs_query_restart_it";
    private static final int DEVICES_BEFORE_STOP = 3000;
    private static final int DEVICES_AFTER_STOP = 500;

    private final EventStoreFixture events = EventStoreFixture.onEmptyDatabase(DATABASE);
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            PostgresTestDatabase.emptyDatabase(DATABASE), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD));

    @Test
    void resumesWhereItStoppedWithoutRepeatingOrSkippingAnEvent() {
        Map<DeviceId, StorageMedium> early = devices(DEVICES_BEFORE_STOP);
        appendInBatches(early, true);

        long seenWhenStopped;
        try (ConfigurableApplicationContext querySide = startQuerySide()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                   .until(() -> devicesInInventory() > 0);
            seenWhenStopped = devicesInInventory();
        }
        assertThat(seenWhenStopped).as("stopped mid-stream").isLessThan(DEVICES_BEFORE_STOP);

        Map<DeviceId, StorageMedium> late = devices(DEVICES_AFTER_STOP);
        appendInBatches(late, true);
        appendInBatches(early, false); // a second failed and passed sanitisation for every early medium

        try (ConfigurableApplicationContext querySide = startQuerySide()) {
            int expectedAttempts = DEVICES_BEFORE_STOP * 4 + DEVICES_AFTER_STOP * 2;
            await().atMost(Duration.ofSeconds(120)).until(() -> totalAttempts() >= expectedAttempts);

            assertThat(devicesInInventory()).isEqualTo(DEVICES_BEFORE_STOP + DEVICES_AFTER_STOP);
            assertThat(totalAttempts()).isEqualTo(expectedAttempts);
            assertThat(mediaWithAttempts(4)).isEqualTo(DEVICES_BEFORE_STOP);
            assertThat(mediaWithAttempts(2)).isEqualTo(DEVICES_AFTER_STOP);
        }
    }

    @Test
    void keepsItsTokensInByteaColumns() {
        try (ConfigurableApplicationContext querySide = startQuerySide()) {
            assertThat(jdbc.queryForObject("select data_type from information_schema.columns"
                    + " where table_name = 'tokenentry' and column_name = 'token'", String.class)).isEqualTo("bytea");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from tokenentry where processorname = 'inventory'", Long.class) > 0);
        }
    }

    private ConfigurableApplicationContext startQuerySide() {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + PostgresTestDatabase.emptyDatabase(DATABASE),
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--server.port=0");
    }

    private static Map<DeviceId, StorageMedium> devices(int count) {
        Map<DeviceId, StorageMedium> devices = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            devices.put(newDevice(), disk("SN-" + i));
        }
        return devices;
    }

    /** Each device gets a failed then a passed sanitisation, after its reception when {@code receive} is set. */
    private void appendInBatches(Map<DeviceId, StorageMedium> devices, boolean receive) {
        List<DeviceEvent> batch = new ArrayList<>();
        devices.forEach((device, medium) -> {
            if (receive) {
                batch.add(received(device, "RS-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(),
                        new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, medium));
            }
            batch.add(failed(device, medium));
            batch.add(sanitised(device, medium));
            if (batch.size() >= 600) {
                events.append(List.copyOf(batch));
                batch.clear();
            }
        });
        events.append(batch);
    }

    private long devicesInInventory() {
        return jdbc.queryForObject("select count(*) from inventory_device", Long.class);
    }

    private long totalAttempts() {
        return jdbc.queryForObject("select coalesce(sum(sanitisation_attempts), 0) from inventory_medium", Long.class);
    }

    private long mediaWithAttempts(int attempts) {
        return jdbc.queryForObject("select count(*) from inventory_medium where sanitisation_attempts = ?",
                Long.class, attempts);
    }
}
