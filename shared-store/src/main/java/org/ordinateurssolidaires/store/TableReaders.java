package org.ordinateurssolidaires.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * On PostgreSQL each app signs in with a role of its own (docs/security.md, deploy/postgres/roles.sql), and owns
 * the tables its migrations create: no other role may write them. The app that owns a table lets another role read
 * it only where that role needs it, table by table; it grants those reads at every start, after its migrations, so
 * that a release adding a table grants it too. A role left unset (the embedded default, or one role for both apps)
 * is granted nothing.
 *
 * @param grants the tables each role may read (or, for the browser sessions both apps share, keep)
 */
public record TableReaders(JdbcTemplate jdbc, List<Grant> grants) implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TableReaders.class);
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TableReaders {
        grants = List.copyOf(grants);
    }

    /**
     * @param role the role's name from the app's settings: blank when it has none
     * @param privileges what the role may do with the rows: read them, or also keep them (never change the table)
     */
    public record Grant(String role, String privileges, List<String> tables) {

        public static Grant reads(String role, List<String> tables) {
            return new Grant(role, "select", tables);
        }

        public static Grant keeps(String role, List<String> tables) {
            return new Grant(role, "select, insert, update, delete", tables);
        }
    }

    @Override
    public void run(ApplicationArguments arguments) {
        OnPostgres postgres = new OnPostgres(jdbc);
        grants.forEach(grant -> {
            String role = grant.role();
            List<String> tables = grant.tables();
            if (role.isBlank()) {
                return;
            }
            if (!ROLE.matcher(role).matches() || !tables.stream().allMatch(table -> TABLE.matcher(table).matches())) {
                throw new IllegalStateException("not a plain PostgreSQL role name (or table): " + role + " " + tables);
            }
            if (!postgres.isTrue()) {
                log.warn("Database roles are PostgreSQL's: {} is granted nothing here", role);
                return;
            }
            jdbc.execute("grant " + grant.privileges() + " on " + String.join(", ", tables) + " to " + role);
            log.info("Role {} may {} {}", role, grant.privileges(), tables);
        });
    }
}
