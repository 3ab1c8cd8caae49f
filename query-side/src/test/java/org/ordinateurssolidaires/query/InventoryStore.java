package org.ordinateurssolidaires.query;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.documents.DocumentSeal;
import org.ordinateurssolidaires.store.personaldata.KeyEncryptionKey;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * One database with an event store of devices each sanitised twice, a query side started on it in the tests' JVM,
 * and what its inventory says: an event applied twice or skipped shows as a wrong count of attempts.
 */
public final class InventoryStore {

    private final String name;
    private final EventStoreFixture events;
    private final JdbcTemplate jdbc;

    public InventoryStore(String name) {
        this.name = name;
        this.events = EventStoreFixture.onEmptyDatabase(name);
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
    }

    public String url() {
        return PostgresTestDatabase.emptyDatabase(name);
    }

    public EventStoreFixture events() {
        return events;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * A one-pass rebuild's chunks, smaller than the default (20,000 events): a store of a few thousand devices is then
     * applied in several, and a test can stop the pass between two of them.
     */
    public static final String CHUNKS_OF_5_000 = "--ordinateurs.read-models.rebuild-chunk=5000";

    /**
     * Chunks of 300 events: a store of a few thousand devices takes tens of them, so that a test which stops the pass
     * once it sees the first chunk's rows still stops it mid-stream when the machine is slow to look (with two chunks,
     * the second was sometimes written before the test looked again).
     */
    public static final String CHUNKS_OF_300 = "--ordinateurs.read-models.rebuild-chunk=300";

    /** @param settings further settings, as {@code --name=value} */
    public ConfigurableApplicationContext startQuerySide(String... settings) {
        return start(new SpringApplicationBuilder(QuerySideApplication.class), settings);
    }

    /**
     * Another query side beside one started by {@link #startQuerySide}, claiming segments under an owner of its own,
     * as another process does (in one JVM, Axon would name both alike: TokenOwnerPerContext).
     */
    public ConfigurableApplicationContext startAnotherQuerySide(String... settings) {
        return start(new SpringApplicationBuilder(QuerySideApplication.class, TokenOwnerPerContext.class), settings);
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder querySide, String... settings) {
        return querySide.profiles("postgres")
                .run(Stream.concat(Stream.of("--spring.datasource.url=" + url(),
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--server.port=0",
                        "--ordinateurs.personal-data.key-encryption-keyset=" + KeyEncryptionKey.newKeyset(),
                        "--ordinateurs.documents.seal-keyset=" + DocumentSeal.newKeyset()), Stream.of(settings))
                        .toArray(String[]::new));
    }

    /** New devices, each with a disk. */
    public static Map<DeviceId, StorageMedium> devices(int count) {
        Map<DeviceId, StorageMedium> devices = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            devices.put(newDevice(), disk("SN-" + i));
        }
        return devices;
    }

    /** Each device gets a failed then a passed sanitisation, after its reception when {@code receive} is set. */
    public void append(Map<DeviceId, StorageMedium> devices, boolean receive, int eventsPerTransaction) {
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

    public long devices() {
        return jdbc.queryForObject("select count(*) from inventory_device", Long.class);
    }

    public long attempts() {
        return jdbc.queryForObject("select coalesce(sum(sanitisation_attempts), 0) from inventory_medium", Long.class);
    }

    public long mediaWithAttempts(int attempts) {
        return jdbc.queryForObject("select count(*) from inventory_medium where sanitisation_attempts = ?",
                Long.class, attempts);
    }
}
