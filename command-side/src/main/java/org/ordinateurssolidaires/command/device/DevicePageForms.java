package org.ordinateurssolidaires.command.device;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.web.VersionChecked;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The device pages' forms (the pages are the query side's, under {@code /appareils}): the same request records
 * and commands as {@link DeviceCommandController}, each step answered by a redirection to the device's page.
 */
@Controller
@RequestMapping("/actions/appareils")
class DevicePageForms {

    private final CommandDispatcher commands;
    private final PageForms forms;

    DevicePageForms(CommandDispatcher commands, PageForms forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @PostMapping
    @PreAuthorize(Access.STAFF)
    String receive(HttpServletRequest request, CommandOrigin origin, RedirectAttributes flash) {
        // no medium's row filled: none was found (the donor's statement says why), not a list left out
        Map<String, ?> computed = noMediumTyped(request) ? Map.of("storageMedia", List.of()) : Map.of();
        return forms.submit(request, flash, "done.received", () -> {
            var received = DeviceCommandController.receive(commands,
                    forms.bind(DeviceRequests.Receive.class, request, computed), origin);
            return devicePage(received.deviceId());
        });
    }

    /**
     * The erasure tool's own report is uploaded, and its SHA-256 computed here, as it arrives: the event keeps the
     * digest, not the file (the programme keeps the report in its own archive; the digest proves which one it is).
     */
    @PostMapping("/{deviceId}/supports/{mediumId}/effacement")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String sanitise(@PathVariable UUID deviceId, @PathVariable UUID mediumId,
                    @RequestParam(name = "toolReport", required = false) MultipartFile report,
                    HttpServletRequest request, CommandOrigin origin, RedirectAttributes flash) {
        return forms.submit(request, flash, "done.sanitised", () -> {
            // the digest is the server's to compute: none without a report, whatever the form sends
            Map<String, String> computed = Collections.singletonMap("toolReportSha256",
                    report == null || report.isEmpty() ? null : sha256(report));
            commands.dispatch(forms.bind(DeviceRequests.Sanitise.class, request, computed)
                                   .command(new DeviceId(deviceId), mediumId), origin);
            return devicePage(deviceId);
        });
    }

    @PostMapping("/{deviceId}/reconditionnement")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String refurbish(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                     RedirectAttributes flash) {
        return forms.send(request, flash, "done.refurbished", DeviceRequests.Refurbish.class,
                form -> form.command(new DeviceId(deviceId)), origin, devicePage(deviceId));
    }

    @PostMapping("/{deviceId}/controle-qualite")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String checkQuality(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                        RedirectAttributes flash) {
        return forms.send(request, flash, "done.checked", DeviceRequests.QualityCheck.class,
                form -> form.command(new DeviceId(deviceId)), origin, devicePage(deviceId));
    }

    /** To the next household in line, or to another with the reason why (the aggregate decides which it is). */
    @PostMapping("/{deviceId}/attribution")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String allocate(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                    RedirectAttributes flash) {
        return forms.send(request, flash, "done.allocated", DeviceRequests.Allocate.class,
                form -> form.command(new DeviceId(deviceId)), origin, devicePage(deviceId));
    }

    /** A medium that cannot be erased (or is not to be) is destroyed instead, and the device goes on. */
    @PostMapping("/{deviceId}/supports/{mediumId}/destruction")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String destroy(@PathVariable UUID deviceId, @PathVariable UUID mediumId, HttpServletRequest request,
                   CommandOrigin origin, RedirectAttributes flash) {
        return forms.send(request, flash, "done.destroyed", DeviceRequests.Destroy.class,
                form -> form.command(new DeviceId(deviceId), mediumId), origin, devicePage(deviceId));
    }

    /** A medium fitted in the workshop (a new disk where the donor's was taken out): erased before the check. */
    @PostMapping("/{deviceId}/supports")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String fitMedium(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                     RedirectAttributes flash) {
        return forms.send(request, flash, "done.mediumFitted", DeviceRequests.AddMedium.class,
                form -> form.command(new DeviceId(deviceId), origin.newId("medium")), origin, devicePage(deviceId));
    }

    /** A medium erased or destroyed taken out (the donor's old disk, replaced by a new one). */
    @PostMapping("/{deviceId}/supports/{mediumId}/retrait")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String takeOutMedium(@PathVariable UUID deviceId, @PathVariable UUID mediumId, HttpServletRequest request,
                         CommandOrigin origin, RedirectAttributes flash) {
        return forms.send(request, flash, "done.mediumTakenOut", DeviceRequests.RemoveMedium.class,
                form -> form.command(new DeviceId(deviceId), mediumId), origin, devicePage(deviceId));
    }

    /** Details recorded by mistake (a model mistyped at reception): the history keeps both. */
    @PostMapping("/{deviceId}/corrections")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String correct(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                   RedirectAttributes flash) {
        return forms.send(request, flash, "done.corrected", DeviceRequests.Correct.class,
                form -> form.command(new DeviceId(deviceId)), origin, devicePage(deviceId));
    }

    @PostMapping("/{deviceId}/annulation-attribution")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String cancelAllocation(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                            RedirectAttributes flash) {
        return forms.send(request, flash, "done.allocationCancelled", DeviceRequests.CancelAllocation.class,
                form -> form.command(new DeviceId(deviceId)), origin, devicePage(deviceId));
    }

    @PostMapping("/{deviceId}/retour")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String giveBack(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                    RedirectAttributes flash) {
        return forms.send(request, flash, "done.returned", DeviceRequests.Return.class,
                form -> form.command(new DeviceId(deviceId)), origin, devicePage(deviceId));
    }

    @PostMapping("/{deviceId}/recyclage")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    String recycle(@PathVariable UUID deviceId, HttpServletRequest request, CommandOrigin origin,
                   RedirectAttributes flash) {
        return forms.send(request, flash, "done.recycled", DeviceRequests.Recycle.class,
                form -> form.command(new DeviceId(deviceId)), origin, devicePage(deviceId));
    }

    private static String devicePage(UUID deviceId) {
        return "/appareils/" + deviceId;
    }

    private static boolean noMediumTyped(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                      .noneMatch(field -> field.getKey().startsWith("storageMedia")
                                          && Arrays.stream(field.getValue()).anyMatch(value -> !value.isBlank()));
    }

    private static String sha256(MultipartFile report) {
        try (InputStream in = report.getInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
