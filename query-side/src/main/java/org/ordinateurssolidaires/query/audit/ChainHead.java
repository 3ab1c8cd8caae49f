package org.ordinateurssolidaires.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The last link of the history chain: publishing it (position and hash) lets anyone check later that the history
 * up to that event was not changed.
 *
 * @param globalIndex the position in the store of the last event linked; 0 before the first
 * @param link        hex SHA-256
 * @param events      how many events the chain links
 */
public record ChainHead(long globalIndex, String link, long events) {

    /** The one row of the head, for {@link #read}. */
    static final String QUERY = "select global_index, link, events from history_chain_head where id = 1";

    static ChainHead read(ResultSet row) throws SQLException {
        return new ChainHead(row.getLong(1), row.getString(2), row.getLong(3));
    }
}
