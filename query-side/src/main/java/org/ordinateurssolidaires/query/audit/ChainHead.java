package org.ordinateurssolidaires.query.audit;

/**
 * The last link of the history chain: publishing it (position and hash) lets anyone check later that the history
 * up to that event was not changed.
 *
 * @param globalIndex the position in the store of the last event linked; 0 before the first
 * @param link        hex SHA-256
 * @param events      how many events the chain links
 */
public record ChainHead(long globalIndex, String link, long events) {
}
