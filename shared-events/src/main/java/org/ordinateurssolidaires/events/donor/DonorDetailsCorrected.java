package org.ordinateurssolidaires.events.donor;

import org.axonframework.serialization.Revision;

/** Registered details were wrong or changed; a {@code null} field was not corrected. */
@Revision("1")
public record DonorDetailsCorrected(DonorId donorId,
                                    String legalName,
                                    Siret siret,
                                    String contactPerson,
                                    String contactEmail,
                                    String reason) implements DonorEvent {
}
