package org.ordinateurssolidaires.command.donor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.Siret;

/** Correct or update a donor's registered details; a null field stays as it is. */
public record CorrectDonorDetails(@TargetAggregateIdentifier DonorId donorId,
                                  String legalName,
                                  Siret siret,
                                  String contactPerson,
                                  String contactEmail,
                                  String reason) {
}
