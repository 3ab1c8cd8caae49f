package org.ordinateurssolidaires.command;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.EarlierRevisions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's infrastructure is the one the design relies on, whatever order Spring Boot and Axon configure themselves
 * in (see {@code AxonAfterSpringBootInfrastructure}): events in our JDBC store, and every command in a real
 * database transaction, so that an event and the lookup rows it implies are committed together or not at all.
 */
class AxonInfrastructureIT extends CommandSideIntegrationTest {

    @Autowired
    TransactionManager transactions;

    @Autowired
    EventStorageEngine storage;

    @Test
    void commandsRunInTheDatabasesTransactionsAndEventsGoToTheJdbcStore() {
        assertThat(transactions).isInstanceOf(SpringTransactionManager.class);
        assertThat(storage).isInstanceOf(JdbcEventStorageEngine.class);
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
