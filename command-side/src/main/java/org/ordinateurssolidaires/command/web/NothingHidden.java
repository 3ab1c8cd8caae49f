package org.ordinateurssolidaires.command.web;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * A name people read, search and compare (a donor's, a partner's, a person's, a place's) with no character nobody
 * sees among its letters: "Ami\u200Bn" with a zero-width space, or "Mar\u00ADtin" with a soft hyphen, shows as
 * "Amin" and "Martin" on every page and PDF but is not found by a search for them, and sorts apart. Refused: Unicode's
 * default-ignorable characters (format characters, fillers, variation selectors), as in the identifiers of UTS #39;
 * but the zero-width joiner and non-joiner inside a word of a script they shape ("می‌خواهم" in Persian, Devanagari's
 * half forms), where they are part of how the word is written.
 */
@Documented
@Constraint(validatedBy = NothingHidden.Checked.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NothingHidden {

    String message() default "must not hide a character: no zero-width space, soft hyphen, mark of direction or other "
                             + "character nobody sees";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Checked implements ConstraintValidator<NothingHidden, CharSequence> {

        private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
        private static final int ZERO_WIDTH_JOINER = 0x200D;
        /** Scripts whose letters the joiners never shape: there, a joiner only hides. */
        private static final Set<Integer> NOT_JOINED = Set.of(UScript.LATIN, UScript.GREEK, UScript.CYRILLIC,
                UScript.COMMON, UScript.INHERITED, UScript.UNKNOWN);

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            int before = ' ';
            for (int i = 0; i < text.length(); ) {
                int character = Character.codePointAt(text, i);
                i += Character.charCount(character);
                if (UCharacter.hasBinaryProperty(character, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                    && !(isJoiner(character) && shapes(before) && i < text.length()
                         && isLetterOrMark(Character.codePointAt(text, i)))) {
                    return false;
                }
                before = character;
            }
            return true;
        }

        private static boolean isJoiner(int character) {
            return character == ZERO_WIDTH_NON_JOINER || character == ZERO_WIDTH_JOINER;
        }

        private static boolean shapes(int character) {
            return isLetterOrMark(character) && !NOT_JOINED.contains(UScript.getScript(character));
        }

        private static boolean isLetterOrMark(int character) {
            int type = Character.getType(character);
            return Character.isLetter(character) || type == Character.NON_SPACING_MARK
                   || type == Character.COMBINING_SPACING_MARK;
        }
    }
}
