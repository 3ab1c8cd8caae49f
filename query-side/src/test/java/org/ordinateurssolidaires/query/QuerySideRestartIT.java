package org.ordinateurssolidaires.query;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side interrupted in the middle of the stream, or reading while several writers append: the inventory
 * and the erasure register must end up exactly as if nothing had happened, every event applied once. The first start
 * builds the read models in one pass: the erasure register in the store's order, in chunks small enough for the
 * store to take tens of them, so that it is interrupted between two; the inventory device by device, written whole
 * or not at all, whichever it was when interrupted. Each device gets a failed and a passed sanitisation per round,
 * and attempts are counted per medium (and recorded in the erasure register), so an event applied twice or skipped
 * shows as a wrong count.
 */
class QuerySideRestartIT {

    private static final int DEVICES_BEFORE_STOP = 3000;
    private static final int DEVICES_AFTER_STOP = 500;

    @Test
    void resumesAfterAGracefulStopWithoutRepeatingOrSkippingAnEvent() throws Exception {
        InventoryStore store = new InventoryStore("ordinateurs_query_restart_it");

        interruptMidStreamThenFinish(store, () -> {
            ConfigurableApplicationContext querySide = store.startQuerySide(InventoryStore.CHUNKS_OF_300);
            return querySide::close;
        });
    }

    @Test
    void resumesAfterItsProcessIsKilledWithoutRepeatingOrSkippingAnEvent() throws Exception {
        InventoryStore store = new InventoryStore("ordinateurs_query_killed_it");

        interruptMidStreamThenFinish(store, () -> {
            RunningApp querySide = RunningApp.onPostgresAs("querySide", store.url(), PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD, InventoryStore.CHUNKS_OF_300);
            return querySide::kill; // no graceful shutdown: its token claims stay until they time out
        });
    }

    @Test
    void seesEveryEventWhenSeveralWritersAppendAtOnce() throws Exception {
        InventoryStore store = new InventoryStore("ordinateurs_query_writers_it");
        int writers = 4;
        int devicesPerWriter = 400;

        try (ConfigurableApplicationContext querySide = store.startQuerySide()) {
            ExecutorService threads = Executors.newFixedThreadPool(writers);
            try {
                // small transactions from several threads: global index values get committed out of order
                CompletableFuture.allOf(IntStream.range(0, writers).mapToObj(writer -> CompletableFuture.runAsync(
                        () -> store.append(InventoryStore.devices(devicesPerWriter), true, 3), threads))
                        .toArray(CompletableFuture[]::new)).join();
            } finally {
                threads.shutdown();
            }

            int devices = writers * devicesPerWriter;
            await().atMost(Duration.ofSeconds(120)).until(() -> store.attempts() >= devices * 2L);
            assertThat(store.devices()).isEqualTo(devices);
            assertThat(store.mediaWithAttempts(2)).isEqualTo(devices);
        }
    }

    @Test
    void keepsItsTokensInByteaColumns() {
        InventoryStore store = new InventoryStore("ordinateurs_query_restart_it");
        try (ConfigurableApplicationContext querySide = store.startQuerySide()) {
            assertThat(store.jdbc().queryForObject("select data_type from information_schema.columns"
                    + " where table_name = 'tokenentry' and column_name = 'token'", String.class)).isEqualTo("bytea");
            await().atMost(Duration.ofSeconds(30)).until(() -> store.jdbc().queryForObject(
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

    private static void interruptMidStreamThenFinish(InventoryStore store, QuerySideStarter querySide) throws Exception {
        Map<DeviceId, StorageMedium> early = InventoryStore.devices(DEVICES_BEFORE_STOP);
        store.append(early, true, 600);

        Interruption interruption = querySide.start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                   .ignoreExceptions() // a query side in its own process creates its tables when it gets there
                   .until(() -> erasureDevices(store) > 0);
        } finally {
            interruption.now();
        }
        assertThat(erasureDevices(store)).as("interrupted mid-stream").isLessThan(DEVICES_BEFORE_STOP);

        store.append(InventoryStore.devices(DEVICES_AFTER_STOP), true, 600);
        store.append(early, false, 600); // a second failed and passed sanitisation for every early medium

        try (ConfigurableApplicationContext restarted = store.startQuerySide()) {
            int expectedAttempts = DEVICES_BEFORE_STOP * 4 + DEVICES_AFTER_STOP * 2;
            await().atMost(Duration.ofSeconds(120)).until(() -> store.attempts() >= expectedAttempts);

            assertThat(store.devices()).isEqualTo(DEVICES_BEFORE_STOP + DEVICES_AFTER_STOP);
            assertThat(store.attempts()).isEqualTo(expectedAttempts);
            assertThat(store.mediaWithAttempts(4)).isEqualTo(DEVICES_BEFORE_STOP);
            assertThat(store.mediaWithAttempts(2)).isEqualTo(DEVICES_AFTER_STOP);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(store.jdbc().queryForObject(
                    "select count(*) from erasure_record", Long.class)).as("erasure records")
                    .isEqualTo(expectedAttempts));
            assertThat(erasureDevices(store)).isEqualTo(DEVICES_BEFORE_STOP + DEVICES_AFTER_STOP);
        }
    }

    private static long erasureDevices(InventoryStore store) {
        return store.jdbc().queryForObject("select count(*) from erasure_device", Long.class);
    }
}
