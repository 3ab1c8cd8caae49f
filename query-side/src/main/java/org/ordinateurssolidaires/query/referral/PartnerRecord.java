package org.ordinateurssolidaires.query.referral;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.referral.PartnerContactAdded;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A partner organisation and its contact people. Written only by {@link PartnerProjection}. */
@Entity
@Table(name = "partner_record")
public class PartnerRecord {

    @Id
    private UUID partnerId;
    private String name;
    @Enumerated(EnumType.STRING)
    private PartnerKind kind;
    private boolean active;
    private String deactivationReason;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "partner_id", nullable = false)
    @OrderBy("name")
    private List<PartnerContact> contacts = new ArrayList<>();

    protected PartnerRecord() {
        // for JPA
    }

    PartnerRecord(PartnerRegistered registered) {
        partnerId = registered.partnerId().value();
        name = registered.name();
        kind = registered.kind();
        active = true;
    }

    void contactAdded(PartnerContactAdded added) {
        contacts.add(new PartnerContact(added));
    }

    void contactRemoved(UUID contactId) {
        contacts.removeIf(contact -> contact.getContactId().equals(contactId));
    }

    void deactivated(String reason) {
        active = false;
        deactivationReason = reason;
    }

    public UUID getPartnerId() {
        return partnerId;
    }

    public String getName() {
        return name;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public boolean isActive() {
        return active;
    }

    public String getDeactivationReason() {
        return deactivationReason;
    }

    public List<PartnerContact> getContacts() {
        return contacts;
    }
}
