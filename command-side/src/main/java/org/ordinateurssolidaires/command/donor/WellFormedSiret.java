package org.ordinateurssolidaires.command.donor;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.ordinateurssolidaires.events.donor.Siret;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A SIRET, when given, has 14 digits and a valid check digit (see {@link Siret#isWellFormed}), and a SIREN that
 * INSEE issues: 000000000, which passes the check, is a placeholder typed for an unknown number. Checked here, on
 * what comes in, not in {@link Siret}, which also reads the events already stored.
 */
@Documented
@Constraint(validatedBy = WellFormedSiret.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface WellFormedSiret {

    String message() default "must be a SIRET: 14 digits with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WellFormedSiret, String> {

        private static final String NO_SIREN = "000000000";

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Siret.isWellFormed(value) && !value.startsWith(NO_SIREN);
        }
    }
}
