package org.ordinateurssolidaires.command.account;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.account.AccountRequests.AccountAccess;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.AccountDirectory;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * Admins' forms on the accounts page (the query side's {@code /comptes}): open an account, change what it may do,
 * set a new password, deactivate or reactivate it, end its sessions; the API's request records, held to the same
 * rules ({@link Accounts}).
 */
@Controller
class AccountPageForms {

    private static final String ACCOUNTS_PAGE = "/comptes";

    private final Accounts accounts;
    private final PageForms forms;

    AccountPageForms(Accounts accounts, PageForms forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    @PostMapping("/actions/comptes")
    @PreAuthorize(Access.ADMIN)
    String open(HttpServletRequest request, RedirectAttributes flash) {
        return forms.submit(request, flash, "done.accountOpened", () -> {
            AccountRequests.Open form = forms.bind(AccountRequests.Open.class, request, Map.of());
            accounts.open(form.username(), form.password(), form.access(), Caller.current().username());
            return ACCOUNTS_PAGE;
        });
    }

    @PostMapping("/actions/comptes/{username}/acces")
    @PreAuthorize(Access.ADMIN)
    String grant(@PathVariable String username, HttpServletRequest request, RedirectAttributes flash) {
        return forms.submit(request, flash, "done.accessChanged", () -> {
            AccountAccess access = forms.bind(AccountAccess.class, request, Map.of());
            accounts.grant(AccountDirectory.canonical(username), access, Caller.current().username());
            return ACCOUNTS_PAGE;
        });
    }

    @PostMapping("/actions/comptes/{username}/mot-de-passe")
    @PreAuthorize(Access.ADMIN)
    String setPassword(@PathVariable String username, HttpServletRequest request, RedirectAttributes flash) {
        String account = AccountDirectory.canonical(username);
        return forms.submit(request, flash, "done.passwordSet", () -> {
            AccountRequests.NewPassword form = forms.bind(AccountRequests.NewPassword.class, request, Map.of());
            form.refuseGuessableFrom(account);
            accounts.setPassword(account, form.password(), Caller.current().username());
            return ACCOUNTS_PAGE;
        });
    }

    @PostMapping("/actions/comptes/{username}/desactivation")
    @PreAuthorize(Access.ADMIN)
    String deactivate(@PathVariable String username, HttpServletRequest request, RedirectAttributes flash) {
        return forms.press(request, flash, "done.accountDeactivated", () -> accounts.enable(
                AccountDirectory.canonical(username), false, Caller.current().username()), ACCOUNTS_PAGE);
    }

    @PostMapping("/actions/comptes/{username}/reactivation")
    @PreAuthorize(Access.ADMIN)
    String reactivate(@PathVariable String username, HttpServletRequest request, RedirectAttributes flash) {
        return forms.press(request, flash, "done.accountReactivated", () -> accounts.enable(
                AccountDirectory.canonical(username), true, Caller.current().username()), ACCOUNTS_PAGE);
    }

    @PostMapping("/actions/comptes/{username}/fin-des-sessions")
    @PreAuthorize(Access.ADMIN)
    String endSessions(@PathVariable String username, HttpServletRequest request, RedirectAttributes flash) {
        return forms.press(request, flash, "done.sessionsEnded", () -> accounts.endSessionsOf(
                AccountDirectory.canonical(username), Caller.current().username()), ACCOUNTS_PAGE);
    }
}
