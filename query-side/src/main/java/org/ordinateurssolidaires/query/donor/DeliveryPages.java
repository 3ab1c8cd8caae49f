package org.ordinateurssolidaires.query.donor;

import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.SpreadsheetCsv;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Staff import a donor's delivery from its CSV file (the form goes to the command side, all or nothing); a refused
 * file comes back to this page with each row at fault, an imported one lands in the inventory with its devices.
 */
@PageController
class DeliveryPages {

    private final DonorRecordRepository donors;

    DeliveryPages(DonorRecordRepository donors) {
        this.donors = donors;
    }

    /**
     * The file to fill in: docs/donation-batch-template.csv, packaged with the app, as French Excel opens it; the
     * import takes it back so, or as Excel saves it.
     */
    @GetMapping("/livraisons/modele.csv")
    @PreAuthorize(Access.STAFF)
    ResponseEntity<byte[]> template() throws IOException {
        String template = new ClassPathResource("delivery/donation-batch-template.csv")
                .getContentAsString(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("modele-livraison.csv").build().toString())
                             .body(SpreadsheetCsv.forSpreadsheet(template));
    }

    @GetMapping("/livraisons/nouvelle")
    @PreAuthorize(Access.STAFF)
    String deliveryForm(Model model) {
        model.addAttribute("donors", donors.findAll(Sort.by("legalName")));
        return "donor/delivery";
    }
}
