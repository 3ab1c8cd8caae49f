package org.ordinateurssolidaires.query.donor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.AcceptableText;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.query.donor.DonorReport.FetchDonorReport;
import org.ordinateurssolidaires.query.donor.DonorReport.GivenDevice;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.MediumView;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.web.SpreadsheetCsv;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The donor report. Every URL is scoped by donor, so that access can be limited to the donor itself. */
@RestController
@Tag(name = "Donor report", description = "what became of a donor's gift")
class DonorReportController {

    /** The languages the documents speak: the programme's, French, and English on request. */
    private static final String LANGUAGES = "fr|en";

    private final QueryGateway queries;
    private final DonorDocuments documents;
    private final ReadModelRebuilds rebuilds;

    DonorReportController(QueryGateway queries, DonorDocuments documents, ReadModelRebuilds rebuilds) {
        this.queries = queries;
        this.documents = documents;
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/donors/{donorId}/report")
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @Operation(summary = "The donor's devices, erasure proof, households equipped, ceremonies and impact")
    DonorReport report(@PathVariable UUID donorId) {
        Caller.current().requireDonor(donorId);
        // drawn from every read model, as its documents are
        return rebuilds.settled(() -> wholeGiftOf(donorId));
    }

    @GetMapping("/api/donors/{donorId}/agreements/{agreementId}/report")
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @Operation(summary = "The same report for one agreement: the devices received while it was in force")
    DonorReport agreementReport(@PathVariable UUID donorId, @PathVariable UUID agreementId) {
        Caller.current().requireDonor(donorId);
        return rebuilds.settled(() -> drawn(new FetchDonorReport(donorId, agreementId),
                "donor " + donorId + " has no agreement " + agreementId));
    }

    /** One line per storage medium (or per device without media), for a spreadsheet. */
    @GetMapping(path = "/api/donors/{donorId}/report.csv", produces = "text/csv")
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @Operation(summary = "The donor's devices and the erasure of each medium, as CSV")
    ResponseEntity<String> reportAsCsv(@PathVariable UUID donorId) {
        List<CsvLine> lines = report(donorId).devices().stream().flatMap(CsvLine::of).toList();
        String csv = SpreadsheetCsv.write(CsvLine.class, lines);
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"donor-" + donorId + ".csv\"")
                             .body(csv);
    }

    @GetMapping(path = "/api/donors/{donorId}/report.pdf", produces = "application/pdf")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @Operation(summary = "The donor's report as a PDF, sealed so that a copy can be verified; in French unless "
            + "lang=en")
    ResponseEntity<byte[]> reportAsPdf(@PathVariable UUID donorId,
                                       @RequestParam(defaultValue = "fr") @Pattern(regexp = LANGUAGES) String lang) {
        Caller.current().requireDonor(donorId);
        return pdf(documents.report(() -> wholeGiftOf(donorId), Locale.forLanguageTag(lang)),
                "donor-report-" + donorId);
    }

    @GetMapping(path = "/api/donors/{donorId}/sanitisation-certificate.pdf", produces = "application/pdf")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @Operation(summary = "A data-sanitisation certificate for the donor's media (one delivery's, when named); in "
            + "French unless lang=en")
    ResponseEntity<byte[]> sanitisationCertificate(@PathVariable UUID donorId,
                                                   @RequestParam(required = false) @Pattern(regexp = ".*\\S.*",
                                                           message = "must not be empty: leave it out for every "
                                                                     + "delivery") String delivery,
                                                   @RequestParam(defaultValue = "fr") @Pattern(regexp = LANGUAGES)
                                                   String lang) {
        // as the delivery's import keeps its reference: "LIV-04 " is the delivery LIV-04
        String reference = delivery == null ? null : AcceptableText.tidied(delivery);
        Caller.current().requireDonor(donorId);
        return pdf(documents.sanitisationCertificate(() -> withDelivery(wholeGiftOf(donorId), reference),
                reference, Locale.forLanguageTag(lang)), "sanitisation-certificate-" + donorId);
    }

    /** Not settled: the documents drawn from it settle it themselves (DonorDocuments), once. */
    private DonorReport wholeGiftOf(UUID donorId) {
        return drawn(FetchDonorReport.wholeGift(donorId), "no donor " + donorId);
    }

    private DonorReport drawn(FetchDonorReport query, String whenNone) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(DonorReport.class)).join()
                      .orElseThrow(() -> new NotInTheReadModels(whenNone));
    }

    private static DonorReport withDelivery(DonorReport report, String delivery) {
        if (delivery != null && report.batches().stream().noneMatch(batch -> batch.reference().equals(delivery))) {
            throw new NotInTheReadModels("no delivery " + delivery + " from donor " + report.donor().donorId());
        }
        return report;
    }

    private static ResponseEntity<byte[]> pdf(byte[] document, String name) {
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"")
                             .body(document);
    }

    @JsonPropertyOrder({"batchReference", "assetTag", "category", "manufacturer", "model", "serialNumber", "state",
            "mediumType", "mediumSerial", "erasure", "level", "technique", "tool", "toolVersion", "verification",
            "erasedAt", "toolReportSha256", "erasureEvidence", "storageRemovalStatedBy", "storageRemovalStatedOn",
            "storageRemovalDocument"})
    record CsvLine(String batchReference, String assetTag, String category, String manufacturer, String model,
                   String serialNumber, String state, String mediumType, String mediumSerial, String erasure,
                   String level, String technique, String tool, String toolVersion, String verification,
                   Instant erasedAt, String toolReportSha256, String erasureEvidence, String storageRemovalStatedBy,
                   LocalDate storageRemovalStatedOn, String storageRemovalDocument) {

        /** Stands for the media of a device that has none, so that the device still has its line. */
        private static final MediumView NO_MEDIUM = new MediumView(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, 0);

        static Stream<CsvLine> of(GivenDevice device) {
            return (device.media().isEmpty() ? Stream.of(NO_MEDIUM) : device.media().stream())
                    .map(medium -> line(device, medium));
        }

        /** The device's erasure evidence and the donor's statement, if any, are repeated on each of its lines. */
        private static CsvLine line(GivenDevice device, MediumView medium) {
            Optional<StorageRemovalStatement> removal = Optional.ofNullable(device.storageRemoval());
            return new CsvLine(device.donationBatchReference(), device.assetTag(), name(device.category()),
                    device.manufacturer(), device.model(), device.serialNumber(), name(device.state()),
                    name(medium.mediaType()), medium.serialNumber(), name(medium.erasureStatus()),
                    name(medium.sanitisationLevel()), name(medium.sanitisationTechnique()), medium.sanitisationTool(),
                    medium.sanitisationToolVersion(), name(medium.verificationMethod()), medium.erasedAt(),
                    medium.toolReportSha256(), name(device.erasureEvidence()),
                    removal.map(StorageRemovalStatement::statedBy).orElse(null),
                    removal.map(StorageRemovalStatement::statedOn).orElse(null),
                    removal.map(StorageRemovalStatement::documentReference).orElse(null));
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }
    }
}
