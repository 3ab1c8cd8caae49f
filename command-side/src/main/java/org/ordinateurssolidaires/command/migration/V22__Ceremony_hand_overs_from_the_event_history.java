package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills V21's count of hand-overs at each ceremony for histories recorded before it. Runs once; on an empty store it
 * does nothing.
 */
public class V22__Ceremony_hand_overs_from_the_event_history extends BaseJavaMigration {

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<CeremonyId, Integer> handOvers = new HashMap<>(); // a few per ceremony, a few ceremonies a year
        StoredHistory.replay(connection, reader, DeviceHandedOver.class.getName()::equals, event -> {
            if (event instanceof DeviceHandedOver handOver && handOver.ceremonyId() != null) {
                handOvers.merge(handOver.ceremonyId(), 1, Integer::sum);
            }
        });
        try (PreparedStatement counted = connection.prepareStatement(
                "update ceremony_calendar set hand_overs = ? where ceremony_id = ?")) {
            for (Map.Entry<CeremonyId, Integer> ceremony : handOvers.entrySet()) {
                counted.setInt(1, ceremony.getValue());
                counted.setObject(2, ceremony.getKey().value());
                counted.executeUpdate();
            }
        }
    }
}
