package org.ordinateurssolidaires.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The read models as the tests that start the apps see them from the database: which tables each one owns, how
 * all are rebuilt (docs/architecture.md, "Rebuilding a read model"), when the query side has caught up with the
 * store, and their contents as canonical text, to compare two databases, or one before and after a rebuild.
 */
public final class ReadModels {

    private ReadModels() {
    }

    /**
     * Every read model the query side rebuilds from the events: its processing group, and its tables, each listed
     * before any table it references (so they are emptied in this order). Not here, for they are no read model:
     * the history chain (history_chain_link, history_chain_head: kept across a rebuild, the audit vouches for it),
     * issued_document (documents issued, not derived from events), tokenEntry and deadLetterEntry (the processors'
     * own state), the Flyway histories, and the command side's tables.
     */
    public static final Map<String, List<String>> READ_MODEL_TABLES = readModelTables();

    /**
     * Columns left out of the canonical text, by table, because two rebuilds from the same events legitimately
     * give them different values. Found by rebuilding the fixture's read models and comparing (the writer does it
     * every time, and fails if anything else differs): none so far.
     */
    public static final Map<String, Set<String>> EXCLUDED_COLUMNS = Map.of();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, List<String>> readModelTables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("inventory", List.of("inventory_medium", "inventory_hand_over", "inventory_device",
                "inventory_count", "workshop_month", "workshop_cohort", "workshop_lead_time"));
        tables.put("donors", List.of("donor_batch_record", "donor_agreement_record", "donor_record"));
        tables.put("referrals", List.of("referral_record", "partner_contact", "partner_record"));
        tables.put("ceremonies", List.of("ceremony_invitation", "ceremony_record"));
        tables.put("erasure-register", List.of("erasure_record", "erasure_device"));
        return tables;
    }

    public static Connection connect(String databaseUrl) throws SQLException {
        return DriverManager.getConnection(databaseUrl, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    /**
     * The rebuild of every read model, as docs/architecture.md describes it for one, with the query side stopped:
     * the read models' tables emptied, their processors' tokens and dead letters deleted. The history chain and the
     * issued documents stay. The next query side to start replays the whole store into the empty tables.
     */
    public static void prepareRebuild(String databaseUrl) throws SQLException {
        try (Connection connection = connect(databaseUrl); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (List<String> tables : READ_MODEL_TABLES.values()) {
                for (String table : tables) {
                    sql.execute("delete from " + table);
                }
            }
            String groups = READ_MODEL_TABLES.keySet().stream().map(group -> "'" + group + "'")
                                             .collect(Collectors.joining(", "));
            sql.execute("delete from tokenEntry where processorName in (" + groups + ")");
            sql.execute("delete from deadLetterEntry where processingGroup in (" + groups + ")");
            connection.commit();
        }
    }

    /**
     * Waits until every read model's processor has a token past the last stored event in each of its segments, and
     * the history chain is linked up to it.
     */
    public static void awaitCaughtUp(String databaseUrl, Duration patience) {
        await("the query side caught up with the event store").atMost(patience).pollInterval(Duration.ofMillis(500))
                .until(() -> caughtUp(databaseUrl));
    }

    private static boolean caughtUp(String databaseUrl) throws SQLException, JsonProcessingException {
        try (Connection connection = connect(databaseUrl); Statement sql = connection.createStatement()) {
            long last = number(sql, "select coalesce(max(globalIndex), 0) from domainEventEntry");
            if (number(sql, "select global_index from history_chain_head where id = 1") < last) {
                return false;
            }
            for (String group : READ_MODEL_TABLES.keySet()) {
                List<String> tokens = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("select convert_from(token, 'UTF8') from tokenEntry"
                        + " where processorName = '" + group + "'")) {
                    while (rows.next()) {
                        tokens.add(rows.getString(1));
                    }
                }
                if (tokens.isEmpty()) {
                    return false;
                }
                for (String token : tokens) {
                    if (position(token) < last) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** One segment's token of a read model's processor: how far it is, and which process holds it (or null). */
    public record Token(String group, int segment, long position, String owner) {
    }

    /** Every read model's tokens as stored now. */
    public static List<Token> tokens(String databaseUrl) throws SQLException, JsonProcessingException {
        List<Token> tokens = new ArrayList<>();
        try (Connection connection = connect(databaseUrl); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select processorName, segment, convert_from(token, 'UTF8'), owner"
                     + " from tokenEntry order by processorName, segment")) {
            while (rows.next()) {
                if (READ_MODEL_TABLES.containsKey(rows.getString(1))) {
                    tokens.add(new Token(rows.getString(1), rows.getInt(2), position(rows.getString(3)),
                            rows.getString(4)));
                }
            }
        }
        return tokens;
    }

    /**
     * The position a stored token (JSON) has reached: a gap-aware token's index, or during a replay (a replay
     * token, as a processor without a token starts with) its current token's; -1 for none yet.
     */
    private static long position(String token) throws JsonProcessingException {
        JsonNode stored = token == null ? null : JSON.readTree(token);
        JsonNode current = stored != null && stored.has("currentToken") ? stored.get("currentToken") : stored;
        return current == null || !current.hasNonNull("index") ? -1 : current.get("index").asLong();
    }

    public static long number(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The columns of each table, as a read models' text ({@link #readModels}) names them in its header lines. */
    public static Map<String, List<String>> columnsOf(List<String> readModels) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        readModels.stream().filter(line -> line.startsWith("# ")).map(line -> line.substring(2).split("\\|"))
                  .forEach(header -> columns.put(header[0], List.of(header).subList(1, header.length)));
        return columns;
    }

    public static long number(String databaseUrl, String query) throws SQLException {
        try (Connection connection = connect(databaseUrl); Statement sql = connection.createStatement()) {
            return number(sql, query);
        }
    }

    /**
     * Every read model's contents as text, one line per row: for each table (in name order) a header line naming
     * its columns (in name order, so that the order they were added in does not matter), then its rows, each
     * {@code table|value|value...} and sorted. Values are PostgreSQL's text form, times in UTC; null is
     * {@code \N}, and a backslash, a bar or a line break within a value is escaped.
     */
    public static List<String> readModels(String databaseUrl) throws SQLException {
        return readModels(databaseUrl, Map.of());
    }

    /**
     * The same, each table with the columns a fixture's text names ({@link #columnsOf}): a column or a table a
     * later version added is new knowledge, not a change of what the fixture holds; one it named must still be
     * there.
     */
    public static List<String> readModels(String databaseUrl, Map<String, List<String>> knownColumns) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = connect(databaseUrl); Statement sql = connection.createStatement()) {
            sql.execute("set timezone = 'UTC'");
            sql.execute("set datestyle = 'ISO, YMD'");
            List<String> tables = READ_MODEL_TABLES.values().stream().flatMap(List::stream).sorted().toList();
            for (String table : tables) {
                if (!knownColumns.isEmpty() && !knownColumns.containsKey(table)) {
                    continue;
                }
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("select column_name from information_schema.columns"
                        + " where table_schema = current_schema() and table_name = '" + table + "'"
                        + " order by column_name")) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                    }
                }
                if (knownColumns.containsKey(table)) {
                    columns.retainAll(knownColumns.get(table));
                }
                columns.removeAll(EXCLUDED_COLUMNS.getOrDefault(table, Set.of()));
                if (columns.isEmpty()) {
                    throw new IllegalStateException("no table " + table);
                }
                lines.add("# " + table + "|" + String.join("|", columns));
                List<String> rows = new ArrayList<>();
                try (ResultSet row = sql.executeQuery("select " + columns.stream().map(column -> column + "::text")
                        .collect(Collectors.joining(", ")) + " from " + table)) {
                    while (row.next()) {
                        StringBuilder line = new StringBuilder(table);
                        for (int column = 1; column <= columns.size(); column++) {
                            line.append('|').append(escaped(row.getString(column)));
                        }
                        rows.add(line.toString());
                    }
                }
                rows.sort(null);
                lines.addAll(rows);
            }
        }
        return lines;
    }

    private static String escaped(String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r");
    }
}
