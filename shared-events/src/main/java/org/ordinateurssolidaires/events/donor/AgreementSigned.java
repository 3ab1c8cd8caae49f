package org.ordinateurssolidaires.events.donor;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The donor signed the programme's donation agreement. Devices can be received from it between
 * {@code validFrom} and {@code validUntil} (inclusive; no end date means until terminated).
 *
 * @param modelAgreementVersion which version of the council's model agreement was signed
 */
@Revision("1")
public record AgreementSigned(DonorId donorId,
                              AgreementId agreementId,
                              String modelAgreementVersion,
                              String signatoryName,
                              String signatoryRole,
                              LocalDate signedOn,
                              LocalDate validFrom,
                              LocalDate validUntil,
                              AgreementCommitments commitments) implements DonorEvent {
}
