package org.ordinateurssolidaires.web.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person a request comes from, as the application code needs it: who (recorded in every event),
 * in which roles, and for which partner organisation or donor an account of those roles speaks.
 *
 * @param partnerId the partner organisation a {@link Role#PARTNER} account speaks for, otherwise null
 * @param donorId   the donor a {@link Role#DONOR} account speaks for, otherwise null
 */
public record Caller(String username, Set<Role> roles, UUID partnerId, UUID donorId) implements Serializable {

    /** An e-mail address's longest: what an identity provider may name someone with, and records keep whole. */
    public static final int LONGEST_USERNAME = 254;

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the request being handled; only ever asked where the security chain required sign-in. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof Caller caller) {
            return caller; // signed in with a bearer token
        }
        if (principal instanceof SignedIn account) {
            return account.caller();
        }
        throw new AuthenticationCredentialsNotFoundException("no one is signed in");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The role the caller's commands are recorded under: its programme role, or admin for an admin with none (an
     * account that only reads the metrics sends no command, and would be recorded as such).
     */
    public Role actingRole() {
        return roles.stream().filter(Role::inProgramme).findFirst()
                    .orElse(has(Role.ADMIN) || roles.isEmpty() ? Role.ADMIN : Role.MONITORING);
    }

    /** Staff see every partner's things; a partner's account only its own organisation's. */
    public boolean maySeePartner(UUID partner) {
        return has(Role.STAFF) || has(Role.PARTNER) && partner.equals(partnerId);
    }

    /** Staff see every donor's things; a donor's account only its own. */
    public boolean maySeeDonor(UUID donor) {
        return has(Role.STAFF) || has(Role.DONOR) && donor.equals(donorId);
    }

    /** Refuses another partner's things as if they did not exist: 404, never a hint that they do. */
    public void requirePartner(UUID partner) {
        if (!maySeePartner(partner)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no partner " + partner);
        }
    }

    /** Refuses another donor's things as if they did not exist: 404, never a hint that they do. */
    public void requireDonor(UUID donor) {
        if (!maySeeDonor(donor)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no donor " + donor);
        }
    }

    /** A principal that knows the programme's person it stands for (a local account). */
    public interface SignedIn {
        Caller caller();
    }
}
