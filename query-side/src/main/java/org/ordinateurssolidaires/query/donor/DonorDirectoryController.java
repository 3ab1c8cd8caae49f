package org.ordinateurssolidaires.query.donor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The programme's donors, for staff to find one by name. */
@RestController
@Tag(name = "Donors", description = "the companies and public bodies that give devices")
class DonorDirectoryController {

    private final DonorRecordRepository donors;
    private final ReadModelRebuilds rebuilds;

    DonorDirectoryController(DonorRecordRepository donors, ReadModelRebuilds rebuilds) {
        this.donors = donors;
        this.rebuilds = rebuilds;
    }

    record DonorPage(List<DonorReport.Donor> donors, int page, int size, long totalDonors, int totalPages) {
    }

    @GetMapping("/api/donors")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Every donor, by legal name, a page at a time")
    DonorPage donors(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<DonorRecord> found = rebuilds.whole(() -> donors.findAll(PageRequest.of(page, size,
                Sort.by("legalName", "donorId"))), DonorProjection.PROCESSING_GROUP);
        return new DonorPage(found.getContent().stream().map(DonorReport.Donor::of).toList(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }
}
