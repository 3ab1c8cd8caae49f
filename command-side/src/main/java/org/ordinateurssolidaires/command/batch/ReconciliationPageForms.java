package org.ordinateurssolidaires.command.batch;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * A donor's reconciliation of its deliveries, from its own page (the query side's {@code /donateur}): the API's
 * request records and commands, for the donor the account belongs to only.
 */
@Controller
class ReconciliationPageForms {

    private static final String DONOR_HOME = "/donateur";

    private final PageForms forms;

    ReconciliationPageForms(PageForms forms) {
        this.forms = forms;
    }

    @PostMapping("/actions/livraisons/{batchId}/confirmation")
    @PreAuthorize(Access.DONOR)
    String confirm(@PathVariable UUID batchId, HttpServletRequest request, CommandOrigin origin,
                   RedirectAttributes flash) {
        return forms.send(request, flash, "done.batchConfirmed", DonationBatchController.Confirmation.class,
                form -> form.command(batchId), origin, DONOR_HOME);
    }

    @PostMapping("/actions/livraisons/{batchId}/contestation")
    @PreAuthorize(Access.DONOR)
    String dispute(@PathVariable UUID batchId, HttpServletRequest request, CommandOrigin origin,
                   RedirectAttributes flash) {
        return forms.send(request, flash, "done.batchDisputed", DonationBatchController.Dispute.class,
                form -> form.command(batchId), origin, DONOR_HOME);
    }
}
