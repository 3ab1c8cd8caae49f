package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.UUID;

/**
 * Fills V19's delivery of each reception for histories recorded before it: the delivery a device's reception and
 * corrections leave it in. Runs once; on an empty store it does nothing.
 */
public class V20__Donor_reception_deliveries_from_the_event_history extends BaseJavaMigration {

    private static final Set<String> NEEDED = Set.of(DeviceReceived.class.getName(),
            DeviceDetailsCorrected.class.getName());

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement donorOf = connection.prepareStatement(
                "select donor_id from donor_reception where device_id = ?");
             PreparedStatement delivered = connection.prepareStatement(
                     "update donor_reception set batch_id = ? where device_id = ?")) {
            int[] pending = {0};
            StoredHistory.replay(connection, reader, NEEDED::contains, event -> {
                DeviceId device;
                DonationBatchId delivery;
                if (event instanceof DeviceReceived reception) {
                    device = reception.deviceId();
                    delivery = DonationBatchId.of(reception.donorId(), reception.donationBatchReference());
                } else if (event instanceof DeviceDetailsCorrected correction
                           && correction.donationBatchReference() != null) {
                    device = correction.deviceId();
                    donorOf.setObject(1, device.value()); // V16 filled every reception's donor
                    try (ResultSet donor = donorOf.executeQuery()) {
                        if (!donor.next()) {
                            return;
                        }
                        delivery = DonationBatchId.of(new DonorId(donor.getObject(1, UUID.class)),
                                correction.donationBatchReference());
                    }
                } else {
                    return;
                }
                delivered.setObject(1, delivery.value());
                delivered.setObject(2, device.value());
                delivered.addBatch(); // in the history's order: a correction's after its reception's
                if (++pending[0] % 1_000 == 0) {
                    delivered.executeBatch();
                }
            });
            delivered.executeBatch();
        }
    }
}
