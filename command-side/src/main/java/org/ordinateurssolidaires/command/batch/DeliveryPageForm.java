package org.ordinateurssolidaires.command.batch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.command.web.PlainReference;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The import of a delivery's CSV file from the reception page (the query side's {@code /livraisons/nouvelle}): the
 * same import as the API's, all or nothing; a refused file comes back with every row at fault.
 */
@Controller
class DeliveryPageForm {

    private final BatchImport batchImport;
    private final PageForms forms;

    DeliveryPageForm(BatchImport batchImport, PageForms forms) {
        this.batchImport = batchImport;
        this.forms = forms;
    }

    /** What the API takes as its path and parameters, with the same rules. */
    record Delivery(@NotNull UUID donorId,
                    @NotBlank @Size(max = 100) @PlainReference String reference,
                    @NotNull @PastOrPresent Instant receivedAt) {
    }

    @PostMapping("/actions/livraisons")
    @PreAuthorize(Access.STAFF)
    String importDelivery(@RequestParam(name = "file", required = false) MultipartFile file,
                          HttpServletRequest request, CommandOrigin origin, RedirectAttributes flash) {
        return forms.submitWithReport(request, flash, "done.imported", () -> {
            Delivery delivery = forms.bind(Delivery.class, request, Map.of());
            try (InputStream csv = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
                BatchImport.Imported imported = batchImport.importBatch(new DonorId(delivery.donorId()),
                        delivery.reference().strip(), delivery.receivedAt(),
                        BatchFile.text(csv, file == null ? null : BatchFile.declaredCharset(file.getContentType())),
                        origin);
                return new PageForms.Next("/inventaire", imported.devices().stream()
                        .map(device -> device.assetTag().value() + " — " + device.manufacturer() + " "
                                       + device.model())
                        .toList());
            } catch (BatchRefused refused) {
                List<DefaultMessageSourceResolvable> lines = new ArrayList<>(refused.problems().stream()
                        .map(DeliveryPageForm::said).toList());
                if (refused.notListed() > 0) {
                    lines.add(new DefaultMessageSourceResolvable(new String[]{"delivery.notListed"},
                            new Object[]{String.valueOf(refused.notListed())},
                            "and " + refused.notListed() + " more problems, not listed"));
                }
                throw new PageForms.FileRefused("rule.BATCH_FILE_REFUSED", refused.getMessage(), lines);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
    }

    /**
     * A row's problem as the import page says it, in the reader's language: where (the file, a row, a row's column)
     * and what, from its code, or in the API's words where the pages have none for it.
     */
    private static DefaultMessageSourceResolvable said(RowProblem problem) {
        var what = new DefaultMessageSourceResolvable(new String[]{problem.code()}, problem.arguments().toArray(),
                problem.message());
        String where = problem.row() == 0 ? "delivery.wholeFile"
                : problem.column().isEmpty() ? "delivery.row" : "delivery.rowAndColumn";
        return new DefaultMessageSourceResolvable(new String[]{where},
                new Object[]{String.valueOf(problem.row()), problem.column(), what},
                problem.row() + " — " + problem.column() + " — " + problem.message());
    }
}
