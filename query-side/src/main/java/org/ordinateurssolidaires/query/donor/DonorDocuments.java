package org.ordinateurssolidaires.query.donor;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.query.audit.ChainHead;
import org.ordinateurssolidaires.query.documents.IssuedDocuments;
import org.ordinateurssolidaires.query.documents.PdfLayout;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.donor.DonorReport.GivenDevice;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.ErasureEvidence;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.MediumView;
import org.ordinateurssolidaires.query.web.PageDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The documents a donor receives, as PDF: its report, and a data-sanitisation certificate in the spirit of those
 * erasure tools and refurbishers issue. In the programme's language, French, unless English is asked for; every
 * word from the pages' messages ({@code doc.*}, and the same names of states, media and criteria as the pages).
 * Each is sealed as it is issued, so a copy can be verified later.
 */
@Component
class DonorDocuments {

    static final String REPORT = "donor-report";
    static final String CERTIFICATE = "sanitisation-certificate";

    private final IssuedDocuments issued;
    private final ReadModelRebuilds rebuilds;
    private final MessageSource messages;
    private final String responsibleEntity;
    private final ZoneId zone;

    DonorDocuments(IssuedDocuments issued, ReadModelRebuilds rebuilds, MessageSource messages,
                   @Value("${ordinateurs.programme.responsible-entity}") String responsibleEntity,
                   @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.issued = issued;
        this.rebuilds = rebuilds;
        this.messages = messages;
        this.responsibleEntity = responsibleEntity;
        this.zone = zone;
    }

    /**
     * The report's document, drawn while no read model is being rebuilt: drawn from one emptied for its rebuild, it
     * would hold part of the store and verify as genuine (503 meanwhile). The certificate likewise.
     */
    byte[] report(Supplier<DonorReport> drawn, Locale locale) {
        DonorReport report = rebuilds.settled(drawn);
        Words words = new Words(locale);
        IssuedDocuments.Issue issue = issued.next(REPORT, report.donor().donorId());
        return issued.issue(issue, false, page -> {
            page.title(words.say("doc.report.title"))
                .text(words.say("doc.report.of", report.donor().legalName(), words.day(issue.issuedAt())))
                .figures(List.of(words.say("doc.report.devicesGiven"), words.say("doc.report.mediaErased"),
                                words.say("doc.report.householdsEquipped"), words.say("doc.report.co2Avoided")),
                        List.of(words.figure(report.devices().size()),
                                words.figure(report.erasure().sanitised() + report.erasure().destroyed()) + " / "
                                        + words.figure(report.erasure().media()),
                                words.figure(report.households().equipped()),
                                String.format(locale, "%,.0f", report.impact().manufacturingCo2eAvoidedKg())))
                .heading(words.say("doc.report.commitments"))
                .text(report.agreements().stream().map(agreement -> words.say("doc.report.agreement",
                                agreement.modelAgreementVersion(), words.day(agreement.signedOn()),
                                agreement.signatoryName()))
                        .reduce((a, b) -> a + "\n" + b).orElse(words.say("doc.report.noAgreement")))
                .heading(words.say("doc.report.deliveries"))
                .tableOr(words.say("doc.report.noDelivery"), words.columns("doc.report.deliveries.columns"),
                        report.batches().stream().map(batch -> row(batch.reference(), words.day(batch.receivedAt()),
                                words.figure(batch.devices()), words.byState(batch.devicesByState()),
                                batch.reconciliation() == null ? ""
                                        : words.say("reconciliation." + batch.reconciliation()))).toList())
                .heading(words.say("doc.erasure"))
                .text(words.say("doc.report.erasure", report.erasure().sanitised(), report.erasure().destroyed(),
                        report.erasure().failedAwaitingRetry(), report.erasure().pending())
                        + words.devicesWithoutMedia(report.erasure()) + " " + words.say("doc.report.noDeviceLeaves"))
                .heading(words.say("doc.report.households"))
                .text(words.households(report.households()))
                .heading(words.say("doc.report.ceremonies"))
                .tableOr(words.say("doc.report.noCeremony"), words.columns("doc.report.ceremonies.columns"),
                        report.ceremonies().stream().map(ceremony -> row(words.day(ceremony.date()),
                                ceremony.place(), words.say("ceremony." + ceremony.status()),
                                words.figure(ceremony.devicesHandedOver()),
                                Objects.toString(ceremony.householdsPresent(), ""))).toList())
                .heading(words.say("doc.report.impact"))
                .text(words.say("doc.report.impact.text", report.impact().devicesGivenASecondLife(),
                        String.format(locale, "%,.0f", report.impact().manufacturingCo2eAvoidedKg()),
                        String.format(locale, "%,.1f", report.impact().eWasteAvoidedKg())))
                .small(words.say("doc.report.impact.factors", words.factors(report.impact().factors()),
                        report.impact().source()))
                .heading(words.say("doc.report.devices"))
                .tableOr(words.say("doc.report.noDevice"), words.columns("doc.report.devices.columns"),
                        report.devices().stream().map(device -> row(device.assetTag(), device.donationBatchReference(),
                                device.manufacturer() + " " + device.model(), words.say("state." + device.state()),
                                words.erasure(device))).toList())
                .small(words.statementsOfRemoval(report.devices()))
                .small(words.say("doc.issued", issue.documentId(), words.moment(issue.issuedAt()), responsibleEntity))
                .small(words.historyChainHead(report.historyChainHead()));
        });
    }

    /** One line per medium of the donor's devices (of one delivery, when a reference is given). */
    byte[] sanitisationCertificate(Supplier<DonorReport> drawn, String deliveryReference, Locale locale) {
        DonorReport report = rebuilds.settled(drawn);
        Words words = new Words(locale);
        IssuedDocuments.Issue issue = issued.next(CERTIFICATE, report.donor().donorId());
        List<GivenDevice> devices = report.devices().stream()
                .filter(device -> deliveryReference == null || deliveryReference.equals(device.donationBatchReference()))
                .toList();
        DonorReport.Erasure erasure = DonorReport.Erasure.of(devices);
        List<GivenDevice> withoutMedia = devices.stream()
                .filter(device -> device.erasureEvidence() != ErasureEvidence.MEDIA).toList();
        return issued.issue(issue, true, page -> {
            page.title(words.say("doc.certificate.title"))
                .text(words.say("doc.certificate.issued", issue.documentId(), words.moment(issue.issuedAt()),
                        responsibleEntity))
                .text(words.say("doc.certificate.donor", report.donor().legalName()
                        + (report.donor().siret() == null ? "" : " (SIRET " + report.donor().siret() + ")"),
                        deliveryReference == null ? words.say("doc.certificate.allDeliveries")
                                : words.say("doc.certificate.delivery", deliveryReference)))
                .figures(words.columns("doc.certificate.figures"),
                        Stream.of(erasure.media(), erasure.sanitised(), erasure.destroyed(),
                                erasure.failedAwaitingRetry(), erasure.pending(),
                                erasure.devicesWithStorageRemovedByTheDonor(), erasure.devicesWithoutErasureEvidence())
                                .map(words::figure).toList())
                .table(words.columns("doc.certificate.columns"),
                        devices.stream().flatMap(device -> device.media().stream().map(medium -> row(
                                medium.serialNumber(), device.assetTag(),
                                medium.mediaType() == null ? "" : words.say("mediaType." + medium.mediaType()),
                                words.levelAndTechnique(medium), tool(medium),
                                medium.verificationMethod() == null ? ""
                                        : words.say("verification." + medium.verificationMethod()),
                                words.say("erasure." + medium.erasureStatus()),
                                medium.erasedAt() == null ? "" : words.moment(medium.erasedAt()),
                                medium.toolReportSha256()))).toList(), 9, 8, 9, 10, 7, 6, 7, 8, 36);
            if (!withoutMedia.isEmpty()) {
                page.text(words.say("doc.certificate.withoutMedia"))
                    .table(words.columns("doc.certificate.withoutMedia.columns"),
                            withoutMedia.stream().map(device -> row(device.assetTag(), words.erasure(device),
                                    statement(device, StorageRemovalStatement::statedBy),
                                    device.storageRemoval() == null ? ""
                                            : words.day(device.storageRemoval().statedOn()),
                                    statement(device, StorageRemovalStatement::documentReference))).toList(),
                            9, 16, 20, 8, 47);
            }
            page.small(words.say("doc.certificate.nist") + " " + words.say("doc.attestation") + " "
                        + words.say("doc.checkACopy"))
                .small(words.historyChainHead(report.historyChainHead()));
        });
    }

    private static List<String> row(String... cells) {
        return Arrays.stream(cells).map(cell -> Objects.toString(cell, "")).toList();
    }

    private static String statement(GivenDevice device, Function<StorageRemovalStatement, Object> part) {
        return device.storageRemoval() == null ? "" : String.valueOf(part.apply(device.storageRemoval()));
    }

    private static String tool(MediumView medium) {
        return medium.sanitisationTool() == null ? "" : medium.sanitisationTool() + " " + medium.sanitisationToolVersion();
    }

    /** The documents' words and formats in one language. */
    private final class Words {

        private final Locale locale;
        private final DateTimeFormatter day;
        private final DateTimeFormatter moment;

        Words(Locale locale) {
            this.locale = locale;
            this.day = PageDates.longDay(locale);
            this.moment = PageDates.inWords(FormatStyle.MEDIUM, FormatStyle.SHORT, locale).withZone(zone);
        }

        String say(String code, Object... arguments) {
            return messages.getMessage(code, arguments, locale);
        }

        /** A table's column headers, or a figures' labels: one message, its parts separated by {@code |}. */
        List<String> columns(String code) {
            return List.of(say(code).split("\\|"));
        }

        String day(Instant instant) {
            return day.format(instant.atZone(zone));
        }

        String figure(long count) {
            return PdfLayout.count(count, locale);
        }

        String day(java.time.LocalDate date) {
            return day.format(date);
        }

        String moment(Instant instant) {
            return moment.format(instant);
        }

        /** Printed so that the donor can later have the history up to this report checked against it. */
        String historyChainHead(ChainHead head) {
            // the position as the auditor types it, without the separators of a figure
            return say("doc.chainHead", String.valueOf(head.globalIndex()), head.link(),
                    "/api/audit/verification?position=" + head.globalIndex() + "&link=" + head.link());
        }

        String byState(Map<DeviceState, Long> devicesByState) {
            return devicesByState.entrySet().stream()
                                 .map(entry -> entry.getValue() + " " + say("devicesIn." + entry.getKey(),
                                         entry.getValue()))
                                 .collect(Collectors.joining(", "));
        }

        String households(DonorReport.Households households) {
            if (households.equipped() == 0) {
                return say("doc.report.householdsNone");
            }
            return say("doc.report.householdsEquipped.text", households.equipped(),
                    households.byCriterion().entrySet().stream()
                              .map(entry -> say("criterion." + entry.getKey()) + " " + entry.getValue())
                              .collect(Collectors.joining(", ")));
        }

        String factors(Map<DeviceCategory, ImpactFactors.Factor> factors) {
            return factors.entrySet().stream()
                          .map(entry -> say("doc.report.impact.factor", say("category." + entry.getKey()),
                                  String.format(locale, "%.0f", entry.getValue().manufacturingCo2eKg()),
                                  String.format(locale, "%.1f", entry.getValue().weightKg())))
                          .collect(Collectors.joining("; "));
        }

        /** The media erased, or what the device's erasure rests on when it has none: never an empty "0 / 0". */
        String erasure(GivenDevice device) {
            return switch (device.erasureEvidence()) {
                case MEDIA -> device.media().stream().filter(medium -> medium.erasureStatus().holdsNoData()).count()
                        + " / " + device.media().size();
                case DONOR_STATEMENT -> say("doc.evidence.donorStatement");
                case NONE -> say("doc.evidence.none");
            };
        }

        String devicesWithoutMedia(DonorReport.Erasure erasure) {
            String removed = erasure.devicesWithStorageRemovedByTheDonor() == 0 ? ""
                    : " " + say("doc.report.storageRemoved", erasure.devicesWithStorageRemovedByTheDonor()) + " "
                      + say("doc.attestation");
            String unproven = erasure.devicesWithoutErasureEvidence() == 0 ? ""
                    : " " + say("doc.report.noEvidence", erasure.devicesWithoutErasureEvidence());
            return removed + unproven;
        }

        /** Who stated, when and where, for each device whose storage the donor removed; empty when there is none. */
        String statementsOfRemoval(List<GivenDevice> devices) {
            return devices.stream().filter(device -> device.storageRemoval() != null)
                          .map(device -> say("doc.report.statement", device.assetTag(),
                                  device.storageRemoval().statedBy(), day(device.storageRemoval().statedOn()),
                                  device.storageRemoval().documentReference()))
                          .collect(Collectors.joining("\n"));
        }

        String levelAndTechnique(MediumView medium) {
            return medium.sanitisationLevel() == null ? ""
                    : say("level." + medium.sanitisationLevel()) + ", "
                      + say("technique." + medium.sanitisationTechnique());
        }
    }
}
