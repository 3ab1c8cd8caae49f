package org.ordinateurssolidaires.events.donor;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The agreement ends early: no device is received under it after {@code terminatedOn}. */
@Revision("1")
public record AgreementTerminated(DonorId donorId,
                                  AgreementId agreementId,
                                  LocalDate terminatedOn,
                                  String reason) implements DonorEvent {
}
