package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.command.rules.PlainWords;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fills V26's slot of each ceremony not cancelled, and the households handed devices at each, for histories recorded
 * before it. Of two ceremonies scheduled on one day at one place before the rule, the first scheduled keeps the slot;
 * the other stays as it was (rescheduled, it claims a free slot). Runs once; on an empty store it does nothing.
 */
public class V27__Ceremony_slots_and_households_from_the_event_history extends BaseJavaMigration {

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    private record Slot(LocalDate date, String place) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<CeremonyId, Slot> slots = new LinkedHashMap<>(); // a few ceremonies a year, in the order scheduled
        Set<String> wanted = Set.of(CeremonyScheduled.class.getName(), CeremonyRescheduled.class.getName(),
                CeremonyCancelled.class.getName(), DeviceHandedOver.class.getName());
        try (PreparedStatement household = connection.prepareStatement("insert into ceremony_household"
                + " (ceremony_id, referral_id) values (?, ?) on conflict do nothing")) {
            StoredHistory.replay(connection, reader, wanted::contains, event -> {
                if (event instanceof CeremonyScheduled scheduled) {
                    slots.put(scheduled.ceremonyId(), new Slot(scheduled.date(), scheduled.place()));
                } else if (event instanceof CeremonyRescheduled moved) {
                    slots.replace(moved.ceremonyId(), new Slot(moved.date(), moved.place()));
                } else if (event instanceof CeremonyCancelled cancelled) {
                    slots.remove(cancelled.ceremonyId());
                } else if (event instanceof DeviceHandedOver handOver && handOver.ceremonyId() != null
                           && handOver.referralId() != null) {
                    household.setObject(1, handOver.ceremonyId().value());
                    household.setObject(2, handOver.referralId().value());
                    household.executeUpdate();
                }
            });
        }
        try (PreparedStatement slot = connection.prepareStatement("insert into ceremony_slot (ceremony_date,"
                + " place_key, place, ceremony_id) values (?, ?, ?, ?) on conflict do nothing")) {
            for (Map.Entry<CeremonyId, Slot> ceremony : slots.entrySet()) {
                slot.setDate(1, Date.valueOf(ceremony.getValue().date()));
                slot.setString(2, PlainWords.key(ceremony.getValue().place()));
                slot.setString(3, ceremony.getValue().place());
                slot.setObject(4, ceremony.getKey().value());
                slot.executeUpdate();
            }
        }
    }
}
