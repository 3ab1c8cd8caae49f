package org.ordinateurssolidaires.query.audit;

import org.ordinateurssolidaires.query.documents.IssuedDocuments;
import org.ordinateurssolidaires.query.documents.PdfLayout;
import org.ordinateurssolidaires.query.erasure.AcceptedSanitisations;
import org.ordinateurssolidaires.query.web.PageDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The audit report as a PDF for humans, sealed like every document the programme issues; in French unless English
 * is asked for, with the pages' names of the rules and alterations ({@code audit.*}, {@code auditRule.*}).
 */
@Component
class AuditDocument {

    static final String KIND = "audit-report";

    private final IssuedDocuments issued;
    private final MessageSource messages;
    private final AcceptedSanitisations sanitisations;
    private final String responsibleEntity;
    private final ZoneId zone;

    AuditDocument(IssuedDocuments issued, MessageSource messages, AcceptedSanitisations sanitisations,
                  @Value("${ordinateurs.programme.responsible-entity}") String responsibleEntity,
                  @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.issued = issued;
        this.messages = messages;
        this.sanitisations = sanitisations;
        this.responsibleEntity = responsibleEntity;
        this.zone = zone;
    }

    byte[] render(AuditReport report, Locale locale) {
        IssuedDocuments.Issue issue = issued.next(KIND, null);
        ChainHead head = report.chainHead();
        DateTimeFormatter moment = PageDates.inWords(FormatStyle.MEDIUM, FormatStyle.MEDIUM, locale).withZone(zone);
        return issued.issue(issue, true, page -> {
            page.title(say(locale, "doc.audit.title"))
                .text(say(locale, report.clean() ? "doc.audit.clean" : "doc.audit.notClean",
                        report.violations().size(), report.tampering().size())
                        + (report.publishedLink() == null ? "" : " " + say(locale, report.publishedLink().matches()
                        ? "doc.audit.linkMatches" : "doc.audit.linkDiffers")))
                .figures(List.of(say(locale, "doc.audit.figures").split("\\|")),
                        LongStream.of(report.eventsChecked(), report.devicesChecked(), report.violations().size(),
                                report.tampering().size()).mapToObj(count -> PdfLayout.count(count, locale)).toList())
                .heading(say(locale, "doc.audit.chain"))
                .text(head == null ? say(locale, "audit.noChain")
                        : say(locale, "doc.audit.head", String.valueOf(head.globalIndex()), head.events(), head.link(),
                        report.eventsNotYetLinked()))
                .heading(say(locale, "audit.tampering"))
                .tableOr(say(locale, "doc.audit.noTampering"),
                        List.of(say(locale, "doc.audit.tampering.columns").split("\\|")),
                        report.tampering().stream().map(found -> List.of(say(locale, "tampering." + found.kind()),
                                String.valueOf(found.globalIndex()), found.eventIdentifier(),
                                found.aggregateIdentifier(), String.valueOf(found.sequenceNumber()),
                                simpleName(found.event()))).toList())
                .heading(say(locale, "audit.violations"))
                .tableOr(say(locale, "doc.audit.noViolation"),
                        List.of(say(locale, "doc.audit.violations.columns").split("\\|")),
                        report.violations().stream().map(violation -> List.of(violation.deviceId(),
                                Objects.toString(violation.assetTag(), ""), say(locale, "auditRule." + violation.rule()),
                                String.valueOf(violation.globalIndex()), violation.event(), violation.detail()))
                                .toList(), 14, 8, 12, 6, 10, 40)
                .heading(say(locale, "doc.audit.rules"))
                .small(Arrays.stream(AuditRule.values())
                             .map(rule -> say(locale, "auditRule." + rule) + " (" + rule.name() + ") : "
                                          + say(locale, "auditRule." + rule + ".description"))
                             .collect(Collectors.joining("\n")))
                .small(say(locale, "doc.audit.policy", sanitisations.inWords(report.erasurePolicy(), locale)
                        .entrySet().stream()
                        .map(entry -> say(locale, "doc.audit.policy.type", say(locale, "mediaType." + entry.getKey()),
                                String.join(say(locale, "sanitisation.separator"), entry.getValue())))
                        .collect(Collectors.joining("\n"))))
                .small(say(locale, "doc.audit.issued", issue.documentId(), moment.format(report.verifiedAt()),
                        report.millis(), responsibleEntity));
        });
    }

    private String say(Locale locale, String code, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    private static String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }
}
