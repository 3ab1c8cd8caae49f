package org.ordinateurssolidaires.query.audit;

import org.ordinateurssolidaires.query.erasure.AcceptedSanitisations;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The auditor's page: the erasure policy in force, and the verification, run on request (it replays the whole
 * store), its result in words: each violation with its device, each alteration with its event.
 */
@PageController
class AuditPages {

    private final ErasureAudits audits;
    private final AuditDocument document;
    private final AcceptedSanitisations sanitisations;

    AuditPages(ErasureAudits audits, AuditDocument document, AcceptedSanitisations sanitisations) {
        this.audits = audits;
        this.document = document;
        this.sanitisations = sanitisations;
    }

    @GetMapping("/audit")
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    String audit(Model model, Locale locale) {
        model.addAttribute("head", audits.currentHead())
             .addAttribute("policy", sanitisations.inWords(audits.policyInForce(), locale));
        return "audit/audit";
    }

    /** A form, not a link: the replay is costly, and only a person's deliberate request should start it. */
    @PostMapping("/audit")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    String verify(Model model, Locale locale) throws SQLException {
        AuditReport report = audits.verify(null);
        model.addAttribute("report", report).addAttribute("head", report.chainHead())
             .addAttribute("policy", sanitisations.inWords(report.erasurePolicy(), locale));
        return "audit/audit";
    }

    /**
     * The same replay as the sealed PDF report the API gives, in the reader's language, for an auditor on the pages
     * (the API's address takes HTTP Basic only): a form too.
     */
    @PostMapping("/audit/rapport.pdf")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    ResponseEntity<byte[]> report(Locale locale) throws SQLException {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("rapport-d-audit.pdf").build().toString())
                             .body(document.render(audits.verify(null), locale));
    }
}
