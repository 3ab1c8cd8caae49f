package org.ordinateurssolidaires.events.referral;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal data sealed for an event opens only with its own key, and only unaltered; data sealed by an earlier
 * release, without the accessibility needs, still opens.
 */
class EncryptedPersonalDataTest {

    private static final PersonalData FAMILY = new PersonalData("Amina Diallo", "0612345678", "amina@example.org",
            "3 rue des Écoles, Poitiers", "two children in secondary school", "a braille display");

    @Test
    void opensWithItsKeyAndShowsNothingInClear() {
        byte[] key = key(1);

        EncryptedPersonalData sealed = EncryptedPersonalData.seal("referral:1", key, FAMILY);

        assertThat(sealed.open(key)).isEqualTo(FAMILY);
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Amina").doesNotContain("0612345678");
        assertThat(EncryptedPersonalData.seal("referral:1", key, FAMILY).nonce()).isNotEqualTo(sealed.nonce());
    }

    @Test
    void refusesAnotherKeyOrAnAlteredCiphertext() {
        EncryptedPersonalData sealed = EncryptedPersonalData.seal("referral:1", key(1), FAMILY);
        byte[] altered = Base64.getDecoder().decode(sealed.ciphertext());
        altered[0] ^= 1;
        var tampered = new EncryptedPersonalData(sealed.keyId(), sealed.nonce(),
                Base64.getEncoder().encodeToString(altered));

        assertThatThrownBy(() -> sealed.open(key(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tampered.open(key(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void opensDataSealedBeforeAccessibilityNeedsWereSealedWithIt() throws Exception {
        byte[] key = key(1);
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealedBefore = cipher.doFinal(("{\"name\":\"Amina Diallo\",\"phone\":\"0612345678\",\"email\":null,"
                + "\"address\":null,\"notes\":null}").getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();

        PersonalData opened = new EncryptedPersonalData("referral:1", base64.encodeToString(nonce),
                base64.encodeToString(sealedBefore)).open(key);

        assertThat(opened).isEqualTo(new PersonalData("Amina Diallo", "0612345678", null, null, null, null));
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
