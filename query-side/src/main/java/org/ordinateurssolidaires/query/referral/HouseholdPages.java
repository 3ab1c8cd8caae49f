package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Locale;
import java.util.UUID;

/** What staff print for a household: the receipt it signs at the hand-over. */
@PageController
class HouseholdPages {

    private final HandOverReceipts receipts;

    HouseholdPages(HandOverReceipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/foyers/{referralId}/recu")
    @CostlyToAnswer // a PDF
    @PreAuthorize(Access.STAFF)
    ResponseEntity<byte[]> receipt(@PathVariable UUID referralId, Locale locale) {
        return ResponseEntity.ok()
                             .contentType(MediaType.APPLICATION_PDF)
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                     .filename("recu-remise-" + referralId + ".pdf").build().toString())
                             .body(receipts.receipt(referralId, locale));
    }
}
