package org.ordinateurssolidaires.command;

import org.ordinateurssolidaires.store.personaldata.KeyEncryptionKey;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole command side on a real, initially empty PostgreSQL database, shared by every test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics // metrics are exported as in production
@AutoConfigureTestRestTemplate
@Import(TestAccounts.class) // the tests' client is a member of staff
@ActiveProfiles("postgres")
public abstract class CommandSideIntegrationTest {

    /** The tests' own key-encryption key, as an installation has one: the keys the tests store are wrapped by it. */
    private static final String KEY_ENCRYPTION_KEYSET = KeyEncryptionKey.newKeyset();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.emptyDatabase("ordinateurs_command_side_it"));
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
        registry.add("ordinateurs.personal-data.key-encryption-keyset", () -> KEY_ENCRYPTION_KEYSET);
        registry.add("ordinateurs.security.password-hash-strength", () -> 4); // BCrypt's least cost: tests sign in often
        registry.add("ordinateurs.admin-password", () -> "integration tests' admin password");
        registry.add("ordinateurs.personal-data.household-index-secret", () -> "integration tests' own secret");
    }
}
