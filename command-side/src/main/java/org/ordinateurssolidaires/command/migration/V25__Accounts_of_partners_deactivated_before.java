package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Deactivates the accounts of the partners deactivated before their accounts stopped with them
 * ({@code PartnerAccounts}), and ends those accounts' sessions: they still signed in and read the data of the
 * households their partner had referred. Runs once; on an empty store it does nothing.
 */
public class V25__Accounts_of_partners_deactivated_before extends BaseJavaMigration {

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Timestamp now = Timestamp.from(Instant.now());
        // the last enabled admin is left as it is, whatever else it is: nobody could manage accounts any more
        String bound = "partner_id = ? and enabled and not (roles like '%admin%'"
                       + " and (select count(*) from account where enabled and roles like '%admin%') = 1)";
        try (PreparedStatement sessions = connection.prepareStatement("delete from spring_session where"
                     + " principal_name in (select username from account where " + bound + ")");
             PreparedStatement accounts = connection.prepareStatement("update account set enabled = false,"
                     + " updated_at = ?, updated_by = 'programme' where " + bound)) {
            StoredHistory.replay(connection, reader, PartnerDeactivated.class.getName()::equals, event -> {
                if (event instanceof PartnerDeactivated deactivated) {
                    sessions.setObject(1, deactivated.partnerId().value());
                    sessions.executeUpdate();
                    accounts.setTimestamp(1, now);
                    accounts.setObject(2, deactivated.partnerId().value());
                    accounts.executeUpdate();
                }
            });
        }
    }
}
