package org.ordinateurssolidaires.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether read models may have changed, told without reading them: one statement, whatever their size.
 * <p>
 * A processor writes a read model's rows in the transaction that moves its segments' tokens on, batch by batch (and
 * a rebuild chunk by chunk); a reset moves them back. A parked event retried later changes rows without moving a
 * token, but takes its letter away. So the tokens of the processors that keep them and the number of events parked
 * for those processors together make a {@link Version}: two equal versions read one after the other mean that no row
 * of those read models changed in between, on this query side or any other sharing the database. (A version moves
 * at every batch its processors write, also for events that change none of the rows a reader looks at.) A version
 * read before the rows it goes with is never newer than they are: what is kept under it is read again at the next
 * change.
 */
@Component
public class ReadModelChanges {

    private final JdbcTemplate jdbc;

    ReadModelChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the read models of these processors have become; equal to another only if none changed since. */
    public record Version(List<String> segmentsAndLetters) {
    }

    /**
     * @param processingGroups the processing groups of the read models read, at least one; each has a processor of
     *                         its own name (as every group here does), whose tokens are those read
     */
    public Version of(String... processingGroups) {
        if (processingGroups.length == 0) {
            throw new IllegalArgumentException("the version of which read models?");
        }
        String groups = String.join(", ", Collections.nCopies(processingGroups.length, "?"));
        Object[] twice = Stream.of(processingGroups, processingGroups).flatMap(Arrays::stream).toArray();
        List<String> parts = jdbc.query(
                "select processorName, segment, token, 0 as letters from tokenEntry where processorName in ("
                        + groups + ") union all select processingGroup, -1, null, count(*) from deadLetterEntry"
                        + " where processingGroup in (" + groups + ") group by processingGroup",
                (row, number) -> row.getString(1) + "/" + row.getInt(2) + "/" + token(row.getBytes(3)) + "/"
                        + row.getLong(4),
                twice);
        return new Version(parts.stream().sorted().toList());
    }

    private static String token(byte[] serialised) {
        return serialised == null ? "-" : Base64.getEncoder().encodeToString(serialised);
    }
}
