package org.ordinateurssolidaires.query.account;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts page is the admins' alone, and shows every account but never a password, not even hashed. */
class AccountsPageIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void onlyAnAdminOpensTheAccountsPage() {
        ResponseEntity<String> admin = http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)
                                           .getForEntity("/comptes", String.class);

        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody()).contains("Ouvrir un compte", ">" + TestAccounts.STAFF + "<",
                        "Équipe du programme")
                                   .doesNotContain("$2a$", "{bcrypt}");
        assertThat(http.getForEntity("/comptes", String.class).getStatusCode()).as("staff")
                                                                          .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestAccounts.anonymous(http).getForObject("/comptes", String.class)).as("anyone, sent to sign in")
                .contains("name=\"password\"").doesNotContain("Ouvrir un compte");
    }
}
