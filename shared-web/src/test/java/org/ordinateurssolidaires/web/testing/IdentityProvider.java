package org.ordinateurssolidaires.web.testing;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real OpenID Connect provider (discovery, signing keys, signed tokens) started in-process for a test class,
 * as the city's identity provider would be in production: the app under test finds it through its issuer URI.
 * Registered as the class's extension ({@code @RegisterExtension}), it stops after the class.
 */
public final class IdentityProvider implements AfterAllCallback {

    private static final String ISSUER = "ville-de-poitiers";
    /** The programme's client id at the provider: the audience of its tokens. */
    private static final String CLIENT = "ordinateurs-solidaires";

    private final MockOAuth2Server server = new MockOAuth2Server();

    private IdentityProvider() {
    }

    public static IdentityProvider started() {
        IdentityProvider provider = new IdentityProvider();
        provider.server.start();
        return provider;
    }

    /** Points the app's resource server at this provider. */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> server.issuerUrl(ISSUER).toString());
    }

    /**
     * Registers this provider for the browsers' sign-in too (OpenID Connect login, registration {@code ville}), with
     * the client id its tokens are for.
     */
    public void configureBrowserSignIn(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration.ville.";
        registry.add(registration + "client-id", () -> CLIENT);
        registry.add(registration + "client-secret", () -> "the tests' client secret");
        registry.add(registration + "client-name", () -> "Ville de Poitiers");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.ville.issuer-uri", () -> server.issuerUrl(ISSUER).toString());
    }

    /** The person the next browser sign-in names, with the claims given. */
    public void nextSignInAs(Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "agent-" + UUID.randomUUID(), "JWT",
                List.of(CLIENT), claims, 3600));
    }

    /** A token this provider signed for a subject of its own, with the claims given. */
    public String token(Map<String, Object> claims) {
        return server.issueToken(ISSUER, "agent-" + UUID.randomUUID(), CLIENT, claims).serialize();
    }

    /** A token past its expiry by a minute. */
    public String expiredToken(Map<String, Object> claims) {
        return server.issueToken(ISSUER, "agent-" + UUID.randomUUID(), CLIENT, claims, -60)
                     .serialize();
    }

    /** A well-signed token from an issuer the app does not trust. */
    public String tokenOfAnotherIssuer(Map<String, Object> claims) {
        return server.issueToken("another-provider", "agent-" + UUID.randomUUID(), CLIENT, claims)
                     .serialize();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.shutdown();
    }
}
