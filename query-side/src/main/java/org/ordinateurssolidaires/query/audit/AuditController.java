package org.ordinateurssolidaires.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.ordinateurssolidaires.query.audit.HistoryAudit.PublishedLink;
import org.ordinateurssolidaires.web.ParameterRefused;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.SQLException;
import java.util.Locale;

/** The auditor's replay from a browser: the whole store checked now, as JSON or as a PDF to keep. */
@RestController
@Tag(name = "Audit", description = "replay the event store: erasure rules and the tamper-evident history")
class AuditController {

    private final ErasureAudits audits;
    private final AuditDocument document;

    AuditController(ErasureAudits audits, AuditDocument document) {
        this.audits = audits;
        this.document = document;
    }

    @GetMapping("/api/audit/verification")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    @Operation(summary = "Replay every stored event: erasure before release, the erasure policy, complete "
            + "sanitisation records, nothing after release, and the history chain; optionally check a link "
            + "published earlier")
    AuditReport verify(@Parameter(description = "position of a link published earlier")
                       @RequestParam(required = false) @Positive Long position,
                       @Parameter(description = "that link, 64 hex digits")
                       @RequestParam(required = false) @Pattern(regexp = "[0-9a-fA-F]{64}") String link)
            throws SQLException {
        return audits.verify(published(position, link));
    }

    @GetMapping(path = "/api/audit/verification.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    @Operation(summary = "The same replay as a PDF report, sealed so that a copy can be verified; in French "
            + "unless lang=en")
    ResponseEntity<byte[]> verifyAsPdf(@RequestParam(required = false) @Positive Long position,
                                       @RequestParam(required = false) @Pattern(regexp = "[0-9a-fA-F]{64}") String link,
                                       @RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang)
            throws SQLException {
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-report.pdf\"")
                             .body(document.render(audits.verify(published(position, link)),
                                     Locale.forLanguageTag(lang)));
    }

    private static PublishedLink published(Long position, String link) {
        if ((position == null) != (link == null)) {
            throw ParameterRefused.atOdds(position == null ? "position" : "link",
                    "a published link is checked with both its position and its hash");
        }
        return position == null ? null : new PublishedLink(position, link.toLowerCase());
    }
}
