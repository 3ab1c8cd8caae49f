package org.ordinateurssolidaires.query;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Each test context claims the read models' segments under an owner of its own, as separate query-side processes
 * do. A test class with properties of its own runs a second query side beside the shared context, on the same
 * database, and in one JVM Axon would name both owners alike (pid@host): each would then take the segments the other
 * holds, both would apply the same events (a device's reception twice, refused, its batch rolled back), and the one
 * closed after its class would release the other's claims with its own. Axon's token store as the app configures it,
 * but for the owner's name.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TokenOwnerPerContext {

    /** Axon's default table, as the app has it: Axon makes this bean only beside its own token store. */
    @Bean
    TokenSchema tokenSchema() {
        return new TokenSchema();
    }

    @Bean
    TokenStore tokenStoreOfThisContext(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                                       TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connections)
                             .schema(schema)
                             .serializer(serializer)
                             .claimTimeout(properties.getClaimTimeout())
                             .nodeId(ManagementFactory.getRuntimeMXBean().getName() + " test context "
                                     + UUID.randomUUID().toString().substring(0, 8))
                             .build();
    }
}
