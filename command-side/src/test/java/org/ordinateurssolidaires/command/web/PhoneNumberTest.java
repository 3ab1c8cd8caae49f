package org.ordinateurssolidaires.command.web;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A phone number as people write it: 6 to 17 digits (15 at most in E.164, after "00" two more). */
class PhoneNumberTest {

    private static final Validator RULES = Validation.buildDefaultValidatorFactory().getValidator();

    record Contact(@PhoneNumber String phone) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"05 49 00", "+33 6 12 34 56 78", "06.39.98.12.34", "(0)5 49 00 00 00", "00 123 456 789 012 345"})
    void takesANumberOf6To17Digits(String phone) {
        assertThat(RULES.validate(new Contact(phone))).as(phone).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"05 49 0", "00 123 456 789 012 345 6", "+999999999999999999999", "06 12 34 56 78 ou 05",
            "appeler le soir"})
    void refusesFewerThan6DigitsMoreThan17OrWords(String phone) {
        assertThat(RULES.validate(new Contact(phone))).as(phone).isNotEmpty();
    }
}
