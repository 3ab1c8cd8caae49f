package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a read model's rows reach the database: once per batch, or event by event.
 * <p>
 * A processor applies its events in batches, each in one transaction with its token. Its rows are written once per
 * batch, as the transaction commits: the changes of a hundred events go in a few JDBC batches instead of a round
 * trip or more per event, which, with every read model reading the whole store, was most of a rebuild's time
 * (docs/benchmarks.md, "Rebuilding the read models"). But a row the database refuses then fails the whole batch,
 * naming no event. So once a read model's batch is rolled back, for whatever reason, its batches for the next
 * {@link #EVENT_BY_EVENT_FOR} are written event by event ({@link ReadModelProjection}): each event's rows as its
 * handlers return, inside the dead-letter queue's reach, so that the event whose row is refused fails alone and is
 * parked on the next attempt (deadletter/RollbackFirstDeadLetterQueue), and every other event is applied.
 */
@Configuration
public class WritesPerBatch {

    /** Longer than the processor's longest pause between two attempts at a batch (a minute), twice over. */
    static final Duration EVENT_BY_EVENT_FOR = Duration.ofMinutes(5);

    private static final String EVENT_BY_EVENT = WritesPerBatch.class.getName() + ".eventByEvent";

    private final Clock clock;
    /** Processor name to the moment its batches are written once per batch again. */
    private final Map<String, Instant> eventByEventUntil = new ConcurrentHashMap<>();

    WritesPerBatch() {
        this(Clock.systemUTC());
    }

    WritesPerBatch(Clock clock) {
        this.clock = clock;
    }

    @Bean
    ConfigurerModule writesPerBatchOrEventByEvent() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> decidedOncePerBatch(processor));
    }

    /**
     * Whether the event being handled is to be written as its handlers return: unless its processor said otherwise
     * for its batch, yes (also for a parked event being retried, which comes without its processor's interceptors).
     */
    static boolean eventByEvent() {
        return !CurrentUnitOfWork.isStarted()
                || !Boolean.FALSE.equals(CurrentUnitOfWork.get().root().getResource(EVENT_BY_EVENT));
    }

    MessageHandlerInterceptor<EventMessage<?>> decidedOncePerBatch(String processor) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> batch = unitOfWork.root();
                if (!batch.resources().containsKey(EVENT_BY_EVENT)) {
                    Instant until = eventByEventUntil.get(processor);
                    batch.resources().put(EVENT_BY_EVENT, until != null && clock.instant().isBefore(until));
                    batch.onRollback(rolledBack -> eventByEventUntil.put(processor,
                            clock.instant().plus(EVENT_BY_EVENT_FOR)));
                }
                return chain.proceed();
            }
        };
    }
}
