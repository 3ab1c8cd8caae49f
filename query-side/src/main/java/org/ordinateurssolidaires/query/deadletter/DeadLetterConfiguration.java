package org.ordinateurssolidaires.query.deadletter;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ordinateurssolidaires.store.DatabaseFailures;
import org.springframework.core.NestedExceptionUtils;

/**
 * Every processing group, including any added later, gets a dead-letter queue: an event a projection cannot apply
 * is parked with the events of the same aggregate that follow it, and every other aggregate keeps flowing.
 * <p>
 * The queue is Axon's JDBC one, on the {@code deadLetterEntry} table Flyway creates ({@code bytea} columns), for the
 * reason the token store is JDBC too: Axon's JPA entities map their {@code @Lob} columns to large objects, and this
 * app excludes Axon's JPA auto-configuration. It goes through the same connection provider as the token store, so
 * a letter is parked in the processor's own transaction, with the token. Events and tokens in it are written with
 * the events' own serializer.
 * <p>
 * Axon's default limits (1,024 aggregates per group, 1,024 events per aggregate) would overflow on one systematic
 * bug of a projection over a large import, and a full queue stops the processor at the next failure: the limits
 * here are {@link #MAX_SEQUENCES} aggregates per group and {@link #MAX_SEQUENCE_SIZE} events per aggregate. A letter
 * is a row of {@code deadLetterEntry}, so the limit is one of disk, not of memory.
 */
@Configuration
class DeadLetterConfiguration {

    static final int MAX_SEQUENCES = 100_000;
    static final int MAX_SEQUENCE_SIZE = 10_000;

    @Bean
    ConfigurerModule deadLetterQueueForEveryProcessingGroup(ConnectionProvider connections,
                                                            TransactionManager transactions) {
        Serializer serializer = EventSerialization.serializer();
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                EventProcessingConfigurer processing = configurer.eventProcessing();
                processing.registerDefaultDeadLetterPolicy(configuration -> DeadLetterConfiguration::decide);
                processing.registerDeadLetterQueueProvider(group -> {
                    // asked once per group, before its invoker is built: a rebuild (a reset of the processor's
                    // tokens) also empties the group's queue, else the replayed events of a parked aggregate would
                    // queue up behind its old letters
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (configuration, invoker) -> invoker.allowReset(true));
                    return configuration -> new RollbackFirstDeadLetterQueue(group,
                            JdbcSequencedDeadLetterQueue.builder()
                                                        .processingGroup(group)
                                                        .connectionProvider(connections)
                                                        .transactionManager(transactions)
                                                        .eventSerializer(serializer)
                                                        .genericSerializer(serializer)
                                                        .maxSequences(MAX_SEQUENCES)
                                                        .maxSequenceSize(MAX_SEQUENCE_SIZE)
                                                        .build());
                });
            }

            /** After Axon's own provider (order 0, only for groups with {@code dlq.enabled}): the last one wins. */
            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /**
     * Parks whatever a projection cannot apply, except a failure that a later attempt may not meet (a deadlock, a
     * lost connection, a database shutting down), as {@link DatabaseFailures#mayPassOnRetry} reads it: that one fails
     * the batch, which the processor retries after a pause, as for any failure outside the handlers. Axon asks this
     * before it enqueues anything, so such a failure never reaches {@link RollbackFirstDeadLetterQueue} either, and
     * does not mark the event there.
     */
    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable failure) {
        if (DatabaseFailures.mayPassOnRetry(failure)) {
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(failure);
        }
        return Decisions.enqueue(storable(failure));
    }

    /**
     * The most specific cause (the database's own words rather than the layers' wrappings of them), as the table can
     * hold it: PostgreSQL refuses NUL in text, and the column has 1023 characters.
     */
    private static ThrowableCause storable(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = cause.getMessage() == null ? null : cause.getMessage().replace("\u0000", "\\u0000");
        return new ThrowableCause(cause.getClass().getName(), message == null ? null
                : message.substring(0, Math.min(message.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE)));
    }
}
