package org.ordinateurssolidaires.query.account;

import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchEveryDonorName;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * Admins' page of the accounts: who may sign in, in which roles, for which partner or donor; the forms to open one,
 * change what it may do, set a new password, deactivate or reactivate it, or end its sessions. The forms go to the
 * command side ({@code /actions/comptes}), which keeps the accounts.
 */
@PageController
class AccountsPage {

    private final AccountList accounts;
    private final QueryGateway queries;

    AccountsPage(AccountList accounts, QueryGateway queries) {
        this.accounts = accounts;
        this.queries = queries;
    }

    @GetMapping("/comptes")
    @PreAuthorize(Access.ADMIN)
    String accounts(Model model) {
        // two establishments of one company told apart, as in every list of donors: a donor's account reads its data
        Map<UUID, String> donors = queries.query(new FetchEveryDonorName(), DonorNames.class).join().byDonor();
        model.addAttribute("accounts", accounts.all())
             .addAttribute("partners", accounts.activePartners())
             .addAttribute("donorNames", donors)
             .addAttribute("donors", donors.entrySet().stream()
                                           .map(donor -> new AccountList.Choice(donor.getKey(), donor.getValue()))
                                           .sorted(Comparator.comparing(AccountList.Choice::name)).toList())
             .addAttribute("allRoles", Role.values());
        return "account/accounts";
    }
}
