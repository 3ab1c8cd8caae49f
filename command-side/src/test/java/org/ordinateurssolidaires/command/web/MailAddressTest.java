package org.ordinateurssolidaires.command.web;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The addresses the programme writes to: what Hibernate Validator's {@code @Email} takes, less a domain no mail server
 * knows (no dot, a label of other characters, a last label not of letters) and anything unseen or full-width.
 */
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
                "o'brien@univ-poitiers.fr", "émilie@exemple.fr", "contact@mairie-évry.fr", "x@sub.example.co.uk",
                "")) { // empty: another rule's, not two refusals
            assertThat(refusals(address)).as(address).isEmpty();
        }
    }

    @Test
    void refusesAnAddressMailCannotReachAsOneRule() {
        for (String address : List.of("a@b", "accueil@localhost", "a@b.", "a@.fr", "a@b..fr", "a@@b.fr",
                "a b@c.fr", "@example.org", "claire.dubois", "a@b,fr", "ines@mutuelle\u200B.fr", "ines\u200B@mutuelle.fr",
                "ines@mutuelle.fr\u200B", "ines@mutuelle_x.fr", "ines@\uFF4Dutuelle.fr", "ines@mutuelle.123",
                "ines@mutuelle.f", "ines@-mutuelle.fr", "ines@mutuelle-.fr", "ines@" + "m".repeat(64) + ".fr",
                "ines\u00A0@mutuelle.fr")) {
            assertThat(refusals(address)).as(address).containsExactly(
                    "must be an e-mail address: a name, @ and a domain with a dot (accueil@example.org)");
        }
    }

    private static List<String> refusals(String address) {
        return FACTORY.getValidator().validate(new Contact(address)).stream()
                      .map(refusal -> refusal.getMessage()).toList();
    }
}
