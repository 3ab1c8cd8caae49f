package org.ordinateurssolidaires.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A correction's request names at least one field it corrects: any of its record's components but {@code reason}.
 * A rule of the request as a whole, so a refusal names no field.
 */
@Documented
@Constraint(validatedBy = CorrectsSomething.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CorrectsSomething {

    String message() default "a correction names at least one corrected field";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CorrectsSomething, Record> {

        @Override
        public boolean isValid(Record correction, ConstraintValidatorContext context) {
            return correction == null || Arrays.stream(correction.getClass().getRecordComponents())
                    .filter(component -> !component.getName().equals("reason"))
                    .anyMatch(component -> valueOf(component, correction) != null);
        }

        private static Object valueOf(RecordComponent component, Record correction) {
            try {
                component.getAccessor().setAccessible(true); // the request records are the controllers' own
                return component.getAccessor().invoke(correction);
            } catch (IllegalAccessException | InvocationTargetException unreadable) {
                throw new IllegalStateException("cannot read " + component, unreadable);
            }
        }
    }
}
