package org.ordinateurssolidaires.query.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.SampleDevices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model whose processing group nobody tuned in application.yml is kept by a pooled streaming processor, as
 * every other is, and not by Axon's own default (a tracking processor); its batches, as every read model's, commit
 * without waiting for PostgreSQL's flush, and another transaction does not (a retry: BatchCommitsTest).
 */
@Import(EventProcessorsIT.UntunedReadModel.class)
// its context has a read model of its own: closed after this class rather than left running beside the shared one
@DirtiesContext
class EventProcessorsIT extends QuerySideIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void everyReadModelTunedOrNotIsKeptByAPooledStreamingProcessor() {
        assertThat(processing.eventProcessor("untuned-read-model")).get()
                                                                    .isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.eventProcessors()).hasSizeGreaterThan(5)
                .allSatisfy((group, processor) -> assertThat(processor).as(group)
                        .isInstanceOf(PooledStreamingEventProcessor.class));
    }

    @Test
    void aReadModelsBatchAloneCommitsWithoutWaitingForTheFlush() {
        events.append(SampleDevices.received(SampleDevices.newDevice(), "SC-1", new DonorId(UUID.randomUUID()),
                DeviceCategory.LAPTOP, SampleDevices.disk("SC1")));

        await().atMost(Duration.ofSeconds(30)).until(() -> UntunedReadModel.synchronousCommit != null);
        assertThat(UntunedReadModel.synchronousCommit).isEqualTo("off");
        String elsewhere = transaction.execute(tx -> jdbc.queryForObject(
                "select current_setting('synchronous_commit')", String.class));
        assertThat(elsewhere).as("any other transaction").isEqualTo("on");
    }

    @ProcessingGroup("untuned-read-model")
    static class UntunedReadModel {

        /** As its batch's transaction had it, when it applied a reception. */
        static volatile String synchronousCommit;

        private final JdbcTemplate jdbc;

        UntunedReadModel(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(DeviceReceived received) {
            synchronousCommit = jdbc.queryForObject("select current_setting('synchronous_commit')", String.class);
        }
    }
}
