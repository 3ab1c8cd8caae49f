package org.ordinateurssolidaires.query;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.EarlierRevisions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's infrastructure is the one the design relies on, whatever order Spring Boot and Axon configure themselves
 * in (see {@code AxonAfterSpringBootInfrastructure}): a projection's batch and its token committed in one database
 * transaction, the token in our JDBC token table, so that a stop at any moment neither repeats nor loses an event.
 */
class AxonInfrastructureIT extends QuerySideIntegrationTest {

    @Autowired
    TransactionManager transactions;

    @Autowired
    TokenStore tokens;

    @Test
    void projectionsRunInTheDatabasesTransactionsWithTheirTokenInTheJdbcStore() {
        assertThat(transactions).isInstanceOf(SpringTransactionManager.class);
        assertThat(tokens).isInstanceOf(JdbcTokenStore.class);
    }

    @Autowired
    Configuration axon;

    @Autowired
    Serializer serializer;

    @Test
    void earlierRevisionsOfThePublishedEventsAreReadAsTheCurrentOnes() {
        assertThat(EarlierRevisions.readThrough(axon.upcasterChain(), serializer))
                .containsExactly("org.ordinateurssolidaires.events.referral.ReferralSubmitted revision 2");
    }
}
