package org.ordinateurssolidaires.command.donor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ordinateurssolidaires.command.web.CorrectsSomething;
import org.ordinateurssolidaires.command.web.MailAddress;
import org.ordinateurssolidaires.command.web.MultiLineText;
import org.ordinateurssolidaires.command.web.NotBlankWhenGiven;
import org.ordinateurssolidaires.command.web.NothingHidden;
import org.ordinateurssolidaires.command.web.OneScriptPerWord;
import org.ordinateurssolidaires.events.donor.AgreementCommitments;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.Siret;

import java.time.LocalDate;
import java.util.UUID;

/** The shapes of the donor command requests, checked at the edge (400 naming each bad field). Public for the
 * demo seeder, which sends the same shapes over HTTP. */
public final class DonorRequests {

    private DonorRequests() {
    }

    public record Register(@NotBlank @Size(max = 200) @OneScriptPerWord @NothingHidden String legalName,
                    @NotNull DonorKind kind,
                    @WellFormedSiret @Schema(example = "73282932000074") String siret,
                    @NotBlank @Size(max = 200) @NothingHidden String contactPerson,
                    @NotBlank @MailAddress @Size(max = 200) String contactEmail) {
    }

    @CorrectsSomething
    @Schema(name = "DonorCorrection") // the API describes the donor's and the device's apart
    public record Correct(@Size(max = 200) @NotBlankWhenGiven @OneScriptPerWord @NothingHidden String legalName,
                   @WellFormedSiret String siret,
                   @Size(max = 200) @NotBlankWhenGiven @NothingHidden String contactPerson,
                   @MailAddress @Size(max = 200) @NotBlankWhenGiven String contactEmail,
                   @NotBlank @Size(max = 500) @MultiLineText String reason) {
    }

    /** Each commitment must be stated explicitly: a missing one is a malformed request, not a "no". */
    public record Commitments(@NotNull Boolean freeForBeneficiary,
                       @NotNull Boolean equipmentTraceability,
                       @NotNull Boolean dataErasure,
                       @NotNull Boolean handOverCeremony) {

        AgreementCommitments stated() {
            return new AgreementCommitments(freeForBeneficiary, equipmentTraceability, dataErasure, handOverCeremony);
        }
    }

    public record Sign(@NotBlank @Size(max = 50) @Schema(example = "2023-0208") String modelAgreementVersion,
                @NotBlank @Size(max = 200) @NothingHidden String signatoryName,
                @NotBlank @Size(max = 200) String signatoryRole,
                @NotNull @PastOrPresent LocalDate signedOn,
                @NotNull LocalDate validFrom,
                LocalDate validUntil,
                @NotNull @Valid Commitments commitments) {
    }

    public record Terminate(@NotNull LocalDate terminatedOn,
                     @NotBlank @Size(max = 500) @MultiLineText String reason) {
    }

    public record Registered(UUID donorId) {
    }

    public record Signed(UUID donorId, UUID agreementId) {
    }

    static Siret siretOrNone(String siret) {
        return siret == null ? null : new Siret(siret);
    }
}
