package org.ordinateurssolidaires.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a bearer token of the city's OpenID Connect provider says who the caller is
 * ({@code ordinateurs.security.oidc.*}); a dotted name reads a nested claim, as Keycloak's
 * {@code realm_access.roles}. The provider itself is {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 *
 * @param username the claim recorded as the author of what the caller does
 * @param roles    a list of role codes ({@code staff}, {@code partner}, ...; others are ignored)
 * @param partner  the partner organisation a partner's token speaks for (its id)
 * @param donor    the donor a donor's token speaks for (its id)
 */
@ConfigurationProperties("ordinateurs.security.oidc")
public record TokenClaims(@DefaultValue("preferred_username") String username,
                          @DefaultValue("roles") String roles,
                          @DefaultValue("partner_id") String partner,
                          @DefaultValue("donor_id") String donor) {
}
