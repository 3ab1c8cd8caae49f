package org.ordinateurssolidaires.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.store.axon.ProcessorMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration
@Import(ProcessorMetrics.class)
class AxonConfiguration {

    /** Static: it changes bean definitions, before any bean of this configuration is made. */
    @Bean
    static AggregatesFilteredByType aggregatesFilteredByType() {
        return new AggregatesFilteredByType();
    }

    /** Events, messages and tokens all use the one published serializer (Axon's XStream cannot read records). */
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
     * How the event store knows it lost a race: PostgreSQL and H2 both say a duplicate key with SQL state 23505, on
     * the unique (aggregate, sequence) key of the event table. Axon's default reads vendor error codes, which the
     * PostgreSQL driver leaves at 0: the loser was answered 500 instead of being retried (docs/architecture.md).
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Two instances appending to the same device at once: the loser gets a concurrency exception from the unique
     * (aggregate, sequence) key and is retried on the fresh state, after 50, 100, 200 ms... (within one instance,
     * Axon's aggregate lock already serialises the commands). Nothing else is retried: a broken rule or an
     * unknown device would only be refused again.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries,
                                  @Value("${ordinateurs.commands.max-retries:3}") int maxRetries) {
        var retries = ExponentialBackOffIntervalRetryScheduler.builder()
                                                              .retryExecutor(commandRetries)
                                                              .maxRetryCount(maxRetries)
                                                              .backoffFactor(50)
                                                              .nonTransientFailurePredicate(
                                                                      failure -> !lostAConcurrencyRace(failure))
                                                              .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retries");
            thread.setDaemon(true);
            return thread;
        });
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
     * Event handlers on this side keep lookup tables (and a deactivated partner's accounts in step with it,
     * {@code PartnerAccounts}), in the command's own transaction: they are subscribing
     * (a streaming one would also need a token store this app does not have), and a failure there must undo the
     * command, not be logged and forgotten (the default for event handlers).
     */
    @Bean
    ConfigurerModule lookupTablesInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing()
                                       .usingSubscribingEventProcessors()
                                       .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
