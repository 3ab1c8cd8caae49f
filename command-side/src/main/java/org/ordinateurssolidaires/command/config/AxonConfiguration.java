package org.ordinateurssolidaires.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.Executors;

@Configuration
class AxonConfiguration {

    /** Events, messages and tokens all use the one published serializer (Axon's XStream cannot read records). */
    @Bean
    @Primary
    Serializer serializer() {
        return EventSerialization.serializer();
    }

    /**
     * Every event carries the command that caused it ({@code causationId}), the conversation it belongs to
     * ({@code correlationId}) and who asked for it.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(EventMetadata.CAUSATION_ID, EventMetadata.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider commandIssuerProvider() {
        return new SimpleCorrelationDataProvider(EventMetadata.USER_ID, EventMetadata.USER_ROLE);
    }

    /**
     * Two writers appending to the same device at once: the loser gets a concurrency exception from the unique
     * (aggregate, sequence) key and is retried on the fresh state. Nothing else is retried: a broken rule or an
     * unknown device would only be refused again.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${ordinateurs.commands.max-retries:3}") int maxRetries) {
        var retries = IntervalRetryScheduler.builder()
                                            .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                                            .maxRetryCount(maxRetries)
                                            .retryInterval(50)
                                            .nonTransientFailurePredicate(failure -> !lostAConcurrencyRace(failure))
                                            .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }

    private static boolean lostAConcurrencyRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lookup tables are written in the command's transaction; a failure there must undo the command, not be
     * logged and forgotten (the default for event handlers).
     */
    @Bean
    ConfigurerModule lookupTablesFailTheCommand() {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
