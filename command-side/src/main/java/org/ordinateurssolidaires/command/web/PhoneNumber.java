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
 * A phone number as people write it (05 49 00 00 00, +33 6 12 34 56 78, 06.39.98.12.34): 6 to 17 digits, with
 * spaces, dots, dashes or brackets between them and a + before. Someone will call it: words are no number, and
 * neither are two numbers run together (no number has more than 15 digits, E.164, or 17 after "00").
 */
@Documented
@Pattern(regexp = "(?=(?:\\D*\\d){6})(?!(?:\\D*\\d){18})\\+?[0-9 .()\\-]+")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PhoneNumber {

    String message() default "must be a phone number: 6 to 17 digits, with spaces, dots, dashes or brackets "
                             + "between them and a + before";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
