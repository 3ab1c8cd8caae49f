package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;

/**
 * Fills V15's table of receptions for histories recorded before it, from the receptions themselves. Runs once; on an
 * empty store it does nothing.
 */
public class V16__Donor_receptions_from_the_event_history extends BaseJavaMigration {

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement received = connection.prepareStatement(
                "insert into donor_reception (device_id, donor_id, received_at) values (?, ?, ?)")) {
            StoredHistory.replay(connection, reader, DeviceReceived.class.getName()::equals, event -> {
                if (event instanceof DeviceReceived reception) {
                    received.setObject(1, reception.deviceId().value());
                    received.setObject(2, reception.donorId().value());
                    received.setTimestamp(3, Timestamp.from(reception.receivedAt()));
                    received.executeUpdate();
                }
            });
        }
    }
}
