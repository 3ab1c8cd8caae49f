package org.ordinateurssolidaires.web.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The caller a valid bearer token names ({@link ProviderClaims}); a token whose claims break the programme's rules
 * is refused (401), for the provider's configuration is then wrong, not the caller's request.
 */
class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final TokenClaims claims;

    TokenCallers(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        try {
            return new SignedInWithToken(ProviderClaims.caller(token.getClaims(), token.getSubject(), claims), token);
        } catch (ProviderClaims.BrokenRules broken) {
            throw new InvalidBearerTokenException(broken.getMessage());
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
