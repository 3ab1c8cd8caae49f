package org.ordinateurssolidaires.web.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller a valid bearer token names, held to the same rules as a local account: at most one programme role
 * beside admin, and a partner's or donor's token names the one it speaks for (and no other token does). A token
 * that breaks them is refused (401), for the provider's configuration is then wrong, not the caller's request.
 */
class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final TokenClaims claims;

    TokenCallers(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String username = Optional.ofNullable(claim(token, claims.username())).map(Object::toString)
                                  .filter(name -> !name.isBlank()).orElse(token.getSubject());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim(token, claims.roles()) instanceof Collection<?> codes) {
            codes.forEach(code -> Role.ofCode(String.valueOf(code).toLowerCase(Locale.ROOT)).ifPresent(roles::add));
        }
        Caller caller = new Caller(username, roles, id(token, claims.partner()), id(token, claims.donor()));
        if (username == null || username.length() > Caller.LONGEST_USERNAME || roles.stream().filter(role -> role != Role.ADMIN).count() > 1
            || caller.has(Role.PARTNER) != (caller.partnerId() != null)
            || caller.has(Role.DONOR) != (caller.donorId() != null)) {
            throw new InvalidBearerTokenException("the token's name, roles or binding break the programme's rules"
                    + " (docs/security.md)");
        }
        return new SignedInWithToken(caller, token);
    }

    /** A claim by its name, or by a dotted path into nested claims. */
    private static Object claim(Jwt token, String name) {
        Object value = token.getClaims();
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> claims)) {
                return null;
            }
            value = claims.get(part);
        }
        return value;
    }

    private static UUID id(Jwt token, String name) {
        Object value = claim(token, name);
        try {
            return value == null ? null : UUID.fromString(value.toString());
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidBearerTokenException("the token's " + name + " is not an id");
        }
    }

    /** A caller signed in with a bearer token: the caller is the principal, the token its credentials. */
    static final class SignedInWithToken extends AbstractAuthenticationToken {

        private final Caller caller;
        private final transient Jwt token;

        SignedInWithToken(Caller caller, Jwt token) {
            super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
            this.caller = caller;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public String getName() {
            return caller.username();
        }
    }
}
