package org.ordinateurssolidaires.command.ceremony;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordinateurssolidaires.command.web.MultiLineText;

/** The shapes of the ceremony command requests, checked at the edge (400 naming each bad field). Public for
 * the demo seeder, which sends the same shapes over HTTP. */
public final class CeremonyRequests {

    private CeremonyRequests() {
    }

    public record Schedule(@NotNull LocalDate date,
                    @NotBlank @Size(max = 200) String place) {
    }

    public record Invite(@NotEmpty @Size(max = 500) List<@NotNull UUID> donorIds) {
    }

    public record Reschedule(@NotNull LocalDate date,
                      @NotBlank @Size(max = 200) String place,
                      @NotBlank @Size(max = 500) @MultiLineText String reason) {
    }

    public record Cancel(@NotBlank @Size(max = 500) @MultiLineText String reason) {
    }

    public record Held(@NotNull @PositiveOrZero Integer householdsPresent,
                @NotNull @PositiveOrZero Integer donorsPresent) {
    }

    public record Scheduled(UUID ceremonyId) {
    }
}
