package org.ordinateurssolidaires.query;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.documents.DocumentSeal;
import org.ordinateurssolidaires.store.personaldata.KeyEncryptionKey;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * The query side interrupted in the middle of the stream, or reading while several writers append: the inventory
 * must end up exactly as if nothing had happened, every event applied once. Each device gets a failed and a passed
 * sanitisation per round, and attempts are counted per medium, so an event applied twice or skipped shows as a
 * wrong count.
 */
class QuerySideRestartIT {

    private static final int DEVICES_BEFORE_STOP = 3000;
    private static final int DEVICES_AFTER_STOP = 500;

    @Test
    void resumesAfterAGracefulStopWithoutRepeatingOrSkippingAnEvent() throws Exception {
        Store store = new Store("ordinateurs_query_restart_it");

        interruptMidStreamThenFinish(store, () -> {
            ConfigurableApplicationContext querySide = startInThisJvm(store);
            return querySide::close;
        });
    }

    @Test
    void resumesAfterItsProcessIsKilledWithoutRepeatingOrSkippingAnEvent() throws Exception {
        Store store = new Store("ordinateurs_query_killed_it");

        interruptMidStreamThenFinish(store, () -> {
            RunningApp querySide = RunningApp.onPostgres("querySide", store.url());
            return querySide::kill; // no graceful shutdown: its token claims stay until they time out
        });
    }

    @Test
    void seesEveryEventWhenSeveralWritersAppendAtOnce() throws Exception {
        Store store = new Store("ordinateurs_query_writers_it");
        int writers = 4;
        int devicesPerWriter = 400;

        try (ConfigurableApplicationContext querySide = startInThisJvm(store)) {
            ExecutorService threads = Executors.newFixedThreadPool(writers);
            try {
                // small transactions from several threads: global index values get committed out of order
                CompletableFuture.allOf(IntStream.range(0, writers).mapToObj(writer -> CompletableFuture.runAsync(
                        () -> store.appendInBatches(devices(devicesPerWriter), true, 3), threads))
                        .toArray(CompletableFuture[]::new)).join();
            } finally {
                threads.shutdown();
            }

            int devices = writers * devicesPerWriter;
            await().atMost(Duration.ofSeconds(120)).until(() -> store.totalAttempts() >= devices * 2L);
            assertThat(store.devicesInInventory()).isEqualTo(devices);
            assertThat(store.mediaWithAttempts(2)).isEqualTo(devices);
        }
    }

    @Test
    void keepsItsTokensInByteaColumns() {
        Store store = new Store("ordinateurs_query_restart_it");
        try (ConfigurableApplicationContext querySide = startInThisJvm(store)) {
            assertThat(store.jdbc.queryForObject("select data_type from information_schema.columns"
                    + " where table_name = 'tokenentry' and column_name = 'token'", String.class)).isEqualTo("bytea");
            await().atMost(Duration.ofSeconds(30)).until(() -> store.jdbc.queryForObject(
                    "select count(*) from tokenentry where processorname = 'inventory'", Long.class) > 0);
        }
    }

    interface Interruption {
        void now() throws Exception;
    }

    interface QuerySideStarter {
        /** Starts a query side and says how to interrupt it. */
        Interruption start() throws Exception;
    }

    private static void interruptMidStreamThenFinish(Store store, QuerySideStarter querySide) throws Exception {
        Map<DeviceId, StorageMedium> early = devices(DEVICES_BEFORE_STOP);
        store.appendInBatches(early, true, 600);

        Interruption interruption = querySide.start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                   .ignoreExceptions() // a query side in its own process creates its tables when it gets there
                   .until(() -> store.devicesInInventory() > 0);
        } finally {
            interruption.now();
        }
        assertThat(store.devicesInInventory()).as("interrupted mid-stream").isLessThan(DEVICES_BEFORE_STOP);

        store.appendInBatches(devices(DEVICES_AFTER_STOP), true, 600);
        store.appendInBatches(early, false, 600); // a second failed and passed sanitisation for every early medium

        try (ConfigurableApplicationContext restarted = startInThisJvm(store)) {
            int expectedAttempts = DEVICES_BEFORE_STOP * 4 + DEVICES_AFTER_STOP * 2;
            await().atMost(Duration.ofSeconds(120)).until(() -> store.totalAttempts() >= expectedAttempts);

            assertThat(store.devicesInInventory()).isEqualTo(DEVICES_BEFORE_STOP + DEVICES_AFTER_STOP);
            assertThat(store.totalAttempts()).isEqualTo(expectedAttempts);
            assertThat(store.mediaWithAttempts(4)).isEqualTo(DEVICES_BEFORE_STOP);
            assertThat(store.mediaWithAttempts(2)).isEqualTo(DEVICES_AFTER_STOP);
        }
    }

    private static ConfigurableApplicationContext startInThisJvm(Store store) {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + store.url(),
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--server.port=0",
                        "--ordinateurs.personal-data.key-encryption-keyset=" + KeyEncryptionKey.newKeyset(),
                        "--ordinateurs.documents.seal-keyset=" + DocumentSeal.newKeyset());
    }

    private static Map<DeviceId, StorageMedium> devices(int count) {
        Map<DeviceId, StorageMedium> devices = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            devices.put(newDevice(), disk("SN-" + i));
        }
        return devices;
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

        /** Each device gets a failed then a passed sanitisation, after its reception when {@code receive} is set. */
        void appendInBatches(Map<DeviceId, StorageMedium> devices, boolean receive, int eventsPerTransaction) {
            List<DeviceEvent> batch = new ArrayList<>();
            devices.forEach((device, medium) -> {
                if (receive) {
                    batch.add(received(device, "RS-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(),
                            new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, medium));
                }
                batch.add(failed(device, medium));
                batch.add(sanitised(device, medium));
                if (batch.size() >= eventsPerTransaction) {
                    events.append(List.copyOf(batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                events.append(batch);
            }
        }

        long devicesInInventory() {
            return jdbc.queryForObject("select count(*) from inventory_device", Long.class);
        }

        long totalAttempts() {
            return jdbc.queryForObject("select coalesce(sum(sanitisation_attempts), 0) from inventory_medium",
                    Long.class);
        }

        long mediaWithAttempts(int attempts) {
            return jdbc.queryForObject("select count(*) from inventory_medium where sanitisation_attempts = ?",
                    Long.class, attempts);
        }
    }
}
