package org.ordinateurssolidaires.query.account;

import org.ordinateurssolidaires.web.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts as admins see them, read from the {@code account} table the command side keeps (the query side reads
 * it to sign people in), each with the name of the partner or donor it speaks for, from their read models. Never a
 * password, not even hashed.
 */
@Component
class AccountList {

    private final JdbcTemplate jdbc;

    AccountList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An account, and for whom it speaks; the name is null for a partner or donor not yet in the read models. */
    record AccountRow(String username, Set<Role> roles, UUID partnerId, String partnerName, UUID donorId,
                      String donorName, boolean enabled, Instant updatedAt, String updatedBy) {

        boolean admin() {
            return roles.contains(Role.ADMIN);
        }

        /** Its programme role (at most one, the rules say), if any. */
        Optional<Role> programmeRole() {
            return roles.stream().filter(role -> role != Role.ADMIN).findFirst();
        }
    }

    /** A partner or a donor an account may speak for. */
    record Choice(UUID id, String name) {
    }

    List<AccountRow> all() {
        return jdbc.query("select a.username, a.roles, a.partner_id, p.name, a.donor_id, d.legal_name, a.enabled,"
                          + " a.updated_at, a.updated_by from account a"
                          + " left join partner_record p on p.partner_id = a.partner_id"
                          + " left join donor_record d on d.donor_id = a.donor_id order by a.username",
                (row, n) -> new AccountRow(row.getString(1), Role.ofStored(row.getString(2)),
                        row.getObject(3, UUID.class), row.getString(4), row.getObject(5, UUID.class),
                        row.getString(6), row.getBoolean(7), instant(row.getTimestamp(8)), row.getString(9)));
    }

    /** The partners an account may be opened for: active ones (a deactivated partner's are refused). */
    List<Choice> activePartners() {
        return jdbc.query("select partner_id, name from partner_record where active order by name",
                (row, n) -> new Choice(row.getObject(1, UUID.class), row.getString(2)));
    }

    List<Choice> donors() {
        return jdbc.query("select donor_id, legal_name from donor_record order by legal_name",
                (row, n) -> new Choice(row.getObject(1, UUID.class), row.getString(2)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
