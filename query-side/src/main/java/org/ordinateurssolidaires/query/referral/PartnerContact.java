package org.ordinateurssolidaires.query.referral;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.referral.PartnerContactAdded;

import java.util.UUID;

/** Someone the programme deals with at a partner. Part of its {@link PartnerRecord}. */
@Entity
@Table(name = "partner_contact")
public class PartnerContact {

    @Id
    private UUID contactId;
    private String name;
    private String role;
    private String email;
    private String phone;

    protected PartnerContact() {
        // for JPA
    }

    PartnerContact(PartnerContactAdded added) {
        contactId = added.contactId();
        name = added.name();
        role = added.role();
        email = added.email();
        phone = added.phone();
    }

    public UUID getContactId() {
        return contactId;
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }
}
