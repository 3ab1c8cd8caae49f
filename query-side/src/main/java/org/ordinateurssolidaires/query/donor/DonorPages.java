package org.ordinateurssolidaires.query.donor;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.query.donor.DonorReport.FetchDonorReport;
import org.ordinateurssolidaires.query.provenance.DeviceProvenance.FetchProvenance;
import org.ordinateurssolidaires.query.provenance.ProvenanceEntry;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A donor's own pages: the devices it gave and where each is in its life, each one's history, its agreements, its
 * deliveries to confirm or dispute, the ceremonies it is invited to, and its report and sanitisation certificate
 * to download. Only ever the signed-in donor's own: the donor comes from the account, never from the address, and
 * another donor's device is not found. Staff see every donor the same way ({@code /donateurs}).
 */
@PageController
class DonorPages {

    private static final int PAGE_SIZE = 50;
    /** As the API's list of donors bounds its page (DonorDirectoryController). */
    private static final int LAST_PAGE = 100_000;

    private final QueryGateway queries;
    private final DonorDocuments documents;
    private final DonorRecordRepository donors;
    private final StepsAlreadyRecorded recorded;

    DonorPages(QueryGateway queries, DonorDocuments documents, DonorRecordRepository donors,
               StepsAlreadyRecorded recorded) {
        this.queries = queries;
        this.documents = documents;
        this.donors = donors;
        this.recorded = recorded;
    }

    @GetMapping("/donateur")
    @PreAuthorize(Access.DONOR)
    String gift(Model model) throws InterruptedException {
        recorded.awaitAfterAForm(model, DonorProjection.PROCESSING_GROUP);
        model.addAttribute("report", ownReport()).addAttribute("staffView", false);
        return "donor/gift";
    }

    /** Staff's list of donors, by legal name. */
    @GetMapping("/donateurs")
    @PreAuthorize(Access.STAFF)
    String donors(@RequestParam(defaultValue = "0") int page, Model model) {
        int index = Math.max(0, Math.min(page, LAST_PAGE));
        model.addAttribute("donors", donors.findAll(PageRequest.of(index, PAGE_SIZE, Sort.by("legalName", "donorId"))));
        return "donor/donors";
    }

    /** A donor as staff follow it: the donor's own page, with staff's links and without the donor's forms. */
    @GetMapping("/donateurs/{donorId}")
    @PreAuthorize(Access.STAFF)
    String donor(@PathVariable UUID donorId, Model model) {
        model.addAttribute("report", reportOf(donorId)).addAttribute("staffView", true);
        return "donor/gift";
    }

    @GetMapping("/donateurs/{donorId}/certificat.pdf")
    @CostlyToAnswer // as the API's: a PDF takes a core for a while
    @PreAuthorize(Access.STAFF)
    ResponseEntity<byte[]> certificateOf(@PathVariable UUID donorId, Locale locale) {
        return pdf(documents.sanitisationCertificate(() -> reportOf(donorId), null, locale), "certificat-effacement");
    }

    @GetMapping("/donateurs/{donorId}/rapport.pdf")
    @CostlyToAnswer // as the API's: a PDF takes a core for a while
    @PreAuthorize(Access.STAFF)
    ResponseEntity<byte[]> reportOf(@PathVariable UUID donorId, Locale locale) {
        return pdf(documents.report(() -> reportOf(donorId), locale), "rapport-donateur");
    }

    @GetMapping("/donateur/appareils/{deviceId}")
    @PreAuthorize(Access.DONOR)
    String device(@PathVariable UUID deviceId, Model model) {
        DonorReport report = ownReport();
        DonorReport.GivenDevice device = report.devices().stream()
                .filter(given -> given.deviceId().equals(deviceId)).findFirst()
                .orElseThrow(() -> new NotInTheReadModels("no device " + deviceId));
        List<ProvenanceEntry> history = new ArrayList<>(queries.query(new FetchProvenance(deviceId),
                ResponseTypes.multipleInstancesOf(ProvenanceEntry.class)).join().stream()
                .map(ProvenanceEntry::forDonor).toList());
        Collections.reverse(history); // the latest step first, as on staff's device page
        model.addAttribute("device", device).addAttribute("history", history);
        return "donor/device";
    }

    @GetMapping("/donateur/certificat.pdf")
    @CostlyToAnswer // as the API's: a PDF takes a core for a while
    @PreAuthorize(Access.DONOR)
    ResponseEntity<byte[]> certificate(Locale locale) {
        return pdf(documents.sanitisationCertificate(this::ownReport, null, locale), "certificat-effacement");
    }

    @GetMapping("/donateur/rapport.pdf")
    @CostlyToAnswer // as the API's: a PDF takes a core for a while
    @PreAuthorize(Access.DONOR)
    ResponseEntity<byte[]> report(Locale locale) {
        return pdf(documents.report(this::ownReport, locale), "rapport-donateur");
    }

    private DonorReport ownReport() {
        return reportOf(Caller.current().donorId());
    }

    private DonorReport reportOf(UUID donor) {
        return queries.query(FetchDonorReport.wholeGift(donor), ResponseTypes.optionalInstanceOf(DonorReport.class))
                      .join()
                      .orElseThrow(() -> new NotInTheReadModels("no donor " + donor));
    }

    private static ResponseEntity<byte[]> pdf(byte[] document, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                             .header(HttpHeaders.CONTENT_DISPOSITION,
                                     ContentDisposition.attachment().filename(name + ".pdf").build().toString())
                             .body(document);
    }
}
