package org.ordinateurssolidaires.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Parks a failed event only once the batch it failed in has been rolled back.
 * <p>
 * Axon parks a failed event inside the processor's transaction and goes on with the batch. Here that transaction
 * cannot always go on: a row the database refused aborts it (PostgreSQL then refuses every later statement, and
 * Hibernate marks it rollback-only), and a handler that failed half-way may have left some of its writes in it.
 * So the first failure of an event is not parked: it fails the whole batch, which is rolled back and handed again
 * to the processor (after its usual pause). On that second attempt the event is parked before any handler runs, in a
 * clean transaction, together with the token and the rest of the batch. The second attempt relies on Axon asking
 * {@link #enqueueIfPresent} before handling each event, which it does unless the optional sequence-identifier
 * cache is enabled ({@link DeadLetterConfiguration} leaves it off).
 * <p>
 * The events awaiting their second attempt are kept in memory, per processing group: after a restart, or on another
 * instance, the event simply fails once more first. Retries of parked letters do not come through here.
 */
class RollbackFirstDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    /** Event identifier to the cause it failed with, until it is parked. */
    private final Map<String, ThrowableCause> failedOnce = new ConcurrentHashMap<>();

    RollbackFirstDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.processingGroup = processingGroup;
        this.queue = queue;
    }

    /** Thrown, instead of parking, at an event's first failure: it rolls back the batch. */
    static final class RolledBackToParkCleanly extends RuntimeException {

        RolledBackToParkCleanly(String processingGroup, EventMessage<?> event, Cause cause) {
            super("Processing group " + processingGroup + " could not apply event " + event.getIdentifier() + " ("
                    + event.getPayloadType().getSimpleName() + "): " + cause.type() + ": " + cause.message()
                    + ". Its batch is rolled back; the event will be parked on the next attempt.");
        }
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        String event = letter.message().getIdentifier();
        if (letter.cause().isPresent() && failedOnce.remove(event) == null) {
            Cause cause = letter.cause().get();
            failedOnce.put(event, new ThrowableCause(cause.type(), cause.message()));
            throw new RolledBackToParkCleanly(processingGroup, letter.message(), cause);
        }
        queue.enqueue(sequenceIdentifier, letter);
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
        ThrowableCause cause = failedOnce.remove(letter.message().getIdentifier());
        if (cause != null) {
            queue.enqueue(sequenceIdentifier, letter.withCause(cause));
            return true;
        }
        return queue.enqueueIfPresent(sequenceIdentifier, () -> letter);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public boolean process(Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(processingTask);
    }

    /** On a rebuild: what failed before will meet its chance again. */
    @Override
    public void clear() {
        failedOnce.clear();
        queue.clear();
    }
}
