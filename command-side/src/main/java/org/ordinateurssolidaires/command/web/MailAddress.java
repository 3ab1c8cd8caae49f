package org.ordinateurssolidaires.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An address the programme's mail can reach: Hibernate Validator's {@link Email} (which the API's description
 * gives as the e-mail format), which follows RFC 5322 and so takes "a@b" (a name on a local network), and a host
 * name as mail servers know one: labels of letters, digits and inner hyphens, at least two, the last of two letters
 * or more; nothing invisible nor full-width anywhere, which would make one household's address two. An empty one is
 * {@code @NotBlank}'s to refuse, as {@code @Email} leaves it. Read character by character: no pattern's backtracking.
 */
@Documented
@Email
@ReportAsSingleViolation
@Constraint(validatedBy = MailAddress.Checked.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddress {

    String message() default "must be an e-mail address: a name, @ and a domain with a dot (accueil@example.org)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Checked implements ConstraintValidator<MailAddress, String> {

        private static final int LONGEST_LABEL = 63;

        @Override
        public boolean isValid(String address, ConstraintValidatorContext context) {
            if (address == null || address.isEmpty()) {
                return true;
            }
            int at = address.indexOf('@');
            if (at <= 0 || at != address.lastIndexOf('@') || !address.codePoints().allMatch(Checked::shown)) {
                return false;
            }
            String[] labels = address.substring(at + 1).split("\\.", -1);
            if (labels.length < 2 || !labels[labels.length - 1].chars().allMatch(Character::isLetter)
                || labels[labels.length - 1].length() < 2) {
                return false;
            }
            for (String label : labels) {
                if (label.isEmpty() || label.length() > LONGEST_LABEL || label.startsWith("-") || label.endsWith("-")
                    || !label.codePoints().allMatch(c -> c == '-' || Character.isLetterOrDigit(c))) {
                    return false;
                }
            }
            return true;
        }

        /** Neither a space nor anything unseen (controls, format characters, U+FFFD), nor a full-width form. */
        private static boolean shown(int character) {
            int type = Character.getType(character);
            return !Character.isWhitespace(character) && !Character.isSpaceChar(character)
                   && type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                   && type != Character.PRIVATE_USE && character != '\uFFFD'
                   && !(character >= '\uFF00' && character <= '\uFFEF');
        }
    }
}
