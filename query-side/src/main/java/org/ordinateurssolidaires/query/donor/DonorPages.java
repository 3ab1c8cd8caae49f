package org.ordinateurssolidaires.query.donor;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.query.donor.DonorReport.FetchDonorReport;
import org.ordinateurssolidaires.query.provenance.DeviceProvenance.FetchProvenance;
import org.ordinateurssolidaires.query.provenance.ProvenanceEntry;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.query.web.PageController;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A donor's own pages: the devices it gave and where each is in its life, each one's history, and its report and
 * sanitisation certificate to download. Only ever the signed-in donor's own: the donor comes from the account,
 * never from the address, and another donor's device is not found.
 */
@PageController
class DonorPages {

    private final QueryGateway queries;
    private final DonorDocuments documents;

    DonorPages(QueryGateway queries, DonorDocuments documents) {
        this.queries = queries;
        this.documents = documents;
    }

    @GetMapping("/donateur")
    @PreAuthorize(Access.DONOR)
    String gift(Model model) {
        model.addAttribute("report", ownReport());
        return "donor/gift";
    }

    @GetMapping("/donateur/appareils/{deviceId}")
    @PreAuthorize(Access.DONOR)
    String device(@PathVariable UUID deviceId, Model model) {
        DonorReport report = ownReport();
        DonorReport.GivenDevice device = report.devices().stream()
                .filter(given -> given.deviceId().equals(deviceId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no device " + deviceId));
        List<ProvenanceEntry> history = new ArrayList<>(queries.query(new FetchProvenance(deviceId),
                ResponseTypes.multipleInstancesOf(ProvenanceEntry.class)).join().stream()
                .map(ProvenanceEntry::forDonor).toList());
        Collections.reverse(history); // the latest step first, as on staff's device page
        model.addAttribute("device", device).addAttribute("history", history);
        return "donor/device";
    }

    @GetMapping("/donateur/certificat.pdf")
    @PreAuthorize(Access.DONOR)
    ResponseEntity<byte[]> certificate(Locale locale) {
        return pdf(documents.sanitisationCertificate(ownReport(), null, locale), "certificat-effacement");
    }

    @GetMapping("/donateur/rapport.pdf")
    @PreAuthorize(Access.DONOR)
    ResponseEntity<byte[]> report(Locale locale) {
        return pdf(documents.report(ownReport(), locale), "rapport-donateur");
    }

    private DonorReport ownReport() {
        UUID donor = Caller.current().donorId();
        return queries.query(FetchDonorReport.wholeGift(donor), ResponseTypes.optionalInstanceOf(DonorReport.class))
                      .join()
                      .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no donor " + donor));
    }

    private static ResponseEntity<byte[]> pdf(byte[] document, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                             .header(HttpHeaders.CONTENT_DISPOSITION,
                                     ContentDisposition.attachment().filename(name + ".pdf").build().toString())
                             .body(document);
    }
}
