package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;

/**
 * Fills V23's time of acceptance of each referral for histories recorded before it. Runs once; on an empty store it
 * does nothing.
 */
public class V24__Referral_acceptances_from_the_event_history extends BaseJavaMigration {

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement accepted = connection.prepareStatement(
                "update referral_standing set accepted_at = ? where referral_id = ?")) {
            StoredHistory.replay(connection, reader, ReferralAccepted.class.getName()::equals, event -> {
                if (event instanceof ReferralAccepted acceptance) {
                    accepted.setTimestamp(1, Timestamp.from(acceptance.acceptedAt()));
                    accepted.setObject(2, acceptance.referralId().value());
                    accepted.executeUpdate();
                }
            });
        }
    }
}
