package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.command.rules.PlainWords;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;

/**
 * Fills V28's names of the active partners for histories recorded before it. Of two active partners registered under
 * one name before the rule, the first registered keeps it; the other stays as it was. Runs once; on an empty store it
 * does nothing.
 */
public class V29__Partner_names_from_the_event_history extends BaseJavaMigration {

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Set<String> wanted = Set.of(PartnerRegistered.class.getName(), PartnerDeactivated.class.getName());
        try (PreparedStatement claimed = connection.prepareStatement("insert into partner_name (name_key, name,"
                + " partner_id) values (?, ?, ?) on conflict do nothing");
             PreparedStatement freed = connection.prepareStatement("delete from partner_name where partner_id = ?")) {
            StoredHistory.replay(connection, reader, wanted::contains, event -> {
                if (event instanceof PartnerRegistered registered) {
                    claimed.setString(1, PlainWords.key(registered.name()));
                    claimed.setString(2, registered.name());
                    claimed.setObject(3, registered.partnerId().value());
                    claimed.executeUpdate();
                } else if (event instanceof PartnerDeactivated deactivated) {
                    freed.setObject(1, deactivated.partnerId().value());
                    freed.executeUpdate();
                }
            });
        }
    }
}
