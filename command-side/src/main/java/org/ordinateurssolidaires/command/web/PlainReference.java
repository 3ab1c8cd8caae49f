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
 * A delivery's reference, written one way: what a delivery note prints ({@link AsPrinted}: nothing invisible),
 * with the hyphen {@code -} for every dash and no full-width form. A reference that only looks like another
 * ("LIV‐04" with a typographic hyphen, "ＬＩＶ-04" typed in full-width mode) made a second delivery of the donor that
 * its report and its certificate print as the first.
 */
@Documented
@AsPrinted
// the hyphen, or anything but a dash or a full-width form: one class, which the pattern reads character by character
// (a choice between two, repeated, went one level deeper in the stack for each character: a long text overflowed it)
@Pattern(regexp = "[-[^\\p{Pd}\\u2212\\uFF00-\\uFFEF]]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainReference {

    String message() default "must be written plainly: the hyphen - for every dash, no full-width letter or digit, "
                             + "nothing invisible";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
