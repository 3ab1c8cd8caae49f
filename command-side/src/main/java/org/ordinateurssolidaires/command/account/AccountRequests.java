package org.ordinateurssolidaires.command.account;

import com.nulabinc.zxcvbn.Zxcvbn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.command.web.ReportedOn;
import org.ordinateurssolidaires.command.web.Secret;
import org.ordinateurssolidaires.web.security.NormalisedPasswords;
import org.ordinateurssolidaires.web.security.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** The shapes of the account requests, checked at the edge (400 naming each bad field). Public for the demo
 * seeder, which opens an account of its own. */
public final class AccountRequests {

    /** Lower case, so that one person cannot hold two accounts told apart by case only. */
    static final String USERNAME = "[a-z0-9][a-z0-9._@-]{1,63}";

    private AccountRequests() {
    }

    record Open(@NotNull @Pattern(regexp = USERNAME, message = "2 to 64 characters: lower-case letters, digits and"
                        + " . _ @ -, starting with a letter or a digit") @Schema(example = "camille.bernard")
                String username,
                @NotBlank @Size(min = 12, max = 64) @AccountPassword @Secret String password,
                @NotNull @Valid AccountAccess access) {

        /** Easy to guess for what it shares with the username (camille.bernard's "camille.bernard1"). */
        @AssertFalse(message = Passwords.GUESSABLE)
        @ReportedOn("password")
        @Schema(hidden = true)
        boolean isPasswordGuessableFromTheUsername() {
            return Passwords.guessable(password, username) && !Passwords.guessable(password);
        }
    }

    /**
     * What an account may do, and for whom it speaks: at most one programme role (the one its commands are
     * recorded under), admin and monitoring beside it or alone; a partner's account names its partner organisation,
     * a donor's its donor, and no other account names either.
     */
    public record AccountAccess(@NotEmpty @UniqueElements @ArraySchema(uniqueItems = true) List<@NotNull Role> roles,
                                UUID partnerId, UUID donorId) {

        @AssertTrue(message = "at most one of the roles STAFF, PARTNER, DONOR and AUDITOR, with ADMIN and MONITORING"
                + " or not")
        @ReportedOn("roles")
        @Schema(hidden = true)
        boolean isOneProgrammeRole() {
            return roles == null || Role.oneProgrammeRoleAtMost(roles);
        }

        @AssertTrue(message = "a PARTNER account names its partnerId, and only a PARTNER account does")
        @ReportedOn("partnerId")
        @Schema(hidden = true)
        boolean isPartnerBound() {
            return roles == null || roles.contains(Role.PARTNER) == (partnerId != null);
        }

        @AssertTrue(message = "a DONOR account names its donorId, and only a DONOR account does")
        @ReportedOn("donorId")
        @Schema(hidden = true)
        boolean isDonorBound() {
            return roles == null || roles.contains(Role.DONOR) == (donorId != null);
        }
    }

    record NewPassword(@NotBlank @Size(min = 12, max = 64) @AccountPassword @Secret String password) {

        /**
         * Refuses (400 on the password) one easy to guess for what it shares with the username, as an opening's: the
         * username is in the address, not in the record.
         */
        void refuseGuessableFrom(String username) {
            if (Passwords.guessable(password, username) && !Passwords.guessable(password)) {
                throw PageForms.FormRefused.field("password", "AssertFalse", Passwords.GUESSABLE);
            }
        }
    }

    /** An account as admins see it: never its password, not even hashed. */
    record AccountView(String username, AccountAccess access, boolean enabled, Instant createdAt, String createdBy,
                       Instant updatedAt, String updatedBy) {
    }

    /**
     * What a password must be beyond its length in code units (NIST SP 800-63B, 3.1.1.2): hashable whole, twelve
     * characters as a person counts them, and not easy to guess. Each rule speaks only once the ones before it pass,
     * so that a password is refused for one reason at a time.
     */
    @Documented
    @Constraint(validatedBy = AccountPassword.Check.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @interface AccountPassword {

        String message() default Passwords.GUESSABLE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<AccountPassword, String> {

            @Override
            public boolean isValid(String password, ConstraintValidatorContext context) {
                String broken = !Passwords.hashable(password) ? Passwords.NOT_HASHABLE
                        : !Passwords.longEnough(password) ? Passwords.TOO_SHORT
                        : Passwords.guessable(password) ? Passwords.GUESSABLE : null;
                if (broken != null) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(broken).addConstraintViolation();
                }
                return broken == null;
            }
        }
    }

    static final class Passwords {

        static final String NOT_HASHABLE = "at most 72 bytes in UTF-8, the most a BCrypt hash takes into account";
        static final String TOO_SHORT = "at least 12 characters, an emoji counting as one";
        static final String GUESSABLE = "is too easy to guess (a common password, the username, a repeated or"
                                        + " keyboard pattern): a longer phrase of unrelated words is both easier to"
                                        + " remember and harder to guess";
        /**
         * zxcvbn's score from 3, about 10^8 guesses and more: its lists of common passwords and words, repeats,
         * sequences and keyboard patterns; a phrase of four ordinary words passes.
         */
        private static final int SAFELY_UNGUESSABLE = 3;

        private Passwords() {
        }

        /** As it is hashed: in its NFKC form, which may be longer than typed ("ﬃ" is "ffi"). */
        static boolean hashable(String password) {
            return password == null
                   || NormalisedPasswords.normalised(password).getBytes(StandardCharsets.UTF_8).length <= 72;
        }

        static boolean longEnough(String password) {
            return password == null || password.length() < 12 // @Size says so
                   || password.codePointCount(0, password.length()) >= 12;
        }

        static boolean guessable(String password, String... context) {
            if (password == null || password.isBlank() || password.length() < 12 || password.length() > 64
                || !hashable(password) || !longEnough(password)) {
                return false; // refused already, blank or for its length
            }
            List<String> words = Arrays.stream(context).filter(Objects::nonNull).toList();
            String typed = NormalisedPasswords.normalised(password);
            return unsafe(typed, words) || words.stream().anyMatch(word -> builtOn(typed, word));
        }

        private static boolean unsafe(String password, List<String> words) {
            return Estimate.ZXCVBN.measure(password, words).getScore() < SAFELY_UNGUESSABLE;
        }

        /**
         * Built on the word (the username), what is left of it is guessable on its own: zxcvbn took
         * {@code op.staff2026xx} for a guess too long for {@code op.staff}; a phrase that holds the word among others
         * still passes.
         */
        private static boolean builtOn(String password, String word) {
            String lower = password.toLowerCase(Locale.ROOT);
            String within = NormalisedPasswords.normalised(word).toLowerCase(Locale.ROOT);
            return within.length() >= 4 && lower.contains(within) && unsafe(lower.replace(within, ""), List.of());
        }

        /** Loaded at the first password set: its dictionaries take a few megabytes. */
        private static final class Estimate {
            private static final Zxcvbn ZXCVBN = new Zxcvbn();
        }
    }
}
