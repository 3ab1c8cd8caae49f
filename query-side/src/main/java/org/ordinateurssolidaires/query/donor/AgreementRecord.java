package org.ordinateurssolidaires.query.donor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.AgreementTerminated;

import java.time.LocalDate;
import java.util.UUID;

/** An agreement a donor signed, and its end if it was terminated. Written only by {@link DonorProjection}. */
@Entity
@Table(name = "donor_agreement_record")
public class AgreementRecord {

    @Id
    private UUID agreementId;
    private UUID donorId;
    private String modelAgreementVersion;
    private String signatoryName;
    private String signatoryRole;
    private LocalDate signedOn;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private LocalDate terminatedOn;
    private String terminationReason;

    protected AgreementRecord() {
        // for JPA
    }

    AgreementRecord(AgreementSigned signed) {
        agreementId = signed.agreementId().value();
        donorId = signed.donorId().value();
        modelAgreementVersion = signed.modelAgreementVersion();
        signatoryName = signed.signatoryName();
        signatoryRole = signed.signatoryRole();
        signedOn = signed.signedOn();
        validFrom = signed.validFrom();
        validUntil = signed.validUntil();
    }

    void terminated(AgreementTerminated termination) {
        terminatedOn = termination.terminatedOn();
        terminationReason = termination.reason();
    }

    /** Whether devices could be received under this agreement on that day. */
    boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil))
                && (terminatedOn == null || !day.isAfter(terminatedOn));
    }

    public UUID getAgreementId() {
        return agreementId;
    }

    public UUID getDonorId() {
        return donorId;
    }

    public String getModelAgreementVersion() {
        return modelAgreementVersion;
    }

    public String getSignatoryName() {
        return signatoryName;
    }

    public String getSignatoryRole() {
        return signatoryRole;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public LocalDate getTerminatedOn() {
        return terminatedOn;
    }

    public String getTerminationReason() {
        return terminationReason;
    }
}
