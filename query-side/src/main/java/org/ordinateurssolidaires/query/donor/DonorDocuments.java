package org.ordinateurssolidaires.query.donor;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.query.audit.ChainHead;
import org.ordinateurssolidaires.query.documents.IssuedDocuments;
import org.ordinateurssolidaires.query.donor.DonorReport.GivenDevice;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.ErasureEvidence;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.MediumView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The documents a donor receives, as PDF: its report, and a data-sanitisation certificate in the spirit of those
 * erasure tools and refurbishers issue. Each is registered by its SHA-256 as it is issued, so a copy can be
 * verified later.
 */
@Component
class DonorDocuments {

    static final String REPORT = "donor-report";
    static final String CERTIFICATE = "sanitisation-certificate";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** What a donor's statement of removal is worth, said wherever one stands in for a sanitisation. */
    private static final String ATTESTATION = "A statement of removal is the donor's attestation that the storage "
            + "left the device before the gift: a chain-of-custody record, not a sanitisation the programme "
            + "performed and verified.";

    private final IssuedDocuments issued;
    private final String responsibleEntity;
    private final ZoneId zone;

    DonorDocuments(IssuedDocuments issued,
                   @Value("${ordinateurs.programme.responsible-entity}") String responsibleEntity,
                   @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.issued = issued;
        this.responsibleEntity = responsibleEntity;
        this.zone = zone;
    }

    byte[] report(DonorReport report) {
        IssuedDocuments.Issue issue = issued.next(REPORT, report.donor().donorId());
        return issued.issue(issue, false, page -> {
            page.title("Your gift to Ordinateurs solidaires")
                .text(report.donor().legalName() + " — report of " + day(issue.issuedAt()))
                .figures(List.of("devices given", "media erased", "households equipped", "kg CO2e avoided"),
                        List.of(String.valueOf(report.devices().size()),
                                (report.erasure().sanitised() + report.erasure().destroyed()) + " / "
                                        + report.erasure().media(),
                                String.valueOf(report.households().equipped()),
                                String.format(Locale.ENGLISH, "%.0f", report.impact().manufacturingCo2eAvoidedKg())))
                .heading("Your commitments together")
                .text(report.agreements().stream().map(agreement -> "Agreement " + agreement.modelAgreementVersion()
                        + " signed on " + agreement.signedOn() + " by " + agreement.signatoryName() + ": free for the "
                        + "beneficiary, traceability of every device, certified data erasure, a hand-over ceremony.")
                        .reduce((a, b) -> a + "\n" + b).orElse("No agreement recorded."))
                .heading("Your deliveries")
                .table(List.of("delivery", "received", "devices", "where they are now", "your check"),
                        report.batches().stream().map(batch -> row(batch.reference(), day(batch.receivedAt()),
                                String.valueOf(batch.devices()), byState(batch.devicesByState()),
                                Objects.toString(batch.reconciliation(), ""))).toList())
                .heading("Data erasure")
                .text(report.erasure().sanitised() + " media sanitised and verified, " + report.erasure().destroyed()
                        + " physically destroyed, " + report.erasure().failedAwaitingRetry()
                        + " awaiting a new attempt after a failed verification, " + report.erasure().pending()
                        + " not yet erased." + devicesWithoutMedia(report.erasure()) + " No device leaves the "
                        + "programme before all its media are erased, nor without erasure evidence.")
                .heading("Households equipped")
                .text(households(report.households()))
                .heading("Hand-over ceremonies")
                .table(List.of("date", "place", "status", "your devices handed over", "households present"),
                        report.ceremonies().stream().map(ceremony -> row(String.valueOf(ceremony.date()),
                                ceremony.place(), ceremony.status().name(), String.valueOf(ceremony.devicesHandedOver()),
                                Objects.toString(ceremony.householdsPresent(), ""))).toList())
                .heading("Environmental impact (estimate)")
                .text(String.format(Locale.ENGLISH, "%d devices given a second life avoid about %.0f kg CO2e of "
                                + "manufacturing and %.1f kg of electronic waste.", report.impact().devicesGivenASecondLife(),
                        report.impact().manufacturingCo2eAvoidedKg(), report.impact().eWasteAvoidedKg()))
                .small("Avoided per device given: " + factors(report.impact().factors()) + ". Source: "
                        + report.impact().source())
                .heading("Your devices")
                .table(List.of("asset tag", "delivery", "device", "now", "erasure"),
                        report.devices().stream().map(device -> row(device.assetTag(), device.donationBatchReference(),
                                device.manufacturer() + " " + device.model(), device.state().name(),
                                erasure(device))).toList())
                .small(statementsOfRemoval(report.devices()))
                .small("Document " + issue.documentId() + ", issued " + moment(issue.issuedAt()) + " by "
                        + responsibleEntity + ". Check a copy at /api/documents/verification.")
                .small(historyChainHead(report.historyChainHead()));
        });
    }

    /** One line per medium of the donor's devices (of one delivery, when a reference is given). */
    byte[] sanitisationCertificate(DonorReport report, String deliveryReference) {
        IssuedDocuments.Issue issue = issued.next(CERTIFICATE, report.donor().donorId());
        List<GivenDevice> devices = report.devices().stream()
                .filter(device -> deliveryReference == null || deliveryReference.equals(device.donationBatchReference()))
                .toList();
        DonorReport.Erasure erasure = DonorReport.Erasure.of(devices);
        List<GivenDevice> withoutMedia = devices.stream()
                .filter(device -> device.erasureEvidence() != ErasureEvidence.MEDIA).toList();
        return issued.issue(issue, true, page -> {
            page.title("Certificate of data sanitisation")
                .text("Certificate " + issue.documentId() + " — issued " + moment(issue.issuedAt()) + " by "
                        + responsibleEntity)
                .text("Donor: " + report.donor().legalName()
                        + (report.donor().siret() == null ? "" : " (SIRET " + report.donor().siret() + ")")
                        + (deliveryReference == null ? ", all deliveries" : ", delivery " + deliveryReference))
                .figures(List.of("media", "sanitised and verified", "destroyed", "failed, awaiting a new attempt",
                                "not yet erased", "devices: storage removed by the donor",
                                "devices: no erasure evidence"),
                        Stream.of(erasure.media(), erasure.sanitised(), erasure.destroyed(),
                                erasure.failedAwaitingRetry(), erasure.pending(),
                                erasure.devicesWithStorageRemovedByTheDonor(), erasure.devicesWithoutErasureEvidence())
                                .map(String::valueOf).toList())
                .table(List.of("medium serial", "device asset tag", "type", "level and technique", "tool",
                                "verification", "result", "date", "tool report SHA-256"),
                        devices.stream().flatMap(device -> device.media().stream().map(medium -> row(
                                medium.serialNumber(), device.assetTag(), Objects.toString(medium.mediaType(), ""),
                                levelAndTechnique(medium), tool(medium),
                                Objects.toString(medium.verificationMethod(), ""), medium.erasureStatus().name(),
                                medium.erasedAt() == null ? "" : moment(medium.erasedAt()),
                                medium.toolReportSha256()))).toList(), 9, 8, 9, 10, 7, 6, 7, 8, 36);
            if (!withoutMedia.isEmpty()) {
                page.text("Devices with no storage medium declared")
                    .table(List.of("device asset tag", "erasure evidence", "stated by", "stated on", "document"),
                            withoutMedia.stream().map(device -> row(device.assetTag(), erasure(device),
                                    statement(device, StorageRemovalStatement::statedBy),
                                    statement(device, StorageRemovalStatement::statedOn),
                                    statement(device, StorageRemovalStatement::documentReference))).toList(),
                            9, 16, 20, 8, 47);
            }
            page.small("Sanitisation in the sense of NIST SP 800-88: clear and purge records carry the tool's own "
                        + "report, whose SHA-256 is listed; destroyed media were physically destroyed. " + ATTESTATION
                        + " Check a copy of this certificate at /api/documents/verification.")
                .small(historyChainHead(report.historyChainHead()));
        });
    }

    /** Printed so that the donor can later have the history up to this report checked against it. */
    private static String historyChainHead(ChainHead head) {
        return "History chain head at position " + head.globalIndex() + ": " + head.link() + ". An auditor checks "
                + "that the history up to it is unchanged with /api/audit/verification?position=" + head.globalIndex()
                + "&link=" + head.link() + ".";
    }

    private static List<String> row(String... cells) {
        return Arrays.stream(cells).map(cell -> Objects.toString(cell, "")).toList();
    }

    private static String byState(Map<DeviceState, Long> devicesByState) {
        return devicesByState.entrySet().stream().map(entry -> entry.getValue() + " " + words(entry.getKey()))
                             .collect(Collectors.joining(", "));
    }

    private static String households(DonorReport.Households households) {
        if (households.equipped() == 0) {
            return "None of your devices has been handed over yet.";
        }
        return "Your devices equipped " + households.equipped() + " households, by the criterion that made them "
                + "eligible: " + households.byCriterion().entrySet().stream()
                        .map(entry -> words(entry.getKey()) + " " + entry.getValue())
                        .collect(Collectors.joining(", ")) + ". We never tell who they are.";
    }

    private static String factors(Map<DeviceCategory, ImpactFactors.Factor> factors) {
        return factors.entrySet().stream().map(entry -> String.format(Locale.ENGLISH, "%s %.0f kg CO2e and %.1f kg",
                words(entry.getKey()), entry.getValue().manufacturingCo2eKg(), entry.getValue().weightKg()))
                      .collect(Collectors.joining("; "));
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The media erased, or what the device's erasure rests on when it has none: never an empty "0 / 0". */
    private static String erasure(GivenDevice device) {
        return switch (device.erasureEvidence()) {
            case MEDIA -> device.media().stream().filter(medium -> medium.erasureStatus().holdsNoData()).count()
                    + " / " + device.media().size();
            case DONOR_STATEMENT -> "storage removed by the donor";
            case NONE -> "no erasure evidence";
        };
    }

    private static String devicesWithoutMedia(DonorReport.Erasure erasure) {
        String removed = erasure.devicesWithStorageRemovedByTheDonor() == 0 ? ""
                : " " + erasure.devicesWithStorageRemovedByTheDonor() + " device(s) came without storage: you stated "
                        + "it was removed before the gift. " + ATTESTATION;
        String unproven = erasure.devicesWithoutErasureEvidence() == 0 ? ""
                : " " + erasure.devicesWithoutErasureEvidence() + " device(s) have no erasure evidence on record: no "
                        + "storage medium was declared for them and no statement of its removal was recorded.";
        return removed + unproven;
    }

    /** Who stated, when and where, for each device whose storage the donor removed; empty when there is none. */
    private static String statementsOfRemoval(List<GivenDevice> devices) {
        return devices.stream().filter(device -> device.storageRemoval() != null)
                      .map(device -> device.assetTag() + ": storage removed before the gift, as stated by "
                              + device.storageRemoval().statedBy() + " on " + device.storageRemoval().statedOn()
                              + " in " + device.storageRemoval().documentReference())
                      .collect(Collectors.joining("\n"));
    }

    private static String statement(GivenDevice device, Function<StorageRemovalStatement, Object> part) {
        return device.storageRemoval() == null ? "" : String.valueOf(part.apply(device.storageRemoval()));
    }

    private static String levelAndTechnique(MediumView medium) {
        return medium.sanitisationLevel() == null ? "" : medium.sanitisationLevel() + ", " + medium.sanitisationTechnique();
    }

    private static String tool(MediumView medium) {
        return medium.sanitisationTool() == null ? "" : medium.sanitisationTool() + " " + medium.sanitisationToolVersion();
    }

    private String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    private String moment(Instant instant) {
        return MOMENT.format(instant.atZone(zone));
    }
}
