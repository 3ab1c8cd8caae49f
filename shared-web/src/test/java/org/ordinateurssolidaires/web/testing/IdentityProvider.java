package org.ordinateurssolidaires.web.testing;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Map;
import java.util.UUID;

/**
 * A real OpenID Connect provider (discovery, signing keys, signed tokens) started in-process for a test class,
 * as the city's identity provider would be in production: the app under test finds it through its issuer URI.
 * Registered as the class's extension ({@code @RegisterExtension}), it stops after the class.
 */
public final class IdentityProvider implements AfterAllCallback {

    private static final String ISSUER = "ville-de-poitiers";

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

    /** A token this provider signed for a subject of its own, with the claims given. */
    public String token(Map<String, Object> claims) {
        return server.issueToken(ISSUER, "agent-" + UUID.randomUUID(), "ordinateurs-solidaires", claims).serialize();
    }

    /** A token past its expiry by a minute. */
    public String expiredToken(Map<String, Object> claims) {
        return server.issueToken(ISSUER, "agent-" + UUID.randomUUID(), "ordinateurs-solidaires", claims, -60)
                     .serialize();
    }

    /** A well-signed token from an issuer the app does not trust. */
    public String tokenOfAnotherIssuer(Map<String, Object> claims) {
        return server.issueToken("another-provider", "agent-" + UUID.randomUUID(), "ordinateurs-solidaires", claims)
                     .serialize();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.shutdown();
    }
}
