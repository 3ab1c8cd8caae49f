package org.ordinateurssolidaires.query.documents;

import org.ordinateurssolidaires.web.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The one operation of the query side that needs no account, over the API and on its page: a donor's own auditor,
 * who has none, checks that a document the programme issued is genuine and unaltered.
 */
@Configuration
class AnyoneMayVerify {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of(HttpMethod.POST, "/api/documents/verification", "/verification")
                              .and(PublicEndpoints.of(HttpMethod.GET, "/verification"));
    }
}
