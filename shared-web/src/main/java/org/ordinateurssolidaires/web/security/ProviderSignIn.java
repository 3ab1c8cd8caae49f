package org.ordinateurssolidaires.web.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A browser's sign-in through the identity provider (OpenID Connect, authorization code): the person the provider
 * names, read from its claims as a bearer token's are ({@link ProviderClaims}), becomes the session's caller. Claims
 * that break the programme's rules end the sign-in on the login page, with no session.
 */
class ProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final TokenClaims claims;

    ProviderSignIn(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        try {
            return new SignedInWithProvider(ProviderClaims.caller(person.getClaims(), person.getSubject(), claims),
                    person);
        } catch (ProviderClaims.BrokenRules broken) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    broken.getMessage(), null));
        }
    }

    /** The provider's person, known to the application code as its {@link Caller}. */
    static final class SignedInWithProvider extends DefaultOidcUser implements Caller.SignedIn {

        private final Caller caller;

        SignedInWithProvider(Caller caller, OidcUser person) {
            super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                    person.getIdToken(), person.getUserInfo(), IdTokenClaimNames.SUB);
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.username();
        }
    }
}
