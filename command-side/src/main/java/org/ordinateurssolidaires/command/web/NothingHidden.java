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

/**
 * A name people read, search and compare (a donor's, a partner's, a person's, a place's) with no character nobody
 * sees among its letters: "Ami\u200Bn" with a zero-width space, or "Mar\u00ADtin" with a soft hyphen, shows as
 * "Amin" and "Martin" on every page and PDF but is not found by a search for them, and sorts apart. Refused: Unicode's
 * default-ignorable characters (format characters, fillers, variation selectors: an emoji's "❤️" too), as in the
 * identifiers of UTS #39; but the zero-width joiner and non-joiner where they shape a word ("می‌خواهم" in Persian,
 * Devanagari's half forms), taken where a domain name takes them (RFC 5892), as part of how the word is written.
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
        /** The canonical combining class of a virama (Devanagari's ्, Malayalam's ്...). */
        private static final int VIRAMA = 9;
        private static final int REPLACEMENT = 0xFFFD;

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); ) {
                int character = Character.codePointAt(text, i);
                if (refused(text, i, character)) {
                    return false;
                }
                i += Character.charCount(character);
            }
            return true;
        }

        /** The text with each character the rule refuses put as U+FFFD, to show where it hid. */
        static String shown(String text) {
            StringBuilder shown = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int character = text.codePointAt(i);
                shown.appendCodePoint(refused(text, i, character) ? REPLACEMENT : character);
                i += Character.charCount(character);
            }
            return shown.toString();
        }

        /**
         * Unicode's default-ignorable characters, and the other format characters a name has no use for (the
         * interlinear annotation marks U+FFF9 to U+FFFB, hieroglyphs' format controls, which show as nothing too);
         * and U+FFFD, which a refused form types back where a character hid, and no name holds.
         */
        private static boolean refused(CharSequence text, int at, int character) {
            return (UCharacter.hasBinaryProperty(character, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                    || Character.getType(character) == Character.FORMAT || character == REPLACEMENT)
                   && !joinerInContext(text, at, character);
        }

        /**
         * The joiners where they shape a word, as IDNA takes them in a domain name (RFC 5892, CONTEXTJ): either after
         * a virama (a half form, a chillu), or the non-joiner between a letter that joins on its left and one that
         * joins on its right, with marks between (Persian's "می‌خواهم").
         */
        private static boolean joinerInContext(CharSequence text, int at, int joiner) {
            if (joiner != ZERO_WIDTH_JOINER && joiner != ZERO_WIDTH_NON_JOINER) {
                return false;
            }
            if (afterAViramaOfItsLetter(text, at)) {
                return true;
            }
            return joiner == ZERO_WIDTH_NON_JOINER
                   && joinsOn(joiningTypeBefore(text, at), UCharacter.JoiningType.LEFT_JOINING)
                   && joinsOn(joiningTypeAfter(text, at + 1), UCharacter.JoiningType.RIGHT_JOINING);
        }

        /** A virama on a letter of its own script (a Khmer coeng after a Latin "i" shapes nothing: it hides). */
        private static boolean afterAViramaOfItsLetter(CharSequence text, int at) {
            if (at == 0) {
                return false;
            }
            int virama = Character.codePointBefore(text, at);
            int base = at - Character.charCount(virama);
            return UCharacter.getCombiningClass(virama) == VIRAMA && base > 0
                   && UScript.getScript(Character.codePointBefore(text, base)) == UScript.getScript(virama);
        }

        private static boolean joinsOn(int type, int side) {
            return type == side || type == UCharacter.JoiningType.DUAL_JOINING;
        }

        /** The joining type of the first character before {@code at} that is not a mark (transparent). */
        private static int joiningTypeBefore(CharSequence text, int at) {
            for (int i = at; i > 0; ) {
                int character = Character.codePointBefore(text, i);
                i -= Character.charCount(character);
                int type = UCharacter.getIntPropertyValue(character, UProperty.JOINING_TYPE);
                if (type != UCharacter.JoiningType.TRANSPARENT) {
                    return type;
                }
            }
            return UCharacter.JoiningType.NON_JOINING;
        }

        /** The joining type of the first character from {@code from} on that is not a mark (transparent). */
        private static int joiningTypeAfter(CharSequence text, int from) {
            for (int i = from; i < text.length(); ) {
                int character = Character.codePointAt(text, i);
                i += Character.charCount(character);
                int type = UCharacter.getIntPropertyValue(character, UProperty.JOINING_TYPE);
                if (type != UCharacter.JoiningType.TRANSPARENT) {
                    return type;
                }
            }
            return UCharacter.JoiningType.NON_JOINING;
        }
    }
}
