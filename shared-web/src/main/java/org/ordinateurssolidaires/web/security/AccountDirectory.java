package org.ordinateurssolidaires.web.security;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Locale;
import java.util.UUID;

/**
 * The local accounts, read from the {@code account} table that the command side manages: both apps sign people
 * in against the same accounts, each by itself.
 */
public class AccountDirectory implements UserDetailsService {

    private final JdbcOperations jdbc;

    public AccountDirectory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Usernames are kept in lower case: {@code Camille} signs in as {@code camille}, and is {@code camille} in an
     * admin's address ({@code /api/accounts/Camille}); nothing else is changed, so
     * that {@code " admin"} or {@code "admin\t"} is no one. Only ASCII is folded, as usernames are ASCII: Unicode's
     * lower case of the Kelvin sign is {@code k}, and "\u212Aim" signed in as {@code kim}.
     */
    public static String canonical(String username) {
        return username.chars().allMatch(character -> character < 0x80) ? username.toLowerCase(Locale.ROOT)
                : username;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.query("select username, password_hash, roles, partner_id, donor_id, enabled from account"
                          + " where username = ?", rows -> {
            if (!rows.next()) {
                throw new UsernameNotFoundException("no such account");
            }
            Caller caller = new Caller(rows.getString("username"), Role.ofStored(rows.getString("roles")),
                    rows.getObject("partner_id", UUID.class), rows.getObject("donor_id", UUID.class));
            return new LocalAccount(caller, rows.getString("password_hash"), rows.getBoolean("enabled"));
        }, canonical(username));
    }
}
