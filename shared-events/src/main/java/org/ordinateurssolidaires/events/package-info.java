/**
 * The published language of the programme: the facts every other module reads.
 * <p>
 * Events are immutable records named in the past tense, each carrying {@code @Revision}. A published event's
 * meaning never changes: a new shape gets a new revision and an upcaster in {@link org.ordinateurssolidaires.events.serialization}.
 * Nothing here depends on Spring or on persistence.
 */
package org.ordinateurssolidaires.events;
