package org.ordinateurssolidaires.deploy;

import org.ordinateurssolidaires.testing.PostgresTestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store of many device lives written straight into the event table, for the tests that need the query side busy
 * catching up: each life is a partner, its household's referral, and a laptop received, erased, refurbished,
 * checked, allocated and handed over to it. Every event is the stored form the serializer writes (the golden files
 * of {@code GoldenEventFilesTest}), its ids made the life's own.
 */
final class GeneratedLives {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String EVENTS = "org.ordinateurssolidaires.events.";
    private static final String STORED_AT = "2026-03-02T09:15:00Z";

    /** One event of a life: its aggregate's type and the field naming it, its type and revision as stored. */
    private record Step(String aggregateType, String aggregateField, String type, String revision) {

        String golden() {
            return GeneratedLives.golden(type.substring(type.lastIndexOf('.') + 1) + ".rev" + revision + ".json");
        }
    }

    private static final List<Step> LIFE = List.of(
            new Step("Partner", "partnerId", EVENTS + "referral.PartnerRegistered", "1"),
            new Step("Referral", "referralId", EVENTS + "referral.ReferralSubmitted", "2"),
            new Step("Referral", "referralId", EVENTS + "referral.ReferralAccepted", "1"),
            new Step("Device", "deviceId", EVENTS + "device.DeviceReceived", "1"),
            new Step("Device", "deviceId", EVENTS + "device.StorageMediumSanitised", "1"),
            new Step("Device", "deviceId", EVENTS + "device.DeviceRefurbished", "1"),
            new Step("Device", "deviceId", EVENTS + "device.QualityCheckPassed", "1"),
            new Step("Device", "deviceId", EVENTS + "device.DeviceAllocated", "1"),
            new Step("Device", "deviceId", EVENTS + "device.DeviceHandedOver", "1"));

    private GeneratedLives() {
    }

    /** Appends {@code lives} lives to the store, in one transaction; answers how many events that made. */
    static long write(String databaseUrl, int lives) throws SQLException {
        List<String> golden = LIFE.stream().map(Step::golden).toList();
        String metadata = golden("metadata.json");
        long written = 0;
        try (Connection store = DriverManager.getConnection(databaseUrl, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             PreparedStatement insert = store.prepareStatement("insert into domainEventEntry (aggregateIdentifier,"
                     + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType,"
                     + " timeStamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            store.setAutoCommit(false);
            for (int life = 0; life < lives; life++) {
                long sequence = 0;
                String aggregateBefore = null;
                for (int step = 0; step < LIFE.size(); step++) {
                    Step event = LIFE.get(step);
                    String payload = ownIds(golden.get(step), life)
                            .replace("OS-2026-0001", String.format("GEN-%06d", life))
                            .replace("householdCode é", "H-" + life);
                    String aggregate = payload.replaceAll(".*\"" + event.aggregateField() + "\":\"([^\"]+)\".*", "$1");
                    sequence = aggregate.equals(aggregateBefore) ? sequence + 1 : 0;
                    aggregateBefore = aggregate;
                    insert.setString(1, aggregate);
                    insert.setLong(2, sequence);
                    insert.setString(3, event.aggregateType());
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, ownIds(metadata, life).getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
                    insert.setString(7, event.revision());
                    insert.setString(8, event.type());
                    insert.setString(9, STORED_AT);
                    insert.addBatch();
                    written++;
                }
                if (life % 200 == 199) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            store.commit();
        }
        return written;
    }

    private static String golden(String file) {
        try (InputStream stored = GeneratedLives.class.getResourceAsStream("/golden-events/" + file)) {
            return new String(stored.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("no golden file " + file, missing);
        }
    }

    /** Every id of the golden events replaced by one of this life's, the same one wherever it appears. */
    private static String ownIds(String json, int life) {
        Matcher ids = ID.matcher(json);
        return ids.replaceAll(id -> UUID.nameUUIDFromBytes((id.group() + "#" + life).getBytes(StandardCharsets.UTF_8))
                                       .toString());
    }
}
