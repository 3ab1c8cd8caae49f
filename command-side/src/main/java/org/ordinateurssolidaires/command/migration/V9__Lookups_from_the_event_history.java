package org.ordinateurssolidaires.command.migration;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills the lookup columns and rows that V6 and V8 added for histories recorded before them, from the events
 * themselves: each referral's place in line and the devices allocated to it, and each donation batch's devices
 * and whether they are processed. Runs once; on an empty store it does nothing.
 */
public class V9__Lookups_from_the_event_history extends BaseJavaMigration {

    private static final Set<String> NEEDED = Set.of(ReferralSubmitted.class, DeviceAllocated.class,
            AllocationCancelled.class, DonationBatchReceived.class, DeviceRefurbished.class, DeviceRecycled.class)
                                                 .stream().map(Class::getName).collect(Collectors.toSet());

    private final StoredEventReader reader;

    /** As Flyway runs it: the events read through the apps' own upcasters. */
    public V9__Lookups_from_the_event_history() {
        this(EventSerialization.upcasters());
    }

    V9__Lookups_from_the_event_history(EventUpcaster upcasters) {
        this.reader = new StoredEventReader(upcasters);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement reset = connection.prepareStatement("update referral_standing set devices_allocated = 0")) {
            reset.executeUpdate();
        }
        StoredHistory.replay(connection, reader, NEEDED::contains, event -> apply(connection, event));
    }

    private static void apply(Connection connection, Object event) throws SQLException {
        if (event instanceof ReferralSubmitted submitted) {
            update(connection, "update referral_standing set criterion_rank = ?, submitted_at = ? where referral_id = ?",
                    submitted.criterion().rank(), Timestamp.from(submitted.submittedAt()), submitted.referralId().value());
        } else if (event instanceof DeviceAllocated allocated) {
            update(connection, "update referral_standing set devices_allocated = devices_allocated + 1"
                    + " where referral_id = ?", allocated.referralId().value());
        } else if (event instanceof AllocationCancelled cancelled) {
            update(connection, "update referral_standing set devices_allocated = greatest(devices_allocated - 1, 0)"
                    + " where referral_id = ?", cancelled.referralId().value());
        } else if (event instanceof DonationBatchReceived batch) {
            for (DeviceId device : batch.devices()) {
                update(connection, "insert into donation_batch_device (device_id, batch_id) values (?, ?)"
                        + " on conflict do nothing", device.value(), batch.batchId().value());
            }
        } else if (event instanceof DeviceRefurbished refurbished) {
            processed(connection, refurbished.deviceId());
        } else if (event instanceof DeviceRecycled recycled) {
            processed(connection, recycled.deviceId());
        }
    }

    private static void processed(Connection connection, DeviceId device) throws SQLException {
        update(connection, "update donation_batch_device set processed = true where device_id = ?", device.value());
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
