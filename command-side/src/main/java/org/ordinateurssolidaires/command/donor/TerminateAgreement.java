package org.ordinateurssolidaires.command.donor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.LocalDate;

/** End an agreement early. */
public record TerminateAgreement(@TargetAggregateIdentifier DonorId donorId,
                                 AgreementId agreementId,
                                 LocalDate terminatedOn,
                                 String reason) {
}
