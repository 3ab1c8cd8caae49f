package org.ordinateurssolidaires.command.batch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.MultiLineText;
import org.ordinateurssolidaires.web.PlausibleTime;
import org.ordinateurssolidaires.command.web.NotBlankWhenGiven;
import org.ordinateurssolidaires.command.web.PlainReference;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.web.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Donation batches: a delivery imported from a CSV file, then reconciled with the donor. */
@RestController
@Tag(name = "Donation batches", description = "a donor's delivery of several devices, and its reconciliation")
class DonationBatchController {

    private final BatchImport batchImport;
    private final CommandDispatcher commands;

    DonationBatchController(BatchImport batchImport, CommandDispatcher commands) {
        this.batchImport = batchImport;
        this.commands = commands;
    }

    record ImportedDevice(UUID deviceId, String assetTag, List<StorageMedium> storageMedia) {
    }

    record ImportedBatch(UUID batchId, String reference, int devices, List<ImportedDevice> received) {
    }

    record Confirmation(@NotBlank @Size(max = 200) String confirmedBy,
                        @Size(max = 2000) @NotBlankWhenGiven @MultiLineText String comment) {

        ConfirmDonationBatch command(UUID batchId) {
            return new ConfirmDonationBatch(new DonationBatchId(batchId), confirmedBy, comment, speakingFor());
        }
    }

    record Dispute(@NotBlank @Size(max = 200) String raisedBy,
                   @NotBlank @Size(max = 2000) @MultiLineText String comment) {

        DisputeDonationBatch command(UUID batchId) {
            return new DisputeDonationBatch(new DonationBatchId(batchId), raisedBy, comment, speakingFor());
        }
    }

    @PostMapping(path = "/api/donors/{donorId}/batches", consumes = "text/csv")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a delivery from a CSV file (template: docs/donation-batch-template.csv), all or "
            + "nothing", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "the delivery's file: UTF-8, UTF-16 with its BOM, or Latin-1 (Windows-1252), or in the"
                    + " charset its Content-Type names; a row per device"
                    + " (docs/donation-batches.md)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    ImportedBatch importBatch(@PathVariable UUID donorId,
                              @RequestParam @NotBlank @Size(max = 100) @PlainReference String reference,
                              @RequestParam @PastOrPresent @PlausibleTime.Within Instant receivedAt,
                              @Parameter(hidden = true) InputStream file,
                              @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) String type,
                              CommandOrigin origin) throws IOException {
        BatchImport.Imported imported = batchImport.importBatch(new DonorId(donorId), reference.strip(), receivedAt,
                BatchFile.text(file, BatchFile.declaredCharset(type)), origin);
        return new ImportedBatch(imported.batchId(), reference.strip(), imported.devices().size(),
                imported.devices().stream().map(device -> new ImportedDevice(device.deviceId().value(),
                        device.assetTag().value(), device.storageMedia())).toList());
    }

    @PostMapping("/api/batches/{batchId}/confirmation")
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the donor's confirmation that the batch matches what it gave")
    void confirm(@PathVariable UUID batchId, @Valid @RequestBody Confirmation request, CommandOrigin origin) {
        commands.dispatch(request.command(batchId), origin);
    }

    @PostMapping("/api/batches/{batchId}/dispute")
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the donor's objection that the batch does not match what it gave")
    void dispute(@PathVariable UUID batchId, @Valid @RequestBody Dispute request, CommandOrigin origin) {
        commands.dispatch(request.command(batchId), origin);
    }

    /** Staff reconcile a batch for its donor; a donor's own account, only its own batches. */
    private static DonorId speakingFor() {
        Caller caller = Caller.current();
        return caller.has(Role.STAFF) ? null : new DonorId(caller.donorId());
    }

    /** The file's problems at once, by row and column (the first hundred), so staff can fix them in one go. */
    @ExceptionHandler
    ProblemDetail refused(BatchRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("Batch file refused");
        problem.setProperty("errors", refused.problems());
        if (refused.notListed() > 0) {
            problem.setProperty("errorsNotListed", refused.notListed());
        }
        return problem;
    }
}
