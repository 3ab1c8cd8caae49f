package org.ordinateurssolidaires.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * An event's mark is kept until the batch that parks it commits: if a later event of the same batch fails for the
 * first time, the batch is rolled back, parking included, and the next attempt parks both. So k failing events of
 * one batch take k + 1 attempts, not 2^k. A failure that may pass on a later attempt (a lost connection) never
 * reaches this queue: {@link DeadLetterConfiguration#decide} fails the batch before Axon enqueues anything.
 * <p>
 * The events awaiting their second attempt are kept in memory, per processing group: after a restart, or on another
 * instance, the event simply fails once more first. A mark lives at most {@link #MARK_TIME_TO_LIVE}, far longer
 * than the processor's longest pause between attempts (a minute), so that a mark left behind when a segment moved
 * to another instance, or by a rebuild run elsewhere, cannot park a healthy event later. Retries of parked letters
 * do not come through here.
 */
class RollbackFirstDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    static final Duration MARK_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final Clock clock;
    /** Event identifier to the cause it failed with, until the batch parking it commits. */
    private final Map<String, Mark> failedOnce = new ConcurrentHashMap<>();
    /** The unit-of-work resource holding the events this queue parked in the batch. */
    private final String parkedInBatch;
    /** The unit-of-work resource saying the group has no letter at all in this batch. */
    private final String nothingParked;

    private record Mark(ThrowableCause cause, Instant markedAt) {
    }

    RollbackFirstDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this(processingGroup, queue, Clock.systemUTC());
    }

    RollbackFirstDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> queue,
                                 Clock clock) {
        this.processingGroup = processingGroup;
        this.queue = queue;
        this.clock = clock;
        this.parkedInBatch = RollbackFirstDeadLetterQueue.class.getName() + ".parked." + processingGroup;
        this.nothingParked = RollbackFirstDeadLetterQueue.class.getName() + ".nothingParked." + processingGroup;
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
        if (letter.cause().isPresent() && freshMark(event) == null) {
            Cause cause = letter.cause().get();
            Instant now = clock.instant();
            failedOnce.values().removeIf(mark -> isStale(mark, now));
            failedOnce.put(event, new Mark(new ThrowableCause(cause.type(), cause.message()), now));
            throw new RolledBackToParkCleanly(processingGroup, letter.message(), cause);
        }
        queue.enqueue(sequenceIdentifier, letter);
        lettersInThisBatch();
        if (letter.cause().isPresent()) {
            forgetOnceCommitted(event);
        }
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
        String event = letter.message().getIdentifier();
        Mark mark = freshMark(event);
        if (mark != null) {
            if (!parkedInThisBatch(event)) {
                queue.enqueue(sequenceIdentifier, letter.withCause(mark.cause()));
                lettersInThisBatch();
                forgetOnceCommitted(event);
            }
            return true;
        }
        return !nothingParkedInThisBatch() && queue.enqueueIfPresent(sequenceIdentifier, () -> letter);
    }

    /**
     * Whether the group had no letter when the batch under way began, and the batch parked none since: then no
     * event of it has a letter to queue up behind, and the queue need not be asked for each one (a query per event,
     * a fifth of a rebuild's statements). Asked once per batch. Only this processor parks letters for the
     * aggregates of its segments, so none can appear elsewhere meanwhile; letters retried away meanwhile only make
     * the answer cautious.
     */
    private boolean nothingParkedInThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Map<String, Object> batch = CurrentUnitOfWork.get().root().resources();
        // not computeIfAbsent: the JDBC queue's count puts a resource of its own in the same map
        Boolean nothing = (Boolean) batch.get(nothingParked);
        if (nothing == null) {
            nothing = queue.size() == 0;
            batch.put(nothingParked, nothing);
        }
        return nothing;
    }

    private void lettersInThisBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(nothingParked, false);
        }
    }

    /** The event's mark, unless it has none or only a stale one (which is dropped). */
    private Mark freshMark(String event) {
        Mark mark = failedOnce.get(event);
        if (mark != null && isStale(mark, clock.instant())) {
            failedOnce.remove(event, mark);
            return null;
        }
        return mark;
    }

    private static boolean isStale(Mark mark, Instant now) {
        return mark.markedAt().plus(MARK_TIME_TO_LIVE).isBefore(now);
    }

    /**
     * The mark goes once the batch that parked the event commits; if the batch is rolled back (a later event of it
     * failed for the first time), the parking is undone with it, and the mark must still be there for the next
     * attempt.
     */
    private void forgetOnceCommitted(String event) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> failedOnce.remove(event));
        } else {
            failedOnce.remove(event);
        }
    }

    /** Whether the batch under way already parked the event (then its mark is not used a second time). */
    private boolean parkedInThisBatch(String event) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Set<String> parked = CurrentUnitOfWork.get().root().getOrComputeResource(parkedInBatch, key -> new HashSet<>());
        return !parked.add(event);
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

    /** Within a batch, answered without a query while the group has no letter (as {@link #enqueueIfPresent} is). */
    @Override
    public boolean contains(Object sequenceIdentifier) {
        return !nothingParkedInThisBatch() && queue.contains(sequenceIdentifier);
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
