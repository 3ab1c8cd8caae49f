package org.ordinateurssolidaires.command.donor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.donor.AgreementCommitments;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.LocalDate;

/** Record the donation agreement the donor signed. */
public record SignAgreement(@TargetAggregateIdentifier DonorId donorId,
                            AgreementId agreementId,
                            String modelAgreementVersion,
                            String signatoryName,
                            String signatoryRole,
                            LocalDate signedOn,
                            LocalDate validFrom,
                            LocalDate validUntil,
                            AgreementCommitments commitments) {
}
