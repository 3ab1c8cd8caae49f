package org.ordinateurssolidaires.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class NormalisedPasswordsTest {

    private static final String COMPOSED = "Un \u00e9t\u00e9 \u00e0 Poitiers sous la pluie";
    private static final String DECOMPOSED = "Un e\u0301te\u0301 a\u0300 Poitiers sous la pluie";

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final NormalisedPasswords passwords = new NormalisedPasswords(bcrypt);

    /** One keyboard types "é" as one character, another as "e" and a combining accent. */
    @Test
    void aPasswordMatchesHoweverItsAccentsAreTyped() {
        String hash = passwords.encode(DECOMPOSED);

        assertThat(passwords.matches(COMPOSED, hash)).isTrue();
        assertThat(passwords.matches(DECOMPOSED, hash)).isTrue();
        assertThat(passwords.matches("Un ete a Poitiers sous la pluie", hash)).isFalse();
    }

    @Test
    void aHashMadeBeforeOfThePasswordAsTypedStillMatchesItTypedSo() {
        String hashedAsTyped = bcrypt.encode(DECOMPOSED);

        assertThat(passwords.matches(DECOMPOSED, hashedAsTyped)).isTrue();
        assertThat(passwords.matches("Un ete a Poitiers sous la pluie", hashedAsTyped)).isFalse();
    }

    @Test
    void compatibilityFormsAreOneCharacterWithTheirPlainOnes() {
        assertThat(NormalisedPasswords.normalised("\ufb03")).isEqualTo("ffi");
        assertThat(passwords.matches("\uff41\uff42\uff43 fullwidth letters", passwords.encode("abc fullwidth letters")))
                .isTrue();
    }
}
