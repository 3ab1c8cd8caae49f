package org.ordinateurssolidaires.events.donor;

import org.axonframework.serialization.Revision;

/**
 * A company, public body, association or person became a donor of the programme.
 *
 * @param siret the establishment's SIRET, when it has one (an individual has none)
 */
@Revision("1")
public record DonorRegistered(DonorId donorId,
                              String legalName,
                              DonorKind kind,
                              Siret siret,
                              String contactPerson,
                              String contactEmail) implements DonorEvent {
}
