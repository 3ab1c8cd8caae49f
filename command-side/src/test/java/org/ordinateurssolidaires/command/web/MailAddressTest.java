package org.ordinateurssolidaires.command.web;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The addresses the programme writes to: what Hibernate Validator's {@code @Email} takes, less a dotless domain. */
class MailAddressTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    record Contact(@MailAddress String email) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void takesAnAddressWhoseDomainHasADot() {
        for (String address : List.of("claire.dubois@example.org", "accueil+dons@ccas.poitiers.fr",
                "o'brien@univ-poitiers.fr", "émilie@exemple.fr")) {
            assertThat(refusals(address)).as(address).isEmpty();
        }
    }

    @Test
    void refusesAnAddressMailCannotReachAsOneRule() {
        for (String address : List.of("a@b", "accueil@localhost", "a@b.", "a@.fr", "a@b..fr", "a@@b.fr",
                "a b@c.fr", "@example.org", "claire.dubois", "a@b,fr")) {
            assertThat(refusals(address)).as(address).containsExactly(
                    "must be an e-mail address: a name, @ and a domain with a dot (accueil@example.org)");
        }
    }

    private static List<String> refusals(String address) {
        return FACTORY.getValidator().validate(new Contact(address)).stream()
                      .map(refusal -> refusal.getMessage()).toList();
    }
}
