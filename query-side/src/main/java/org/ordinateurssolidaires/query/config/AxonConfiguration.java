package org.ordinateurssolidaires.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.store.axon.ProcessorMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

@Configuration
@Import(ProcessorMetrics.class)
class AxonConfiguration {

    /** Reads events exactly as the command side wrote them; tokens are stored with it too (and parked events, deadletter/). */
    @Bean
    @Primary
    Serializer serializer() {
        return EventSerialization.serializer();
    }

    /** Earlier revisions of the published events, read as the current ones wherever Axon reads the store. */
    @Bean
    EventUpcaster publishedEventRevisions() {
        return EventSerialization.upcasters();
    }

    /**
     * Every read model is kept by a pooled streaming processor, also one whose processing group is not (yet) tuned
     * under {@code axon.eventhandling.processors} in application.yml: Axon's own default, a tracking processor, would
     * take a new group silently, with a thread per segment and other settings than every other group's. Each
     * processor, untuned ones included, holds at most its share of the segments, claims a released one again at a
     * pass every second, as the tuned ones do (their {@code token-claim-interval} says why: Spring Boot's settings of
     * a tuned one replace this default), and reads the store through
     * {@link EventArrivals}, looked up as the processors are made: it reads through Axon's storage engine, which needs
     * the configuration this module is part of. (Axon keeps one such default configuration: a second registration
     * would replace it.)
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorsByDefault(SegmentsShared shares, ObjectProvider<EventArrivals> store) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .maxSegmentProvider(shares)
                        .tokenClaimInterval(1000)
                        .messageSource(store.getObject()));
    }
}
