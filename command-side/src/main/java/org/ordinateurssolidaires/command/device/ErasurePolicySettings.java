package org.ordinateurssolidaires.command.device;

import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The sanitisations the workshop may record as a medium's erasure: NIST SP 800-88's, unless
 * {@code ordinateurs.erasure-policy.<MEDIA_TYPE>} replaces a type's (docs/erasure-audit.md). The auditor's replay
 * has a policy of its own, set on the query side, so that an auditor may hold the history to a stricter one.
 */
@Configuration
@EnableConfigurationProperties(ErasurePolicySettings.Policy.class)
class ErasurePolicySettings {

    @ConfigurationProperties("ordinateurs")
    record Policy(Map<MediaType, List<String>> erasurePolicy) {

        Policy {
            erasurePolicy = erasurePolicy == null ? Map.of() : erasurePolicy;
        }
    }

    @Bean
    ErasurePolicy erasurePolicy(Policy policy) {
        return new ErasurePolicy(policy.erasurePolicy());
    }
}
