package org.ordinateurssolidaires.command.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.events.donor.DonorDetailsCorrected;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fills V17's table of SIRETs for histories recorded before it: each donor's SIRET as its registration and
 * corrections leave it. A SIRET two donors had before the rule is held by the first registered: the other keeps it in
 * its details and can have them corrected. Runs once; on an empty store it does nothing.
 */
public class V18__Donor_sirets_from_the_event_history extends BaseJavaMigration {

    private static final Set<String> NEEDED = Set.of(DonorRegistered.class.getName(),
            DonorDetailsCorrected.class.getName());

    /** The events read through the apps' own upcasters. */
    private final StoredEventReader reader = new StoredEventReader(EventSerialization.upcasters());

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<DonorId, Siret> byDonor = new LinkedHashMap<>(); // in the order the donors were registered
        StoredHistory.replay(connection, reader, NEEDED::contains, event -> {
            if (event instanceof DonorRegistered registered && registered.siret() != null) {
                byDonor.put(registered.donorId(), registered.siret());
            } else if (event instanceof DonorDetailsCorrected corrected && corrected.siret() != null) {
                byDonor.put(corrected.donorId(), corrected.siret());
            }
        });
        try (PreparedStatement claimed = connection.prepareStatement(
                "insert into donor_siret (siret, donor_id) values (?, ?) on conflict do nothing")) {
            for (Map.Entry<DonorId, Siret> donor : byDonor.entrySet()) {
                claimed.setString(1, donor.getValue().value());
                claimed.setObject(2, donor.getKey().value());
                claimed.executeUpdate();
            }
        }
    }
}
