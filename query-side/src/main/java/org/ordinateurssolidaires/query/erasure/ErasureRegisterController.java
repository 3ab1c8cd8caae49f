package org.ordinateurssolidaires.query.erasure;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The erasure register, searched by what an auditor has in hand: a medium's serial above all. */
@RestController
@Tag(name = "Erasure register", description = "every sanitisation record and destruction, searchable and exportable")
class ErasureRegisterController {

    private final ErasureRegister register;
    private final ReadModelRebuilds rebuilds;

    ErasureRegisterController(ErasureRegister register, ReadModelRebuilds rebuilds) {
        this.register = register;
        this.rebuilds = rebuilds;
    }

    record RegisterPage(List<ErasureRecord> records, int page, int size, long totalRecords, int totalPages) {
    }

    @GetMapping("/api/erasure-register")
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    @Operation(summary = "Sanitisation records and destructions, by time performed; every filter optional")
    RegisterPage search(@Valid @ModelAttribute @ParameterObject ErasureRegister.Search search,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<ErasureRecord> found = rebuilds.whole(() -> register.search(search, page, size),
                ErasureRegisterProjection.PROCESSING_GROUP);
        return new RegisterPage(found.getContent(), page, size, found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping(path = "/api/erasure-register.csv", produces = "text/csv")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    @Operation(summary = "The same search as CSV, every matching record (up to " + ErasureRegister.MAX_CSV_RECORDS
            + ")")
    ResponseEntity<String> searchAsCsv(@Valid @ModelAttribute @ParameterObject ErasureRegister.Search search) {
        return rebuilds.whole(() -> register.csv(search), ErasureRegisterProjection.PROCESSING_GROUP);
    }
}
