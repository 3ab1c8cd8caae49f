package org.ordinateurssolidaires.query.readmodel;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
 * <p>
 * The same goes for the rows a read model keeps per sequence of its events ({@link #readWithTheBatch}): a batch
 * written once reads those of all its events' sequences in one statement as it starts, where each event would read
 * its own, a round trip each (docs/benchmarks.md). That read is made here, before any event's handlers, so that its
 * failure is no event's: the batch is rolled back, and its next attempt, event by event, reads nothing ahead.
 */
@Configuration
public class WritesPerBatch {

    /** Longer than the processor's longest pause between two attempts at a batch (a minute), twice over. */
    static final Duration EVENT_BY_EVENT_FOR = Duration.ofMinutes(5);

    private static final String EVENT_BY_EVENT = WritesPerBatch.class.getName() + ".eventByEvent";
    private static final String NEW_ROWS_ONLY = WritesPerBatch.class.getName() + ".newRowsOnly";

    private final Clock clock;
    /** Processor name to the moment its batches are written once per batch again. */
    private final Map<String, Instant> eventByEventUntil = new ConcurrentHashMap<>();
    /** Processor name to the type of the rows its read model keeps per sequence of its events. */
    private final Map<String, Class<?>> rowPerSequence = new ConcurrentHashMap<>();

    @PersistenceContext
    private EntityManager session;

    WritesPerBatch() {
        this(Clock.systemUTC());
    }

    WritesPerBatch(Clock clock) {
        this.clock = clock;
    }

    @Bean
    ConfigurerModule writesPerBatchOrEventByEvent() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> {
                    EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
                    return decidedOncePerBatch(processor, processing.sequencingPolicy(processor),
                            () -> processing.deadLetterQueue(processor));
                });
    }

    /**
     * Whether the event being handled is to be written as its handlers return: unless its processor decided
     * otherwise for its batch, yes. A parked event being retried is always written as its handlers return: Axon runs
     * the processor's interceptors there too, in a unit of work of its own, and its refusal must stay its own.
     */
    static boolean eventByEvent() {
        return !CurrentUnitOfWork.isStarted()
                || !Boolean.FALSE.equals(CurrentUnitOfWork.get().root().getResource(EVENT_BY_EVENT));
    }

    /**
     * The read model of {@code processor} keeps a row of {@code type} per sequence of its events, keyed by the
     * sequence's identifier: a batch written once reads them all as it starts. By default a sequence is an
     * aggregate's events (a device's row by the device's identifier); a read model sequenced otherwise keys its rows
     * the same way (the referrals by referral). Rows not there yet, and sequences not keyed by a UUID, are simply not
     * found. A parked sequence's row is not read: its events are only queued behind its letters, and its row may be
     * the very one that cannot be read.
     */
    public void readWithTheBatch(String processor, Class<?> type) {
        rowPerSequence.put(processor, type);
    }

    /**
     * The batch only inserts rows (a rebuild aggregate by aggregate, {@link OnePassRebuild}): written once, and none
     * read ahead, there being none yet. Each is inserted as the batch commits, complete ({@link ReadModelProjection}).
     */
    static void newRowsOnly(UnitOfWork<?> batch) {
        batch.resources().put(EVENT_BY_EVENT, false);
        batch.resources().put(NEW_ROWS_ONLY, true);
    }

    /** Whether the batch being handled only inserts rows ({@link #newRowsOnly(UnitOfWork)}). */
    static boolean newRowsOnly() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().getResource(NEW_ROWS_ONLY));
    }

    MessageHandlerInterceptor<EventMessage<?>> decidedOncePerBatch(
            String processor, SequencingPolicy<? super EventMessage<?>> sequences,
            Supplier<Optional<SequencedDeadLetterQueue<EventMessage<?>>>> letters) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> batch = unitOfWork.root();
                // not a processor's batch (a parked event retried): undecided, so written as its handlers return
                if (!(batch instanceof BatchingUnitOfWork<?> events) || batch.resources().containsKey(EVENT_BY_EVENT)) {
                    return chain.proceed();
                }
                Instant until = eventByEventUntil.get(processor);
                boolean eventByEvent = until != null && clock.instant().isBefore(until);
                batch.resources().put(EVENT_BY_EVENT, eventByEvent);
                batch.onRollback(rolledBack -> eventByEventUntil.put(processor,
                        clock.instant().plus(EVENT_BY_EVENT_FOR)));
                Class<?> rows = rowPerSequence.get(processor);
                if (!eventByEvent && rows != null) {
                    readAhead(rows, events.getMessages(), sequences, letters.get());
                }
                return chain.proceed();
            }
        };
    }

    private void readAhead(Class<?> rows, List<?> events, SequencingPolicy<? super EventMessage<?>> sequences,
                           Optional<SequencedDeadLetterQueue<EventMessage<?>>> letters) {
        List<UUID> keys = events.stream()
                .flatMap(event -> event instanceof EventMessage<?> message
                        ? Stream.ofNullable(sequences.getSequenceIdentifierFor(message)) : Stream.empty())
                .distinct()
                .flatMap(sequence -> uuid(sequence)
                        .filter(key -> letters.map(parked -> !parked.contains(sequence)).orElse(true)))
                .toList();
        if (!keys.isEmpty()) {
            session.unwrap(Session.class).findMultiple(rows, keys);
        }
    }

    private static Stream<UUID> uuid(Object identifier) {
        try {
            return Stream.of(UUID.fromString(identifier.toString()));
        } catch (IllegalArgumentException notOne) {
            return Stream.empty();
        }
    }
}
