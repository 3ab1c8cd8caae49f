package org.ordinateurssolidaires.command.batch;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * A donor's reconciliation of its deliveries, from its own page (the query side's {@code /donateur}): the API's
 * request records and commands, for the donor the account belongs to only.
 */
@Controller
class ReconciliationPageForms {

    private static final String DONOR_HOME = "/donateur";

    private final CommandDispatcher commands;
    private final PageForms forms;

    ReconciliationPageForms(CommandDispatcher commands, PageForms forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @PostMapping("/actions/livraisons/{batchId}/confirmation")
    @PreAuthorize(Access.DONOR)
    String confirm(@PathVariable UUID batchId, HttpServletRequest request, CommandOrigin origin,
                   RedirectAttributes flash) {
        return forms.submit(request, flash, "done.batchConfirmed", () -> {
            commands.dispatch(forms.bind(DonationBatchController.Confirmation.class, request, Map.of())
                                   .command(batchId), origin);
            return DONOR_HOME;
        });
    }

    @PostMapping("/actions/livraisons/{batchId}/contestation")
    @PreAuthorize(Access.DONOR)
    String dispute(@PathVariable UUID batchId, HttpServletRequest request, CommandOrigin origin,
                   RedirectAttributes flash) {
        return forms.submit(request, flash, "done.batchDisputed", () -> {
            commands.dispatch(forms.bind(DonationBatchController.Dispute.class, request, Map.of())
                                   .command(batchId), origin);
            return DONOR_HOME;
        });
    }
}
