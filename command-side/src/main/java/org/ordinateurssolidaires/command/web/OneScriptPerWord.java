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
 * A name people read and compare (an organisation's, a place's) whose every word is written in one of the Latin, Greek
 * and Cyrillic alphabets, not two: "CCAS de Pоitiers" with a Cyrillic "о" prints as the CCAS's name and is another,
 * for any list or check comparing names (the mixed-script words of Unicode's security mechanisms, UTS #39). Names
 * in other scripts, or a Greek word beside a Latin one, are as welcome as before.
 */
@Documented
@Pattern(regexp = OneScriptPerWord.NO_MIXED_WORD)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneScriptPerWord {

    /** Letters (and their accents) of one word between a letter of one of these alphabets and one of another. */
    String NO_MIXED_WORD = "(?s)(?!.*(?:"
            + "\\p{IsLatin}[\\p{L}\\p{M}]*(?:\\p{IsGreek}|\\p{IsCyrillic})"
            + "|\\p{IsGreek}[\\p{L}\\p{M}]*(?:\\p{IsLatin}|\\p{IsCyrillic})"
            + "|\\p{IsCyrillic}[\\p{L}\\p{M}]*(?:\\p{IsLatin}|\\p{IsGreek})"
            + ")).*";

    String message() default "must write each word in one alphabet: no Latin, Greek or Cyrillic letter that only "
                             + "looks like another";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
