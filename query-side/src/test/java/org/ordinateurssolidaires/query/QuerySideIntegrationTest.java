package org.ordinateurssolidaires.query;

import org.ordinateurssolidaires.query.documents.DocumentSeal;
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

/**
 * The whole query side on a real PostgreSQL database that holds the command side's event store, as when both
 * apps share one database. Tests write events with {@link #events} and read what the query side made of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics // metrics are exported as in production
@AutoConfigureTestRestTemplate
// the tests' client is a member of staff; each context claims segments under its own name
@Import({TestAccounts.class, TokenOwnerPerContext.class})
@ActiveProfiles("postgres")
public abstract class QuerySideIntegrationTest {

    /** The tests' own key-encryption key, as an installation has one: the keys the tests store are wrapped by it. */
    private static final String KEY_ENCRYPTION_KEYSET = KeyEncryptionKey.newKeyset();
    /** The tests' own seal for the documents they issue. */
    private static final String SEAL_KEYSET = DocumentSeal.newKeyset();

    private static final String DATABASE = "ordinateurs_query_side_it";

    protected static EventStoreFixture events;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (events == null) {
            events = EventStoreFixture.onEmptyDatabase(DATABASE);
        }
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.emptyDatabase(DATABASE));
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
        registry.add("ordinateurs.personal-data.key-encryption-keyset", () -> KEY_ENCRYPTION_KEYSET);
        registry.add("ordinateurs.documents.seal-keyset", () -> SEAL_KEYSET);
        registry.add("ordinateurs.security.password-hash-strength", () -> 4); // BCrypt's least cost: tests sign in often
    }
}
