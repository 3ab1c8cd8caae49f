package org.ordinateurssolidaires.command.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ordinateurssolidaires.command.web.ReportedOn;
import org.ordinateurssolidaires.web.security.Role;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
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
                @NotBlank @Size(min = 12, max = 64) String password,
                @NotNull @Valid AccountAccess access) {

        @AssertTrue(message = "at most 72 bytes in UTF-8, the most a BCrypt hash takes into account")
        @ReportedOn("password")
        @Schema(hidden = true)
        boolean isPasswordHashable() {
            return Passwords.hashable(password);
        }
    }

    /**
     * What an account may do, and for whom it speaks: at most one programme role (the one its commands are
     * recorded under), admin beside it or alone; a partner's account names its partner organisation, a donor's
     * its donor, and no other account names either.
     */
    public record AccountAccess(@NotEmpty Set<@NotNull Role> roles, UUID partnerId, UUID donorId) {

        @AssertTrue(message = "at most one of the roles STAFF, PARTNER, DONOR and AUDITOR, with ADMIN or not")
        @ReportedOn("roles")
        @Schema(hidden = true)
        boolean isOneProgrammeRole() {
            return roles == null || roles.stream().filter(role -> role != Role.ADMIN).count() <= 1;
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

    record NewPassword(@NotBlank @Size(min = 12, max = 64) String password) {

        @AssertTrue(message = "at most 72 bytes in UTF-8, the most a BCrypt hash takes into account")
        @ReportedOn("password")
        @Schema(hidden = true)
        boolean isPasswordHashable() {
            return Passwords.hashable(password);
        }
    }

    /** An account as admins see it: never its password, not even hashed. */
    record AccountView(String username, AccountAccess access, boolean enabled, Instant createdAt, String createdBy,
                       Instant updatedAt, String updatedBy) {
    }

    static final class Passwords {

        private Passwords() {
        }

        static boolean hashable(String password) {
            return password == null || password.getBytes(StandardCharsets.UTF_8).length <= 72;
        }
    }
}
