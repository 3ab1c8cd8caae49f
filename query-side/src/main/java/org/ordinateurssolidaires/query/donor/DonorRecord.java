package org.ordinateurssolidaires.query.donor;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.donor.DonorDetailsCorrected;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;

import java.util.Optional;
import java.util.UUID;

/** A donor as registered now. Written only by {@link DonorProjection}. */
@Entity
@Table(name = "donor_record")
public class DonorRecord {

    @Id
    private UUID donorId;
    private String legalName;
    @Enumerated(EnumType.STRING)
    private DonorKind kind;
    private String siret;
    private String contactPerson;
    private String contactEmail;

    protected DonorRecord() {
        // for JPA
    }

    DonorRecord(DonorRegistered registered) {
        donorId = registered.donorId().value();
        legalName = registered.legalName();
        kind = registered.kind();
        siret = Optional.ofNullable(registered.siret()).map(Siret::value).orElse(null);
        contactPerson = registered.contactPerson();
        contactEmail = registered.contactEmail();
    }

    void corrected(DonorDetailsCorrected correction) {
        legalName = Optional.ofNullable(correction.legalName()).orElse(legalName);
        siret = Optional.ofNullable(correction.siret()).map(Siret::value).orElse(siret);
        contactPerson = Optional.ofNullable(correction.contactPerson()).orElse(contactPerson);
        contactEmail = Optional.ofNullable(correction.contactEmail()).orElse(contactEmail);
    }

    public UUID getDonorId() {
        return donorId;
    }

    public String getLegalName() {
        return legalName;
    }

    public DonorKind getKind() {
        return kind;
    }

    public String getSiret() {
        return siret;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public String getContactEmail() {
        return contactEmail;
    }
}
