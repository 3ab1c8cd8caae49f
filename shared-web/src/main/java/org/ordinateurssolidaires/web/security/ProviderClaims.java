package org.ordinateurssolidaires.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller the identity provider's claims name, bearer token or browser sign-in alike, held to the same rules as a
 * local account: at most one programme role beside admin and monitoring, and a partner's or donor's claims name the
 * one it speaks for (and no other's do). Claims that break them are the provider's configuration's fault, not the caller's.
 */
final class ProviderClaims {

    private ProviderClaims() {
    }

    /** Thrown when the claims break the programme's rules; the message says which. */
    static final class BrokenRules extends Exception {
        BrokenRules(String why) {
            super(why);
        }
    }

    static Caller caller(Map<String, Object> claims, String subject, TokenClaims names) throws BrokenRules {
        String username = Optional.ofNullable(claim(claims, names.username())).map(Object::toString)
                                  .filter(name -> !name.isBlank()).orElse(subject);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim(claims, names.roles()) instanceof Collection<?> codes) {
            codes.forEach(code -> Role.ofCode(String.valueOf(code).toLowerCase(Locale.ROOT)).ifPresent(roles::add));
        }
        Caller caller = new Caller(username, roles, id(claims, names.partner()), id(claims, names.donor()));
        if (username == null || username.length() > Caller.LONGEST_USERNAME
            || !Role.oneProgrammeRoleAtMost(roles)
            || caller.has(Role.PARTNER) != (caller.partnerId() != null)
            || caller.has(Role.DONOR) != (caller.donorId() != null)) {
            throw new BrokenRules("the provider's name, roles or binding for this person break the programme's rules"
                    + " (docs/security.md)");
        }
        return caller;
    }

    /** A claim by its name, or by a dotted path into nested claims. */
    private static Object claim(Map<String, Object> claims, String name) {
        Object value = claims;
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> nested)) {
                return null;
            }
            value = nested.get(part);
        }
        return value;
    }

    private static UUID id(Map<String, Object> claims, String name) throws BrokenRules {
        Object value = claim(claims, name);
        try {
            return value == null ? null : UUID.fromString(value.toString());
        } catch (IllegalArgumentException notAnId) {
            throw new BrokenRules("the provider's " + name + " is not an id");
        }
    }
}
