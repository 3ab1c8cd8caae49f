package org.ordinateurssolidaires.command.ceremony;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordinateurssolidaires.command.web.MultiLineText;
import org.ordinateurssolidaires.command.web.NothingHidden;
import org.ordinateurssolidaires.command.web.OneScriptPerWord;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.donor.DonorId;

/** The shapes of the ceremony command requests, checked at the edge (400 naming each bad field). Public for
 * the demo seeder, which sends the same shapes over HTTP. */
public final class CeremonyRequests {

    private CeremonyRequests() {
    }

    public record Schedule(@NotNull LocalDate date,
                    @NotBlank @Size(max = 200) @OneScriptPerWord @NothingHidden String place) {

        ScheduleCeremony command(CeremonyId ceremonyId) {
            return new ScheduleCeremony(ceremonyId, date, place);
        }
    }

    public record Invite(@NotEmpty @Size(max = 500) @UniqueElements List<@NotNull UUID> donorIds) {

        InviteDonors command(UUID ceremonyId) {
            return new InviteDonors(new CeremonyId(ceremonyId), donorIds.stream().map(DonorId::new).toList());
        }
    }

    public record Reschedule(@NotNull LocalDate date,
                      @NotBlank @Size(max = 200) @OneScriptPerWord @NothingHidden String place,
                      @NotBlank @Size(max = 500) @MultiLineText String reason) {

        RescheduleCeremony command(UUID ceremonyId) {
            return new RescheduleCeremony(new CeremonyId(ceremonyId), date, place, reason);
        }
    }

    public record Cancel(@NotBlank @Size(max = 500) @MultiLineText String reason) {

        CancelCeremony command(UUID ceremonyId) {
            return new CancelCeremony(new CeremonyId(ceremonyId), reason);
        }
    }

    /**
     * A ceremony gathers tens of households and a few donors: a count beyond {@value #MOST_PRESENT} is a slip of
     * the keyboard, refused here rather than printed on every invited donor's report and certificate.
     */
    public record Held(@NotNull @PositiveOrZero @Max(MOST_PRESENT) Integer householdsPresent,
                @NotNull @PositiveOrZero @Max(MOST_PRESENT) Integer donorsPresent) {

        static final int MOST_PRESENT = 1_000;

        /** @param recordedOn today, in the programme's calendar: a ceremony is not recorded held before its day */
        RecordCeremonyHeld command(UUID ceremonyId, LocalDate recordedOn) {
            return new RecordCeremonyHeld(new CeremonyId(ceremonyId), householdsPresent, donorsPresent, recordedOn);
        }
    }

    public record Scheduled(UUID ceremonyId) {
    }
}
