package org.ordinateurssolidaires.command.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ordinateurssolidaires.command.account.AccountRequests.AccountAccess;
import org.ordinateurssolidaires.command.account.AccountRequests.AccountView;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.AccountDirectory;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The local accounts, managed by admins (docs/security.md). */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts", description = "who may sign in, in which roles, for which partner or donor (admins only)")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Open an account; its holder signs in with the username and password given")
    @ApiResponse(responseCode = "409", description = "an account of that name exists (ACCOUNT_NAME_TAKEN_ONCE), or its "
                                                     + "partner was deactivated (ACCOUNT_OF_AN_ACTIVE_PARTNER)")
    AccountView open(@Valid @RequestBody AccountRequests.Open request) {
        accounts.open(request.username(), request.password(), request.access(), Caller.current().username());
        return account(request.username());
    }

    @GetMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Every account, by username")
    List<AccountView> accounts() {
        return accounts.all();
    }

    @GetMapping("/{username}")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "One account")
    AccountView account(@PathVariable String username) {
        return accounts.find(AccountDirectory.canonical(username)).orElseThrow(() -> new UnknownEntity(
                UnknownEntity.Kind.ACCOUNT, "no account " + username));
    }

    @PutMapping("/{username}/access")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Change an account's roles and the partner or donor it speaks for; its browser sessions end")
    @ApiResponse(responseCode = "409", description = "this would leave no enabled admin (AN_ENABLED_ADMIN_REMAINS), or "
                                                     + "the partner was deactivated (ACCOUNT_OF_AN_ACTIVE_PARTNER)")
    void grant(@PathVariable String username, @Valid @RequestBody AccountAccess access) {
        accounts.grant(AccountDirectory.canonical(username), access, Caller.current().username());
    }

    @PutMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Set a new password for an account (its holder forgot it, or it was given away); its browser"
                         + " sessions end", description = "Held to an opening's rules, the username among what makes"
                                                          + " a password easy to guess (400 on password).")
    void setPassword(@PathVariable String username, @Valid @RequestBody AccountRequests.NewPassword request) {
        String account = AccountDirectory.canonical(username);
        request.refuseGuessableFrom(account);
        accounts.setPassword(account, request.password(), Caller.current().username());
    }

    @PostMapping("/{username}/deactivation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Stop an account from signing in and end its browser sessions; what it did stays recorded"
                         + " under its name")
    @ApiResponse(responseCode = "409", description = "this would leave no enabled admin (AN_ENABLED_ADMIN_REMAINS)")
    void deactivate(@PathVariable String username) {
        accounts.enable(AccountDirectory.canonical(username), false, Caller.current().username());
    }

    @DeleteMapping("/{username}/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "End an account's browser sessions in both apps, leaving the account as it is (a computer left"
                         + " signed in, or lost)")
    void endSessions(@PathVariable String username) {
        accounts.endSessionsOf(AccountDirectory.canonical(username), Caller.current().username());
    }

    @PostMapping("/{username}/reactivation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Let a deactivated account sign in again")
    @ApiResponse(responseCode = "409", description = "its partner was deactivated (ACCOUNT_OF_AN_ACTIVE_PARTNER)")
    void reactivate(@PathVariable String username) {
        accounts.enable(AccountDirectory.canonical(username), true, Caller.current().username());
    }
}
