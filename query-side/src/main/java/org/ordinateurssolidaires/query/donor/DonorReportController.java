package org.ordinateurssolidaires.query.donor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.query.donor.DonorReport.FetchDonorReport;
import org.ordinateurssolidaires.query.donor.DonorReport.GivenDevice;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.MediumView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The donor report. Every URL is scoped by donor, so that access can be limited to the donor itself. */
@RestController
@Tag(name = "Donor report", description = "what became of a donor's gift")
class DonorReportController {

    private static final CsvMapper CSV = CsvMapper.builder()
                                                  .addModule(new JavaTimeModule())
                                                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                  .build();

    private final QueryGateway queries;

    DonorReportController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/donors/{donorId}/report")
    @Operation(summary = "The donor's devices, erasure proof, households equipped, ceremonies and impact")
    DonorReport report(@PathVariable UUID donorId) {
        return queries.query(new FetchDonorReport(donorId), ResponseTypes.optionalInstanceOf(DonorReport.class))
                      .join()
                      .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no donor " + donorId));
    }

    /** One line per storage medium (or per device without media), for a spreadsheet. */
    @GetMapping(path = "/api/donors/{donorId}/report.csv", produces = "text/csv")
    @Operation(summary = "The donor's devices and the erasure of each medium, as CSV")
    ResponseEntity<String> reportAsCsv(@PathVariable UUID donorId) throws JsonProcessingException {
        List<CsvLine> lines = report(donorId).devices().stream().flatMap(CsvLine::of).toList();
        String csv = CSV.writer(CSV.schemaFor(CsvLine.class).withHeader()).writeValueAsString(lines);
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"donor-" + donorId + ".csv\"")
                             .body(csv);
    }

    @JsonPropertyOrder({"batchReference", "assetTag", "category", "manufacturer", "model", "serialNumber", "state",
            "mediumType", "mediumSerial", "erasure", "level", "technique", "tool", "toolVersion", "verification",
            "erasedAt", "toolReportSha256"})
    record CsvLine(String batchReference, String assetTag, String category, String manufacturer, String model,
                   String serialNumber, String state, String mediumType, String mediumSerial, String erasure,
                   String level, String technique, String tool, String toolVersion, String verification,
                   Instant erasedAt, String toolReportSha256) {

        /** Stands for the media of a device that has none, so that the device still has its line. */
        private static final MediumView NO_MEDIUM = new MediumView(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, 0);

        static Stream<CsvLine> of(GivenDevice device) {
            return (device.media().isEmpty() ? Stream.of(NO_MEDIUM) : device.media().stream())
                    .map(medium -> line(device, medium));
        }

        private static CsvLine line(GivenDevice device, MediumView medium) {
            return new CsvLine(device.donationBatchReference(), device.assetTag(), name(device.category()),
                    device.manufacturer(), device.model(), device.serialNumber(), name(device.state()),
                    name(medium.mediaType()), medium.serialNumber(), name(medium.erasureStatus()),
                    name(medium.sanitisationLevel()), name(medium.sanitisationTechnique()), medium.sanitisationTool(),
                    medium.sanitisationToolVersion(), name(medium.verificationMethod()), medium.erasedAt(),
                    medium.toolReportSha256());
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }
    }
}
