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
import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;

/**
 * A name people read and compare (an organisation's, a place's) whose every word is written in one of the Latin, Greek
 * and Cyrillic alphabets, not two: "CCAS de Pоitiers" with a Cyrillic "о" prints as the CCAS's name and is another,
 * for any list or check comparing names (the mixed-script words of Unicode's security mechanisms, UTS #39). Names
 * in other scripts, or a Greek word beside a Latin one, are as welcome as before.
 */
@Documented
@Constraint(validatedBy = OneScriptPerWord.Checked.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneScriptPerWord {

    String message() default "must write each word in one alphabet: no Latin, Greek or Cyrillic letter that only "
                             + "looks like another";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Refuses a character of one of the three alphabets after one of another with only letters and marks between
     * them: read once, character by character (a pattern saying it took time growing with the square of the text's
     * length, seconds for a long name).
     */
    class Checked implements ConstraintValidator<OneScriptPerWord, CharSequence> {

        private static final Set<UnicodeScript> LOOK_ALIKE = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.GREEK,
                UnicodeScript.CYRILLIC);

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            UnicodeScript word = null; // the alphabet of the word read so far, if one of the three
            for (int i = 0; i < text.length(); ) {
                int character = Character.codePointAt(text, i);
                i += Character.charCount(character);
                UnicodeScript script = UnicodeScript.of(character);
                boolean lookAlike = LOOK_ALIKE.contains(script);
                if (lookAlike && word != null && word != script) {
                    return false;
                }
                if (lookAlike) {
                    word = script;
                } else if (!isLetterOrMark(character) && Character.getType(character) != Character.FORMAT) {
                    // a space, a digit, a dash: a new word begins after it; not after a character nobody sees (a
                    // zero-width space), which would let "Amin\u200Bа" pass for two words
                    word = null;
                }
            }
            return true;
        }

        private static boolean isLetterOrMark(int character) {
            int type = Character.getType(character);
            return Character.isLetter(character) || type == Character.NON_SPACING_MARK
                   || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
        }
    }
}
