package org.ordinateurssolidaires.query.erasure;

import org.ordinateurssolidaires.events.device.MediumSerials;
import org.ordinateurssolidaires.query.erasure.ErasureRecord.Outcome;
import org.ordinateurssolidaires.query.web.SpreadsheetCsv;
import org.ordinateurssolidaires.web.ParameterRefused;
import org.ordinateurssolidaires.web.PlausibleTime;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The register's search, by time performed, and its CSV: the API's and the auditor's page alike. */
@Component
class ErasureRegister {

    /** A whole register fits; beyond it, narrow the search (by date, donor, ...). */
    static final int MAX_CSV_RECORDS = 100_000;
    private static final Sort ORDER = Sort.by("performedAt", "storePosition");

    private final ErasureRecordRepository records;

    ErasureRegister(ErasureRecordRepository records) {
        this.records = records;
    }

    /**
     * The filters, each optional, bound from the query string by both endpoints; given together, a record must
     * match them all.
     *
     * @param serial the medium's, as it reads: case, spaces and dashes aside
     * @param from   performed at or after (an ISO instant, or a day: its start in the programme's time zone)
     * @param to     performed before (the same; {@code to=2026-03-03} ends with 2 March)
     */
    public record Search(String serial, UUID deviceId, UUID donorId, @PlausibleTime.Within Instant from,
                         @PlausibleTime.Within Instant to, String operator, Outcome outcome) {

        /** The letters with accents French names have, and the same without: what the SQL side can take off. */
        private static final String ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
        private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY";

        /** The same search, ending at {@code end}. */
        Search endingAt(Instant end) {
            return new Search(serial, deviceId, donorId, from, end, operator, outcome);
        }

        /** Whether the period, when both its ends are given, starts before it ends: otherwise it holds nothing. */
        boolean periodInOrder() {
            return from == null || to == null || from.isBefore(to);
        }

        Specification<ErasureRecord> matching() {
            if (!periodInOrder()) {
                throw ParameterRefused.atOdds("to", "must come after from");
            }
            return Specification.allOf(
                    serialRead(), equal("deviceId", deviceId), equal("donorId", donorId),
                    (record, query, where) -> from == null ? null : where.greaterThanOrEqualTo(record.get("performedAt"), from),
                    (record, query, where) -> to == null ? null : where.lessThan(record.get("performedAt"), to),
                    partOfTheText("operator", operator), equal("outcome", outcome));
        }

        /**
         * The medium's serial as a scanner or a keyboard gives it ({@link MediumSerials}); one of separators alone
         * reads as no serial, which no record has.
         */
        private Specification<ErasureRecord> serialRead() {
            if (serial == null || serial.isBlank()) {
                return Specification.unrestricted();
            }
            String reading = MediumSerials.asScanned(serial);
            return (record, query, where) -> reading == null ? where.disjunction()
                    : where.equal(record.get("serialKey"), reading);
        }

        private static Specification<ErasureRecord> equal(String attribute, Object value) {
            return (record, query, where) -> value == null ? null : where.equal(record.get(attribute), value);
        }

        /**
         * Part of the text, case, accents and surrounding spaces aside: an operator is found by a name as an auditor
         * knows it ("Martin" for Léa Martin, "Ines" for Inès), however staff typed it. The stored name loses the
         * accents of French names in SQL (translate, on PostgreSQL and H2 alike); read row by row (no index serves a
         * part of a name), as the exact name in capitals was: the register's other filters, when given, narrow it.
         */
        private static Specification<ErasureRecord> partOfTheText(String attribute, String value) {
            return (record, query, where) -> value == null || value.isBlank() ? null
                    : where.like(where.upper(where.function("translate", String.class, record.get(attribute),
                                    where.literal(ACCENTED), where.literal(PLAIN))),
                            "%" + withoutAccents(value.strip()).toUpperCase(Locale.ROOT).replace("\\", "\\\\")
                                    .replace("%", "\\%").replace("_", "\\_") + "%", '\\');
        }

        private static String withoutAccents(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
    }

    Page<ErasureRecord> search(Search search, int page, int size) {
        return records.findAll(search.matching(), PageRequest.of(page, size, ORDER));
    }

    /** The API's CSV of the records found. */
    ResponseEntity<String> csv(Search search) {
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"erasure-register.csv\"")
                             .body(SpreadsheetCsv.write(ErasureRecord.class, everyRecord(search)));
    }

    /** The page's download of the records found, said in the reader's {@code words}. */
    ResponseEntity<byte[]> spreadsheet(Search search, SpreadsheetCsv.Words words) {
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("registre-des-effacements.csv").build().toString())
                             .body(SpreadsheetCsv.forSpreadsheet(ErasureRecord.class, words, everyRecord(search)));
    }

    private List<ErasureRecord> everyRecord(Search search) {
        Page<ErasureRecord> found = records.findAll(search.matching(), PageRequest.of(0, MAX_CSV_RECORDS, ORDER));
        if (found.getTotalElements() > MAX_CSV_RECORDS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, found.getTotalElements() + " records match: "
                    + "narrow the search (from, to, donorId...) to at most " + MAX_CSV_RECORDS);
        }
        return found.getContent();
    }
}
