package org.ordinateurssolidaires.command.donor;

import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.Siret;

/** Register a company, public body, association or person that gives computers. */
public record RegisterDonor(DonorId donorId,
                            String legalName,
                            DonorKind kind,
                            Siret siret,
                            String contactPerson,
                            String contactEmail) {
}
