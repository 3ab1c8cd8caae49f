package org.ordinateurssolidaires.query.readmodel;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.EventStoreFixture;
import org.ordinateurssolidaires.query.QuerySideApplication;
import org.ordinateurssolidaires.query.SampleDevices;
import org.ordinateurssolidaires.query.documents.DocumentSeal;
import org.ordinateurssolidaires.store.personaldata.KeyEncryptionKey;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * A query side started on a store with a history and no read model builds them in one pass: the store is read in
 * chunks while the pass holds the read models' segments, then each read model goes back to its processor. Every
 * device is in the inventory once, with each of its two sanitisation attempts counted once (an event applied twice or
 * skipped shows as a wrong count), also those received while the pass ran. A device whose reception cannot be stored
 * rolls its chunk back: the processor takes over from the chunk before, parks that device's events and applies the
 * rest.
 */
class OnePassRebuildIT {

    /** Three events each: several of the pass's chunks. */
    private static final int DEVICES = 4_000;

    @Test
    void buildsTheReadModelsOfANewQuerySideInOnePassWhileDevicesAreReceived() {
        Store store = new Store("ordinateurs_one_pass_it");
        store.append(devices(DEVICES));

        List<List<Object>> receivedMeanwhile = new ArrayList<>();
        try (ConfigurableApplicationContext querySide = start(store)) {
            ReadModelRebuilds rebuilds = querySide.getBean(ReadModelRebuilds.class);
            await("the inventory's four segments held by the pass").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10)).until(() -> store.segmentsHeldByAPass() == 4);
            while (rebuilds.of("inventory").rebuilding()) {
                List<Object> more = devices(10);
                store.events.append(more);
                receivedMeanwhile.add(more);
            }
            int devices = DEVICES + 10 * receivedMeanwhile.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> store.attempts() >= 2L * devices);

            assertThat(receivedMeanwhile).as("devices received while the pass ran").isNotEmpty();
            assertThat(store.devices()).isEqualTo(devices);
            assertThat(store.attempts()).isEqualTo(2L * devices);
            assertThat(store.mediaWithAttempts(2)).isEqualTo(devices);
            assertThat(store.parked()).isZero();
            assertThat(store.segmentsHeldByAPass()).as("handed back").isZero();
        }
    }

    @Test
    void aDeviceThatCannotBeStoredIsParkedByTheProcessorThatTakesOverAndEveryOtherIsApplied() {
        Store store = new Store("ordinateurs_one_pass_poison_it");
        store.append(devices(DEVICES / 2));
        DeviceId unstorable = SampleDevices.newDevice();
        StorageMedium itsDisk = disk("NUL-1");
        // PostgreSQL refuses a NUL character in text: in the second of the pass's chunks
        store.events.append(new DeviceReceived(unstorable, new AssetTag("NUL-1"), new DonorId(UUID.randomUUID()),
                "LIV-2026-03", DeviceCategory.LAPTOP, "Dell\u0000", "Latitude 5490", "5CG1234", List.of(itsDisk),
                "", SampleDevices.RECEIVED_AT), failed(unstorable, itsDisk), sanitised(unstorable, itsDisk));
        store.append(devices(DEVICES / 2));

        try (ConfigurableApplicationContext querySide = start(store)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> store.attempts() >= 2L * DEVICES);

            assertThat(store.devices()).isEqualTo(DEVICES);
            assertThat(store.attempts()).isEqualTo(2L * DEVICES);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.parked())
                    .as("its reception, and the two attempts queued behind it").isEqualTo(3));
            assertThat(store.jdbc.queryForObject("select count(*) from inventory_device where device_id = ?",
                    Integer.class, unstorable.value())).isZero();
        }
    }

    private static ConfigurableApplicationContext start(Store store) {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + store.url(),
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--server.port=0",
                        "--ordinateurs.personal-data.key-encryption-keyset=" + KeyEncryptionKey.newKeyset(),
                        "--ordinateurs.documents.seal-keyset=" + DocumentSeal.newKeyset());
    }

    /** Each device received, then a failed and a passed sanitisation of its disk. */
    private static List<Object> devices(int count) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DeviceId device = SampleDevices.newDevice();
            StorageMedium medium = disk("OP-" + i);
            events.add(SampleDevices.received(device, "OP-" + device.toString().substring(0, 13),
                    new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, medium));
            events.add(failed(device, medium));
            events.add(sanitised(device, medium));
        }
        return events;
    }

    /** One database with an event store, and what the inventory in it says. */
    private static final class Store {

        private final String name;
        private final EventStoreFixture events;
        private final JdbcTemplate jdbc;

        Store(String name) {
            this.name = name;
            this.events = EventStoreFixture.onEmptyDatabase(name);
            this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD));
        }

        String url() {
            return PostgresTestDatabase.emptyDatabase(name);
        }

        void append(List<Object> all) {
            for (int from = 0; from < all.size(); from += 600) {
                events.append(all.subList(from, Math.min(all.size(), from + 600)));
            }
        }

        long devices() {
            return jdbc.queryForObject("select count(*) from inventory_device", Long.class);
        }

        long attempts() {
            return jdbc.queryForObject("select coalesce(sum(sanitisation_attempts), 0) from inventory_medium",
                    Long.class);
        }

        long mediaWithAttempts(int attempts) {
            return jdbc.queryForObject("select count(*) from inventory_medium where sanitisation_attempts = ?",
                    Long.class, attempts);
        }

        long parked() {
            return jdbc.queryForObject("select count(*) from deadletterentry where processinggroup = 'inventory'",
                    Long.class);
        }

        int segmentsHeldByAPass() {
            return jdbc.queryForObject("select count(*) from tokenentry where processorname = 'inventory'"
                    + " and owner like '% rebuilding %'", Integer.class);
        }
    }
}
