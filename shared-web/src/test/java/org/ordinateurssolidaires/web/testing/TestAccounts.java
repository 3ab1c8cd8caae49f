package org.ordinateurssolidaires.web.testing;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The integration tests' accounts, opened when the app starts in the table both apps read: their client signs in
 * as {@value #STAFF}, a member of staff, unless a test says otherwise ({@code http.withBasicAuth(ADMIN, PASSWORD)}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAccounts {

    public static final String STAFF = "camille";
    /** An admin only: accounts and the actuator's metrics. */
    public static final String ADMIN = "ops";
    /** Every test account's password. */
    public static final String PASSWORD = "integration tests' password";

    /** The {@code Authorization} header of the staff account, for a request sent byte by byte. */
    public static String authorization() {
        return authorization(STAFF);
    }

    /** The {@code Authorization} header of one of these accounts. */
    public static String authorization(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ':' + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A client of the same app that does not sign in. */
    public static TestRestTemplate anonymous(TestRestTemplate signedIn) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .uriTemplateHandler(signedIn.getRestTemplate().getUriTemplateHandler()));
    }

    @Bean
    RestTemplateBuilder signedInRestTemplates() {
        return new RestTemplateBuilder().basicAuthentication(STAFF, PASSWORD);
    }

    @Bean
    ApplicationRunner testAccounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        return arguments -> {
            open(jdbc, passwords, STAFF, "staff", null, null);
            open(jdbc, passwords, ADMIN, "admin", null, null);
        };
    }

    /** Opens an account with {@link #PASSWORD} unless one of that name exists (the apps share the database). */
    public static void open(JdbcTemplate jdbc, PasswordEncoder passwords, String username, String roles,
                            UUID partnerId, UUID donorId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into account (username, password_hash, roles, partner_id, donor_id, enabled, created_at,"
                    + " created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, true, ?, 'tests', ?, 'tests')"
                    + " on conflict do nothing", username, passwords.encode(PASSWORD), roles, partnerId, donorId,
                now, now);
    }
}
