package org.ordinateurssolidaires.query.audit;

import org.ordinateurssolidaires.query.documents.IssuedDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The audit report as a PDF for humans, sealed like every document the programme issues. */
@Component
class AuditDocument {

    static final String KIND = "audit-report";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final IssuedDocuments issued;
    private final String responsibleEntity;
    private final ZoneId zone;

    AuditDocument(IssuedDocuments issued,
                  @Value("${ordinateurs.programme.responsible-entity}") String responsibleEntity,
                  @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.issued = issued;
        this.responsibleEntity = responsibleEntity;
        this.zone = zone;
    }

    byte[] render(AuditReport report) {
        IssuedDocuments.Issue issue = issued.next(KIND, null);
        ChainHead head = report.chainHead();
        return issued.issue(issue, true, page -> {
            page.title("Audit of the event history")
                .text((report.clean() ? "CLEAN: " : "NOT CLEAN: ") + report.violations().size()
                        + " erasure rule violation(s), " + report.tampering().size() + " alteration(s) of the history"
                        + (report.publishedLink() == null ? "" : report.publishedLink().matches()
                        ? ", the published link matches" : ", the published link does NOT match") + ".")
                .figures(List.of("events checked", "devices checked", "violations", "alterations"),
                        List.of(String.valueOf(report.eventsChecked()), String.valueOf(report.devicesChecked()),
                                String.valueOf(report.violations().size()), String.valueOf(report.tampering().size())))
                .heading("History chain")
                .text(head == null ? "No history chain is recorded in this database."
                        : "Head at position " + head.globalIndex() + " (" + head.events() + " events linked): "
                        + head.link() + ". " + report.eventsNotYetLinked() + " event(s) stored since were checked "
                        + "but are not linked yet.")
                .heading("Alterations of the history")
                .table(List.of("kind", "position", "event", "aggregate", "sequence", "type"),
                        report.tampering().stream().map(found -> List.of(found.kind().name(),
                                String.valueOf(found.globalIndex()), found.eventIdentifier(),
                                found.aggregateIdentifier(), String.valueOf(found.sequenceNumber()),
                                simpleName(found.event()))).toList())
                .heading("Erasure rule violations")
                .table(List.of("device", "asset tag", "rule", "position", "event", "what happened"),
                        report.violations().stream().map(violation -> List.of(violation.deviceId(),
                                Objects.toString(violation.assetTag(), ""), violation.rule().name(),
                                String.valueOf(violation.globalIndex()), violation.event(), violation.detail()))
                                .toList(), 14, 8, 12, 6, 10, 40)
                .heading("Rules and policy")
                .small(Arrays.stream(AuditRule.values()).map(rule -> rule.name() + ": " + rule.description())
                        .collect(Collectors.joining("\n")))
                .small("Accepted sanitisations (LEVEL/TECHNIQUE/VERIFICATION): " + report.erasurePolicy().entrySet()
                        .stream().map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining("; ")))
                .small("Document " + issue.documentId() + ", verified " + MOMENT.format(report.verifiedAt().atZone(zone))
                        + " in " + report.millis() + " ms by " + responsibleEntity
                        + ". Check a copy at /api/documents/verification.");
        });
    }

    private static String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }
}
