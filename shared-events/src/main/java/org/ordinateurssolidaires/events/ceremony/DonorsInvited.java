package org.ordinateurssolidaires.events.ceremony;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.util.List;

/** Donors were invited to the ceremony (only those not invited before are listed). */
@Revision("1")
public record DonorsInvited(CeremonyId ceremonyId, List<DonorId> donors) implements CeremonyEvent {

    public DonorsInvited {
        donors = List.copyOf(donors);
    }
}
