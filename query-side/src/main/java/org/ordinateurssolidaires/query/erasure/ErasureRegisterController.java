package org.ordinateurssolidaires.query.erasure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ordinateurssolidaires.query.erasure.ErasureRecord.Outcome;
import org.ordinateurssolidaires.query.web.SpreadsheetCsv;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The erasure register, searched by what an auditor has in hand: a medium's serial above all. */
@RestController
@Tag(name = "Erasure register", description = "every sanitisation record and destruction, searchable and exportable")
class ErasureRegisterController {

    /** A whole register fits; beyond it, narrow the search (by date, donor, ...). */
    static final int MAX_CSV_RECORDS = 100_000;
    private static final Sort ORDER = Sort.by("performedAt", "storePosition");

    private final ErasureRecordRepository records;

    ErasureRegisterController(ErasureRecordRepository records) {
        this.records = records;
    }

    /**
     * The filters, each optional, bound from the query string by both endpoints; given together, a record must
     * match them all.
     *
     * @param from performed at or after (an ISO instant, or a day: its start in the programme's time zone)
     * @param to   performed before (the same; {@code to=2026-03-03} ends with 2 March)
     */
    record Search(String serial, UUID deviceId, UUID donorId, Instant from, Instant to, String operator,
                  Outcome outcome) {

        Specification<ErasureRecord> matching() {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must come before to");
            }
            return Specification.allOf(
                    equal("serialKey", serial == null || serial.isBlank() ? null : ErasureRecord.serialKey(serial)),
                    equal("deviceId", deviceId), equal("donorId", donorId),
                    (record, query, where) -> from == null ? null : where.greaterThanOrEqualTo(record.get("performedAt"), from),
                    (record, query, where) -> to == null ? null : where.lessThan(record.get("performedAt"), to),
                    sameText("operator", operator), equal("outcome", outcome));
        }

        private static Specification<ErasureRecord> equal(String attribute, Object value) {
            return (record, query, where) -> value == null ? null : where.equal(record.get(attribute), value);
        }

        /** Case and surrounding spaces do not matter: an operator is found however staff typed the name. */
        private static Specification<ErasureRecord> sameText(String attribute, String value) {
            return (record, query, where) -> value == null || value.isBlank() ? null
                    : where.equal(where.upper(record.get(attribute)), value.strip().toUpperCase(Locale.ROOT));
        }
    }

    record RegisterPage(List<ErasureRecord> records, int page, int size, long totalRecords, int totalPages) {
    }

    @GetMapping("/api/erasure-register")
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    @Operation(summary = "Sanitisation records and destructions, by time performed; every filter optional")
    RegisterPage search(@ParameterObject Search search,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<ErasureRecord> found = records.findAll(search.matching(), PageRequest.of(page, size, ORDER));
        return new RegisterPage(found.getContent(), page, size, found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping(path = "/api/erasure-register.csv", produces = "text/csv")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    @Operation(summary = "The same search as CSV, every matching record (up to " + MAX_CSV_RECORDS + ")")
    ResponseEntity<String> searchAsCsv(@ParameterObject Search search) {
        Page<ErasureRecord> found = records.findAll(search.matching(), PageRequest.of(0, MAX_CSV_RECORDS, ORDER));
        if (found.getTotalElements() > MAX_CSV_RECORDS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, found.getTotalElements() + " records match: "
                    + "narrow the search (from, to, donorId...) to at most " + MAX_CSV_RECORDS);
        }
        String csv = SpreadsheetCsv.write(ErasureRecord.class, found.getContent());
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"erasure-register.csv\"")
                             .body(csv);
    }
}
