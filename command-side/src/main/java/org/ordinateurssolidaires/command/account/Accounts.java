package org.ordinateurssolidaires.command.account;

import org.ordinateurssolidaires.command.account.AccountRequests.AccountAccess;
import org.ordinateurssolidaires.command.account.AccountRequests.AccountView;
import org.ordinateurssolidaires.command.referral.PartnerRoster;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local accounts, as admins manage them. Not events: a password hash has no place in an immutable history,
 * and an account's state is what it is now; each row says who last changed it and when. The programme must keep
 * at least one enabled admin, or nobody could manage accounts any more. A change ends the account's browser sessions.
 */
@Component
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private static final RowMapper<AccountView> VIEW = (row, number) -> new AccountView(row.getString("username"),
            new AccountAccess(List.copyOf(Role.ofStored(row.getString("roles"))),
                    row.getObject("partner_id", UUID.class), row.getObject("donor_id", UUID.class)),
            row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant(), row.getString("created_by"),
            row.getTimestamp("updated_at").toInstant(), row.getString("updated_by"));

    /** No other role's code contains admin's. */
    private static final String ADMINS = "%" + Role.ADMIN.code() + "%";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BCryptPasswordEncoder PROGRAMS = new BCryptPasswordEncoder(4);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final PartnerRoster partners;

    Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, PartnerRoster partners) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.partners = partners;
    }

    /** Opens an account unless one of that name exists; tells whether it did. */
    @Transactional
    boolean openUnlessTaken(String username, String password, AccountAccess access, String by) {
        return insert(username, passwords.encode(password), access, by);
    }

    /**
     * Opens, or opens again with a new password, the account of a program rather than a person (the demo
     * seeder), and gives its password: random, 144 bits, so its hash needs no work factor against guessing, and
     * BCrypt's least cost keeps each of the program's many requests cheap. {@code by}: the program that opens it
     * (the seeder opens itself, then the demo's accounts), named as the account's author.
     */
    @Transactional
    public String openForAProgram(String username, AccountAccess access, String by) {
        String password = newPassword();
        String hash = "{bcrypt}" + PROGRAMS.encode(password);
        if (!insert(username, hash, access, by)) {
            change(username, "password_hash = ?, enabled = true", by, hash);
        }
        return password;
    }

    private boolean insert(String username, String passwordHash, AccountAccess access, String by) {
        checkBinding(access);
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.update("insert into account (username, password_hash, roles, partner_id, donor_id, enabled,"
                           + " created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, true, ?, ?, ?, ?)"
                           + " on conflict do nothing", username, passwordHash, Role.stored(access.roles()),
                access.partnerId(), access.donorId(), now, by, now, by) == 1;
    }

    @Transactional
    void open(String username, String password, AccountAccess access, String by) {
        if (!openUnlessTaken(username, password, access, by)) {
            throw new RuleViolation(AccountRule.ACCOUNT_NAME_TAKEN_ONCE, "an account named " + username + " exists");
        }
    }

    List<AccountView> all() {
        return jdbc.query("select * from account order by username", VIEW);
    }

    Optional<AccountView> find(String username) {
        return jdbc.query("select * from account where username = ?", VIEW, username).stream().findFirst();
    }

    @Transactional
    void grant(String username, AccountAccess access, String by) {
        checkBinding(access);
        change(username, "roles = ?, partner_id = ?, donor_id = ?", by, Role.stored(access.roles()),
                access.partnerId(), access.donorId());
    }

    @Transactional
    void setPassword(String username, String password, String by) {
        change(username, "password_hash = ?", by, passwords.encode(password));
    }

    @Transactional
    public void enable(String username, boolean enabled, String by) {
        // asked again, it changes nothing: the row keeps who deactivated (or reactivated) it, and when
        Optional<AccountView> account = find(username);
        if (account.filter(found -> found.enabled() == enabled).isPresent()) {
            return;
        }
        if (enabled) {
            account.map(found -> found.access().partnerId()).ifPresent(partner -> partners.requireActive(
                    new PartnerId(partner), AccountRule.ACCOUNT_OF_AN_ACTIVE_PARTNER));
        }
        change(username, "enabled = ?", by, enabled);
    }

    private void change(String username, String assignments, String by, Object... values) {
        // the admins' rows first, in one order: two admins disabling each other wait for one another
        jdbc.queryForList("select username from account where roles like ? or username = ? order by username"
                          + " for update", String.class, ADMINS, username);
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = Timestamp.from(Instant.now());
        arguments[values.length + 1] = by;
        arguments[values.length + 2] = username;
        if (jdbc.update("update account set " + assignments + ", updated_at = ?, updated_by = ? where username = ?",
                arguments) == 0) {
            throw new UnknownEntity(UnknownEntity.Kind.ACCOUNT, "no account " + username);
        }
        if (enabledAdmins() == 0) {
            throw new RuleViolation(AccountRule.AN_ENABLED_ADMIN_REMAINS,
                    "this would leave no enabled admin: nobody could manage accounts any more");
        }
        endSessions(username);
    }

    /**
     * Ends an account's browser sessions, in both apps, without changing it: a computer left signed in, or lost
     * (OWASP ASVS 5.0, V7.4.5).
     */
    @Transactional
    void endSessionsOf(String username, String by) {
        if (find(username).isEmpty()) {
            throw new UnknownEntity(UnknownEntity.Kind.ACCOUNT, "no account " + username);
        }
        int ended = endSessions(username);
        log.info("Browser sessions of {} ended by {}: {}", username, by, ended); // no row says it: the log does
    }

    /**
     * An account's browser sessions end with any change to it (a new password, other roles, a deactivation), in the
     * change's transaction: a password set anew because it was given away must put out whoever used it, and a
     * deactivated account's sessions end at once (OWASP ASVS 5.0, V7.4.2 and V7.4.3). {@code SessionsFollowAccounts}
     * ends, at its next request, a session whose account lost its roles, but cannot see a new password, nor a
     * deactivation undone before that request. The sessions' table is the command side's (V13), kept by Spring
     * Session under each signed-in username.
     */
    private int endSessions(String username) {
        return jdbc.update("delete from spring_session where principal_name = ?", username);
    }

    private int enabledAdmins() {
        return jdbc.queryForObject("select count(*) from account where enabled and roles like ?", Integer.class,
                ADMINS);
    }

    /** A partner's or donor's account speaks for one that the programme knows. */
    private void checkBinding(AccountAccess access) {
        if (access.partnerId() != null) {
            partners.requireActive(new PartnerId(access.partnerId()), AccountRule.ACCOUNT_OF_AN_ACTIVE_PARTNER);
        }
        if (access.donorId() != null && jdbc.queryForObject("select count(*) from registered_donor where donor_id = ?",
                Integer.class, access.donorId()) == 0) {
            throw new UnknownEntity(UnknownEntity.Kind.DONOR, "no donor " + access.donorId());
        }
    }


    /**
     * A partner that stops working with the programme stops reading its households' data: its accounts are
     * deactivated and their sessions ended, in the deactivation's transaction ({@link PartnerAccounts}). Refused
     * if that would leave no enabled admin (a partner's account may also be an admin's).
     */
    void deactivateAccountsOf(UUID partner, String by) {
        List<String> usernames = jdbc.queryForList("select username from account where partner_id = ? and enabled"
                                                   + " order by username", String.class, partner);
        for (String username : usernames) {
            change(username, "enabled = false", by);
        }
    }

    /** A password for an account that a program opens, 144 random bits as 24 characters. */
    static String newPassword() {
        byte[] bits = new byte[18];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

}
