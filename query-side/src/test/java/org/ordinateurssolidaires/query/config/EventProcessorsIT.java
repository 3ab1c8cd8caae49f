package org.ordinateurssolidaires.query.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model whose processing group nobody tuned in application.yml is kept by a pooled streaming processor, as
 * every other is, and not by Axon's own default (a tracking processor).
 */
@Import(EventProcessorsIT.UntunedReadModel.class)
// its context has a read model of its own: closed after this class, so that its processors do not run beside the
// shared context's, under the same token owner
@DirtiesContext
class EventProcessorsIT extends QuerySideIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyReadModelTunedOrNotIsKeptByAPooledStreamingProcessor() {
        assertThat(processing.eventProcessor("untuned-read-model")).get()
                                                                    .isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.eventProcessors()).hasSizeGreaterThan(5)
                .allSatisfy((group, processor) -> assertThat(processor).as(group)
                        .isInstanceOf(PooledStreamingEventProcessor.class));
    }

    @ProcessingGroup("untuned-read-model")
    static class UntunedReadModel {

        @EventHandler
        void on(DeviceReceived received) {
            // what a new read model would keep; here, only its processor is looked at
        }
    }
}
