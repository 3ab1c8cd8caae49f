package org.ordinateurssolidaires.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An address the programme's mail can reach: Hibernate Validator's {@link Email}, which follows RFC 5322 and so takes
 * "a@b" (a name on a local network), and a domain of at least two labels, none of them empty.
 */
@Documented
@Email
@Pattern(regexp = "[^@]+@[^@.]+(?:\\.[^@.]+)+") // as a pattern, the API's description gives it too
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddress {

    String message() default "must be an e-mail address: a name, @ and a domain with a dot (accueil@example.org)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
