package org.ordinateurssolidaires.query.account;

import org.ordinateurssolidaires.web.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts as admins see them, read from the {@code account} table the command side keeps (the query side reads
 * it to sign people in), each with the name of the partner it speaks for, from its read model. Never a password, not
 * even hashed.
 */
@Component
class AccountList {

    private final JdbcTemplate jdbc;

    AccountList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An account, and for whom it speaks; the name is null for a partner not yet in the read model. */
    record AccountRow(String username, Set<Role> roles, UUID partnerId, String partnerName, UUID donorId,
                      boolean enabled, Instant updatedAt, String updatedBy) {
    }

    /** A partner or a donor an account may speak for. */
    record Choice(UUID id, String name) {
    }

    List<AccountRow> all() {
        return jdbc.query("select a.username, a.roles, a.partner_id, p.name, a.donor_id, a.enabled, a.updated_at,"
                          + " a.updated_by from account a left join partner_record p on p.partner_id = a.partner_id"
                          + " order by a.username",
                (row, n) -> new AccountRow(row.getString(1), Role.ofStored(row.getString(2)),
                        row.getObject(3, UUID.class), row.getString(4), row.getObject(5, UUID.class),
                        row.getBoolean(6), instant(row.getTimestamp(7)), row.getString(8)));
    }

    /** The partners an account may be opened for: active ones (a deactivated partner's are refused). */
    List<Choice> activePartners() {
        return jdbc.query("select partner_id, name from partner_record where active order by name",
                (row, n) -> new Choice(row.getObject(1, UUID.class), row.getString(2)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
