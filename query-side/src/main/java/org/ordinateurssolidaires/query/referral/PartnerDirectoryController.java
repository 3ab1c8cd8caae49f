package org.ordinateurssolidaires.query.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The partner organisations and whom to call there. */
@RestController
@Tag(name = "Partners", description = "the organisations that refer households, and their contact people")
class PartnerDirectoryController {

    private final PartnerRecordRepository partners;
    private final ReadModelRebuilds rebuilds;

    PartnerDirectoryController(PartnerRecordRepository partners, ReadModelRebuilds rebuilds) {
        this.partners = partners;
        this.rebuilds = rebuilds;
    }

    record PartnerView(UUID partnerId, String name, PartnerKind kind, boolean active, String deactivationReason,
                       List<ContactView> contacts) {

        static PartnerView of(PartnerRecord partner) {
            return new PartnerView(partner.getPartnerId(), partner.getName(), partner.getKind(), partner.isActive(),
                    partner.getDeactivationReason(), partner.getContacts().stream().map(ContactView::of).toList());
        }
    }

    record ContactView(UUID contactId, String name, String role, String email, String phone) {

        static ContactView of(PartnerContact contact) {
            return new ContactView(contact.getContactId(), contact.getName(), contact.getRole(), contact.getEmail(),
                    contact.getPhone());
        }
    }

    @GetMapping("/api/partners")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Every partner, by name, with its contact people")
    List<PartnerView> partners() {
        return rebuilds.whole(partners::findAllByOrderByName, ReferralProjection.PROCESSING_GROUP).stream()
                       .map(PartnerView::of).toList();
    }

    @GetMapping("/api/partners/{partnerId}")
    @PreAuthorize(Access.STAFF_OR_PARTNER)
    @Operation(summary = "One partner, with its contact people")
    PartnerView partner(@PathVariable UUID partnerId) {
        Caller.current().requirePartner(partnerId);
        return partners.findById(partnerId).map(PartnerView::of)
                       .orElseThrow(() -> new NotInTheReadModels("no partner " + partnerId));
    }
}
