package org.ordinateurssolidaires.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A label's text as it is printed on the thing (a serial number, an asset tag): letters, digits, punctuation,
 * symbols and plain spaces. An invisible character (a zero-width space, a mark of direction) would make a second
 * serial that looks like the first, pass the rule of one serial per medium, and hide the medium from a search by
 * what the scanner reads.
 */
@Documented
@Pattern(regexp = AsPrinted.CHARACTERS)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AsPrinted {

    /** What a label prints: letters, digits, punctuation, symbols and plain spaces. */
    String CHARACTERS = "[\\p{L}\\p{N}\\p{P}\\p{S} ]*";

    String message() default "must hold only what a label prints: letters, digits, punctuation, symbols and spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
