package org.ordinateurssolidaires.query.account;

import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Admins' page of the accounts: who may sign in, in which roles, for which partner or donor; the forms to open one,
 * change what it may do, set a new password, deactivate or reactivate it, or end its sessions. The forms go to the
 * command side ({@code /actions/comptes}), which keeps the accounts.
 */
@PageController
class AccountsPage {

    private final AccountList accounts;

    AccountsPage(AccountList accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/comptes")
    @PreAuthorize(Access.ADMIN)
    String accounts(Model model) {
        model.addAttribute("accounts", accounts.all())
             .addAttribute("partners", accounts.activePartners())
             .addAttribute("donors", accounts.donors())
             .addAttribute("allRoles", Role.values());
        return "account/accounts";
    }
}
