package org.ordinateurssolidaires.query.ceremony;

import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchEveryDonorName;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * Staff's page of the hand-over ceremonies: those to come, each with its invited donors and the forms to invite
 * more, move it, call it off or record it held; then those past. The forms go to the command side
 * ({@code /actions/ceremonies}).
 */
@PageController
class CeremonyPages {

    private final CeremonyRepository ceremonies;
    private final QueryGateway queries;
    private final StepsAlreadyRecorded recorded;

    CeremonyPages(CeremonyRepository ceremonies, QueryGateway queries, StepsAlreadyRecorded recorded) {
        this.ceremonies = ceremonies;
        this.queries = queries;
        this.recorded = recorded;
    }

    @GetMapping("/ceremonies")
    @PreAuthorize(Access.STAFF)
    String ceremonies(Model model) throws InterruptedException {
        recorded.awaitAfterAForm(model, CeremonyProjection.PROCESSING_GROUP);
        Map<UUID, String> donors = queries.query(new FetchEveryDonorName(), DonorNames.class).join().byDonor();
        model.addAttribute("planned", ceremonies.findByStatusOrderByCeremonyDateAscCeremonyIdAsc(
                     CeremonyRecord.Status.PLANNED))
             .addAttribute("past", ceremonies.findByStatusNotOrderByCeremonyDateDescCeremonyIdDesc(
                     CeremonyRecord.Status.PLANNED))
             .addAttribute("donorNames", donors)
             .addAttribute("donorsByName", donors.entrySet().stream()
                                                 .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                                                 .toList());
        return "ceremony/ceremonies";
    }
}
