package org.ordinateurssolidaires.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

import javax.annotation.Nonnull;

/**
 * A step sent from a view of what it changes at some version (a device's page, its API view: the inventory's row
 * and its last step) is refused when another step was recorded since: a form left open in a second tab, or by a
 * colleague, would otherwise record its step again, or put back with its other fields what the step in between
 * corrected.
 * <p>
 * The version travels in the command's metadata ({@link CommandOrigin#drawnVersion()}), not in each command, and
 * Axon's own check does the rest: for every aggregate (Axon's Spring configuration gives this one resolver to each),
 * an event-sourced repository that loads a later version than expected lets the handler run, then refuses the
 * command as it commits, before its events are stored, with {@link ConflictingAggregateVersionException}. So a stale
 * form whose step a rule refuses is told the rule, and a form sent twice (a double click) is answered as the first
 * was: {@link ProcessedCommands} acknowledges it before the aggregate is even loaded. A version the aggregate never
 * had is refused as it loads, before any rule.
 */
@Component
public class VersionsSeen implements CommandTargetResolver {

    /** The metadata of a command that holds the version its sender saw. */
    static final String DRAWN_VERSION = "drawnVersion";

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(@Nonnull CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        return command.getMetaData().get(DRAWN_VERSION) instanceof Number drawn
                ? new VersionedAggregateIdentifier(target.getIdentifierValue(), drawn.longValue()) : target;
    }
}
