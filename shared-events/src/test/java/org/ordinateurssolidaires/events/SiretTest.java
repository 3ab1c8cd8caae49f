package org.ordinateurssolidaires.events;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.donor.Siret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiretTest {

    @Test
    void acceptsFourteenDigitsThatPassTheLuhnCheck() {
        assertThat(Siret.isWellFormed("73282932000074")).isTrue();
        assertThat(Siret.isWellFormed("55210055400013")).isTrue();
    }

    @Test
    void refusesAWrongCheckDigitAWrongLengthOrLetters() {
        assertThat(Siret.isWellFormed("73282932000075")).isFalse();
        assertThat(Siret.isWellFormed("7328293200007")).isFalse();
        assertThat(Siret.isWellFormed("7328293200007A")).isFalse();
        assertThat(Siret.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> new Siret("12345678901234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksLaPosteEstablishmentsByTheSumOfTheirDigits() {
        assertThat(Siret.isWellFormed("35600000000001")).isTrue();  // digits sum to 15, though Luhn fails
        assertThat(Siret.isWellFormed("35600000000002")).isFalse(); // 16
    }

    /** Found by an outside probe: La Poste's head office, whose digits sum to 26, keeps the Luhn check. */
    @Test
    void checksLaPostesHeadOfficeByLuhn() {
        assertThat(Siret.isWellFormed("35600000000048")).isTrue();
        assertThat(Siret.isWellFormed("35600000000049")).isFalse();
    }
}
