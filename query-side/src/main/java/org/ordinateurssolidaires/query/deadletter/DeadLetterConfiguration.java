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
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Every processing group, including any added later, gets a dead-letter queue: an event a projection cannot apply
 * is parked with the events of the same aggregate that follow it, and every other aggregate keeps flowing.
 * <p>
 * The queue is Axon's JDBC one, on the {@code deadLetterEntry} table Flyway creates ({@code bytea} columns), for the
 * reason the token store is JDBC too: Axon's JPA entities map their {@code @Lob} columns to large objects, and this
 * app excludes Axon's JPA auto-configuration. It goes through the same connection provider as the token store, so
 * a letter is parked in the processor's own transaction, with the token. Events and tokens in it are written with
 * the events' own serializer.
 */
@Configuration
class DeadLetterConfiguration {

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
     * lost connection): that one fails the batch, which the processor retries after a pause, as for any failure
     * outside the handlers.
     */
    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable failure) {
        if (isTransient(failure)) {
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(failure);
        }
        return Decisions.enqueue(storable(failure));
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
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
