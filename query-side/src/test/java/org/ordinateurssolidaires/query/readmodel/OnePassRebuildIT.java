package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.InventoryStore;
import org.ordinateurssolidaires.query.SampleDevices;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * A query side started on a store with a history and no read model builds them in one pass: the store is read in
 * chunks while the pass holds the read models' segments (held since before their processors started), the
 * inventory's device by device, then each read model goes back to its processor. Every device is in the inventory
 * once, with each of its two sanitisation attempts counted once (an event applied twice or skipped shows as a wrong
 * count), also those received while the pass ran. A ceremony, or a device's reception, that cannot be stored rolls
 * back the chunk it is in for the ceremonies and the erasure register: each processor takes over from the chunk
 * before, parks it (and the device's later events) and applies the rest. The device rolls back the whole of the
 * inventory's pass, which applies the devices' events device by device: its processor applies the store from its
 * start, parks that device's events and applies the rest. The
 * inventory's indexes that refuse nothing are set aside while the pass writes it, and are back, as they were, once it
 * is handed back; also when a pass ended without putting them back, on a query side that goes on or that stopped.
 */
class OnePassRebuildIT {

    /** Three events each: several of the pass's chunks. */
    private static final int DEVICES = 4_000;

    @Test
    void buildsTheReadModelsOfANewQuerySideInOnePassWhileDevicesAreReceived() {
        InventoryStore store = new InventoryStore("ordinateurs_one_pass_it");
        store.append(InventoryStore.devices(DEVICES), true, 600);

        int receivedMeanwhile = 0;
        int receivedInThePass = 0;
        Map<String, String> setAside = new HashMap<>();
        try (ConfigurableApplicationContext querySide = store.startQuerySide(InventoryStore.CHUNKS_OF_5_000)) {
            ReadModelRebuilds rebuilds = querySide.getBean(ReadModelRebuilds.class);
            OnePassRebuild onePass = querySide.getBean(OnePassRebuild.class);
            // held for the pass since before the processors started: none began on the store only to be emptied
            assertThat(segmentsHeldByAPass(store)).as("the inventory's segments held by the pass").isEqualTo(4);
            while (rebuilds.of("inventory").rebuilding()) { // held for the pass, then in it
                boolean inThePass = onePass.inPass("inventory");
                setAside.putAll(setAside(store));
                store.append(InventoryStore.devices(10), true, 600);
                receivedMeanwhile += 10;
                receivedInThePass += inThePass ? 10 : 0;
            }
            int devices = DEVICES + receivedMeanwhile;
            await().atMost(Duration.ofSeconds(60)).until(() -> store.attempts() >= 2L * devices);

            assertThat(receivedInThePass).as("devices received while the pass ran").isPositive();
            assertThat(store.devices()).isEqualTo(devices);
            assertThat(store.attempts()).isEqualTo(2L * devices);
            assertThat(store.mediaWithAttempts(2)).isEqualTo(devices);
            assertThat(parked(store)).isZero();
            assertThat(segmentsHeldByAPass(store)).as("handed back").isZero();
            assertThat(setAside).as("set aside during the pass").containsKeys("inventory_device_state",
                    "inventory_medium_serial_scanned", "referral_record_waiting", "erasure_record_device")
                    .as("those that may refuse a row stay").doesNotContainKeys("inventory_device_pkey",
                            "inventory_device_asset_tag", "inventory_medium_pkey", "referral_record_pkey");
            // the other read models may still be handing back
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(setAside(store))
                    .as("none left aside").isEmpty());
            setAside.forEach((index, definition) -> assertThat(definitionOf(store, index)).as(index)
                    .isEqualTo(definition));
        }
    }

    /**
     * Left aside as a pass does as it begins, with no pass holding the read model: by a query side that then stops
     * as if killed, put back at the next start; by one that goes on, put back by its sweep (once a minute unless
     * set). Each time noted and dropped in one transaction, read back in it: the sweep never sees half of it.
     */
    @Test
    void indexesLeftAsideByAPassThatEndedArePutBackAtTheNextStartOrByTheSweep() {
        InventoryStore store = new InventoryStore("ordinateurs_indexes_left_aside_it");
        store.append(InventoryStore.devices(10), true, 600);
        Map<String, String> setAside;
        // no sweep once started: nothing is put back before it stops
        try (ConfigurableApplicationContext querySide = store.startQuerySide(InventoryStore.CHUNKS_OF_5_000,
                "--ordinateurs.read-models.indexes-swept-every=1h")) {
            OnePassRebuild onePass = querySide.getBean(OnePassRebuild.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.attempts() >= 20
                    && onePass.progress("inventory").isEmpty()); // the pass that built it has handed it back
            setAside = setAsideNow(querySide);
            assertThat(definitionOf(store, "inventory_device_state")).isNull();
        }

        try (ConfigurableApplicationContext querySide = store.startQuerySide(InventoryStore.CHUNKS_OF_5_000,
                "--ordinateurs.read-models.indexes-swept-every=1s")) {
            assertThat(setAside(store)).as("put back at the start").isEmpty();
            setAside.forEach((index, definition) -> assertThat(definitionOf(store, index)).as(index)
                    .isEqualTo(definition));
            // every projection names its tables, each one the database has
            for (String projection : querySide.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                ReadModelTables tables = querySide.findAnnotationOnBean(projection, ReadModelTables.class);
                assertThat(tables).as(projection).isNotNull();
                for (String table : tables.value()) {
                    assertThat(store.jdbc().queryForObject("select to_regclass(?) is not null", Boolean.class, table))
                            .as(projection + "'s " + table).isTrue();
                }
            }

            Map<String, String> again = setAsideNow(querySide);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(setAside(store))
                    .as("put back by the sweep").isEmpty());
            again.forEach((index, definition) -> assertThat(definitionOf(store, index)).as(index)
                    .isEqualTo(definition));
        }
    }

    /** The inventory's indexes set aside as a pass does, in one transaction: those noted, read in it. */
    private static Map<String, String> setAsideNow(ConfigurableApplicationContext querySide) {
        IndexesSetAside indexes = querySide.getBean(IndexesSetAside.class);
        JdbcTemplate itsTransaction = querySide.getBean(JdbcTemplate.class);
        Map<String, String> setAside = querySide.getBean(TransactionManager.class).fetchInTransaction(() -> {
            indexes.setAside("inventory");
            return setAside(itsTransaction);
        });
        assertThat(setAside).containsKey("inventory_device_state");
        return setAside;
    }

    /** The indexes noted as set aside, by name: their definitions. */
    private static Map<String, String> setAside(InventoryStore store) {
        return setAside(store.jdbc());
    }

    private static Map<String, String> setAside(JdbcTemplate jdbc) {
        Map<String, String> noted = new HashMap<>();
        jdbc.query("select index_name, definition from read_model_index_set_aside",
                (RowCallbackHandler) row -> noted.put(row.getString(1), row.getString(2)));
        return noted;
    }

    private static String definitionOf(InventoryStore store, String index) {
        return store.jdbc().queryForObject("select pg_get_indexdef(to_regclass(?))", String.class, index);
    }

    @Test
    void aDeviceThatCannotBeStoredIsParkedByTheProcessorThatTakesOverAndEveryOtherIsApplied() {
        InventoryStore store = new InventoryStore("ordinateurs_one_pass_poison_it");
        store.append(InventoryStore.devices(DEVICES / 2), true, 600);
        DeviceId unstorable = SampleDevices.newDevice();
        StorageMedium itsDisk = disk("NUL-1");
        // PostgreSQL refuses a NUL character in text: in the inventory's row and the erasure register's, and in the
        // ceremonies' in the second of the pass's chunks
        store.events().append(new DeviceReceived(unstorable, new AssetTag("NUL\u0000-1"),
                new DonorId(UUID.randomUUID()), "LIV-2026-03", DeviceCategory.LAPTOP, "Dell\u0000", "Latitude 5490",
                "5CG1234", List.of(itsDisk), "", SampleDevices.RECEIVED_AT), failed(unstorable, itsDisk),
                sanitised(unstorable, itsDisk));
        CeremonyId unstorableCeremony = new CeremonyId(UUID.randomUUID());
        store.events().append(new CeremonyScheduled(new CeremonyId(UUID.randomUUID()), LocalDate.of(2026, 6, 20),
                "Salle des fêtes"),
                new CeremonyScheduled(unstorableCeremony, LocalDate.of(2026, 6, 27), "Salle\u0000"));
        store.append(InventoryStore.devices(DEVICES / 2), true, 600);
        store.events().append(new CeremonyScheduled(new CeremonyId(UUID.randomUUID()), LocalDate.of(2026, 7, 4),
                "Médiathèque"));

        try (ConfigurableApplicationContext querySide = store.startQuerySide(InventoryStore.CHUNKS_OF_5_000)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> store.attempts() >= 2L * DEVICES);

            assertThat(store.devices()).isEqualTo(DEVICES);
            assertThat(store.attempts()).isEqualTo(2L * DEVICES);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(parked(store, "inventory"))
                    .as("its reception, and the two attempts queued behind it").isEqualTo(3));
            assertThat(store.jdbc().queryForObject("select count(*) from inventory_device where device_id = ?",
                    Integer.class, unstorable.value())).isZero();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(parked(store, "erasure-register"))
                    .as("in the erasure register too").isEqualTo(3));
            // the erasure register parks the device in its chunk and goes on with the chunks after it: awaited
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.jdbc().queryForObject(
                    "select count(*) from erasure_device", Integer.class))
                    .as("every other device in the erasure register").isEqualTo(DEVICES));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(parked(store, "ceremonies"))
                    .isEqualTo(1));
            assertThat(store.jdbc().queryForList("select place from ceremony_record order by ceremony_date",
                    String.class)).as("every other ceremony").containsExactly("Salle des fêtes", "Médiathèque");
        }
    }

    /**
     * Another query side, started while this one rebuilds the inventory, holds none of its segments and runs no pass:
     * it says the inventory is being rebuilt all the same, from the pass's claims, and refuses its lists, until the
     * pass hands it back. The pass is held back meanwhile: its kept counts wait for rows written here, uncommitted.
     */
    @Test
    void aQuerySideStartedWhileAnotherRebuildsAReadModelSaysItIsBeingRebuilt() {
        InventoryStore store = new InventoryStore("ordinateurs_rebuilt_elsewhere_it");
        store.append(InventoryStore.devices(50), true, 600);
        SingleConnectionDataSource holding = new SingleConnectionDataSource(store.url(), PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD, true);
        try (ConfigurableApplicationContext querySide = store.startQuerySide()) {
            ReadModelRebuilds rebuilds = querySide.getBean(ReadModelRebuilds.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.attempts() >= 100
                    && !rebuilds.of("inventory").rebuilding());
            store.jdbc().update("delete from inventory_count");
            ConfigurableApplicationContext another = new TransactionTemplate(new DataSourceTransactionManager(holding))
                    .execute(holdingTheCounts -> {
                        holdingTheCounts.setRollbackOnly();
                        new JdbcTemplate(holding).update("insert into inventory_count (state, category, devices)"
                                + " select state, category, 0 from inventory_device group by state, category");
                        rebuilds.rebuild("inventory");
                        ConfigurableApplicationContext started = store.startAnotherQuerySide();
                        try {
                            ReadModelRebuilds seenThere = started.getBean(ReadModelRebuilds.class);
                            ReadModelRebuilds.Status inventory = seenThere.of("inventory");
                            assertThat(inventory.rebuilding()).as("seen by the other query side").isTrue();
                            assertThat(inventory.segments()).as("none of its segments held there").isZero();
                            assertThat(inventory.percent()).as("its tokens moved at the end only").isZero();
                            assertThat(inventory.rebuildingUpTo()).isPositive();
                            assertThatThrownBy(() -> seenThere.requireWhole("inventory"))
                                    .isInstanceOf(ReadModelsBeingRebuilt.class);
                            assertThat(seenThere.of("erasure-register").rebuilding())
                                    .as("held by the first query side, in no pass").isFalse();
                            return started;
                        } catch (AssertionError | RuntimeException failed) {
                            started.close();
                            throw failed;
                        }
                    });
            try (another) {
                ReadModelRebuilds seenThere = another.getBean(ReadModelRebuilds.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> !rebuilds.of("inventory").rebuilding());
                await().atMost(Duration.ofSeconds(30)).until(() -> !seenThere.of("inventory").rebuilding());
                seenThere.requireWhole("inventory");
            }
            assertThat(store.devices()).isEqualTo(50);
        } finally {
            holding.destroy();
        }
    }

    private static long parked(InventoryStore store) {
        return parked(store, "inventory");
    }

    private static long parked(InventoryStore store, String readModel) {
        return store.jdbc().queryForObject("select count(*) from deadletterentry where processinggroup = ?",
                Long.class, readModel);
    }

    private static int segmentsHeldByAPass(InventoryStore store) {
        return store.jdbc().queryForObject("select count(*) from tokenentry where processorname = 'inventory'"
                + " and owner like ?", Integer.class, "%" + OnePassRebuild.OWNER_MARK + "%");
    }
}
