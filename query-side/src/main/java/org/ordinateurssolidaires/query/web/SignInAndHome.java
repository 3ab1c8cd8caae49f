package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.web.security.Role;
import org.ordinateurssolidaires.web.security.SignInRefused;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/** The pages' sign-in, and each role's way in: the address people are given lands on their own home page. */
@PageController
class SignInAndHome {

    private final ObjectProvider<ClientRegistrationRepository> providers;

    SignInAndHome(ObjectProvider<ClientRegistrationRepository> providers) {
        this.providers = providers;
    }

    /**
     * The login form, and the identity providers registered for browsers (docs/security.md, "Signing in"); after a
     * refused sign-in, the username that was typed, and how long a paused try has to wait.
     */
    @GetMapping("/login")
    @PreAuthorize(Access.ANYONE)
    String signIn(Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("username", SignInRefused.usernameTyped(request, response));
        Long pausedFor = SignInRefused.pausedFor(request, response);
        if (pausedFor != null) { // as a person reads a wait: seconds, then whole minutes
            model.addAttribute("pausedFor", pausedFor < 60 ? pausedFor + " s" : (pausedFor + 59) / 60 + " min");
        }
        List<ClientRegistration> registered = new ArrayList<>();
        providers.ifAvailable(repository -> {
            if (repository instanceof Iterable<?> all) {
                all.forEach(registration -> registered.add((ClientRegistration) registration));
            }
        });
        model.addAttribute("providers", registered);
        return "login";
    }

    /**
     * Each role's home; an account with several roles lands on the first of staff, donor, partner, auditor, and an
     * admin with no programme role on the accounts.
     */
    @GetMapping("/")
    @PreAuthorize(Access.SIGNED_IN)
    String home() {
        Caller caller = Caller.current();
        if (caller.has(Role.STAFF)) {
            return "redirect:/tableau-de-bord";
        }
        if (caller.has(Role.DONOR)) {
            return "redirect:/donateur";
        }
        if (caller.has(Role.PARTNER)) {
            return "redirect:/partenaire";
        }
        if (caller.has(Role.AUDITOR)) {
            return "redirect:/audit";
        }
        return caller.has(Role.ADMIN) ? "redirect:/comptes" : "home";
    }
}
