package org.ordinateurssolidaires.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration
class AxonConfiguration {

    /** Reads events exactly as the command side wrote them; tokens are stored with it too. */
    @Bean
    @Primary
    Serializer serializer() {
        return EventSerialization.serializer();
    }

    /**
     * A projection that cannot apply an event stops that event's segment (and retries it, with a growing pause)
     * instead of the default of logging the error and moving on: a read model silently missing an event would
     * tell donors and auditors something untrue. The failure shows in the log and in the processor's
     * {@code eventProcessor_failureCounter} metric; the other segments go on.
     */
    @Bean
    ConfigurerModule projectionFailuresStopTheSegment() {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
