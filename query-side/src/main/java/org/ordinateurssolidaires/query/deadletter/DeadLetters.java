package org.ordinateurssolidaires.query.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The parked events of every processing group: what they are, and retrying or evicting them. Processing groups
 * and processors share their names here (each group has a processor of its own).
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transaction;

    DeadLetters(EventProcessingConfiguration processing, TransactionTemplate transaction) {
        this.processing = processing;
        this.transaction = transaction;
    }

    /** The first event of a parked sequence (the one that failed) and how many wait behind it, itself included. */
    record ParkedSequence(String sequenceId, long letters, String eventType, String eventIdentifier,
                          String aggregateType, String aggregateId, Long aggregateSequence, Long globalIndex,
                          String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    record GroupLetters(String processingGroup, long letters, long sequences, List<ParkedSequence> parked) {
    }

    record RetryOutcome(String processingGroup, int retried, int succeeded, int stillParked) {
    }

    SortedSet<String> processingGroups() {
        return new TreeSet<>(processing.eventProcessors().keySet());
    }

    EventProcessor processor(String group) {
        return processing.eventProcessors().get(known(group));
    }

    long letters(String group) {
        return queue(group).size();
    }

    long sequences(String group) {
        return queue(group).amountOfSequences();
    }

    GroupLetters of(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        return transaction.execute(status -> {
            List<ParkedSequence> parked = firstParked(queue, Integer.MAX_VALUE);
            return new GroupLetters(group, queue.size(), parked.size(), parked);
        });
    }

    /** The first parked sequences of the group, at most {@code limit}: what health names without reading them all. */
    List<ParkedSequence> firstParked(String group, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        return transaction.execute(status -> firstParked(queue, limit));
    }

    private static List<ParkedSequence> firstParked(SequencedDeadLetterQueue<EventMessage<?>> queue, int limit) {
        List<ParkedSequence> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (parked.size() >= limit) {
                break;
            }
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
            if (letters.hasNext()) {
                DeadLetter<? extends EventMessage<?>> first = letters.next();
                parked.add(describe(first, queue.sequenceSize(sequenceOf(first))));
            }
        }
        return parked;
    }

    /**
     * Hands every parked sequence of the group (or the one named) to its projection again, oldest first, each in a
     * transaction of its own: a sequence whose events all apply leaves the queue; one that fails again is left
     * exactly as it was, its failure in the log, with nothing of it applied.
     */
    RetryOutcome retry(String group, Optional<String> onlySequence) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(known(group))
                                                                            .orElseThrow();
        List<String> sequences = onlySequence.map(sequence -> List.of(parkedSequence(group, sequence)))
                                             .orElseGet(() -> of(group).parked().stream()
                                                                       .map(ParkedSequence::sequenceId).toList());
        int succeeded = 0;
        for (String sequence : sequences) {
            if (retrySequence(group, processor, sequence)) {
                succeeded++;
            }
        }
        return new RetryOutcome(group, sequences.size(), succeeded, sequences.size() - succeeded);
    }

    private boolean retrySequence(String group, SequencedDeadLetterProcessor<EventMessage<?>> processor,
                                  String sequence) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                boolean applied = processor.process(letter -> sequence.equals(sequenceOf(letter)));
                if (!applied) {
                    status.setRollbackOnly(); // what the failed handler wrote stays out of the read model
                }
                return applied;
            }));
        } catch (RuntimeException failedAgain) {
            // a database refusal leaves the transaction unusable: it is rolled back, the letters with it
            log.warn("Retrying sequence {} of processing group {} failed, it stays parked: {}", sequence, group,
                    NestedExceptionUtils.getMostSpecificCause(failedAgain).getMessage());
            return false;
        }
    }

    /** Evicts every letter of the sequence: those events will never be applied. */
    void evict(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        transaction.executeWithoutResult(status -> {
            parkedSequence(group, sequence);
            queue.deadLetterSequence(sequence).forEach(queue::evict);
        });
        log.warn("Evicted the parked sequence {} of processing group {}: its events will not be applied", sequence,
                group);
    }

    private String parkedSequence(String group, String sequence) {
        if (!queue(group).contains(sequence)) {
            // the caller's text is not echoed, as everywhere: the answer names the rule, not the input
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no parked sequence of that identifier in this"
                    + " processing group");
        }
        return sequence;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(known(group)).orElseThrow();
    }

    /** Checked first: asking Axon for the queue of an unknown group would make one. */
    private String known(String group) {
        if (!processing.eventProcessors().containsKey(group)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no processing group of that name");
        }
        return group;
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return ((JdbcDeadLetter<?>) letter).getSequenceIdentifier();
    }

    private static ParkedSequence describe(DeadLetter<? extends EventMessage<?>> letter, long letters) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
        Long globalIndex = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent() ? tracked.trackingToken().position().getAsLong() : null;
        Cause cause = letter.cause().orElse(null);
        return new ParkedSequence(sequenceOf(letter), letters, event.getPayloadType().getSimpleName(),
                event.getIdentifier(), domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(), globalIndex,
                cause == null ? null : cause.type(), cause == null ? null : cause.message(), letter.enqueuedAt(),
                letter.lastTouched());
    }
}
