package org.ordinateurssolidaires.command.device;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.web.VersionChecked;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** One endpoint per step of a device's life. Each answers once the resulting event is stored. */
@RestController
@RequestMapping("/api/devices")
@Tag(name = "Devices", description = "the life of a donated device, from reception to hand-over")
class DeviceCommandController {

    private final CommandDispatcher commands;
    private final HouseholdHandOver handOvers;

    DeviceCommandController(CommandDispatcher commands, HouseholdHandOver handOvers) {
        this.commands = commands;
        this.handOvers = handOvers;
    }

    @PostMapping
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Receive a donated device with the storage media found in it")
    @ApiResponse(responseCode = "201", description = "received: its id, asset tag and media; Location names it",
            useReturnTypeSchema = true)
    ResponseEntity<DeviceRequests.Received> receive(@Valid @RequestBody DeviceRequests.Receive request,
                                                    CommandOrigin origin) {
        DeviceRequests.Received received = receive(commands, request, origin);
        return ResponseEntity.created(URI.create("/api/devices/" + received.deviceId())).body(received);
    }

    @PostMapping("/{deviceId}/storage-removal")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the donor's statement that the storage of a device received without media was "
            + "removed before the gift (until the device leaves)")
    void stateStorageRemoval(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.StorageRemoval request,
                             CommandOrigin origin) {
        commands.dispatch(new RecordStorageRemovalStatement(new DeviceId(deviceId), request.statement()), origin);
    }

    @PostMapping("/{deviceId}/media/{mediumId}/sanitisations")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record a sanitisation of one medium (a failed verification is recorded as a failure)")
    void sanitise(@PathVariable UUID deviceId, @PathVariable UUID mediumId,
                  @Valid @RequestBody DeviceRequests.Sanitise request, CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId), mediumId), origin);
    }

    @PostMapping("/{deviceId}/media/{mediumId}/destruction")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the physical destruction of one medium")
    void destroy(@PathVariable UUID deviceId, @PathVariable UUID mediumId,
                 @Valid @RequestBody DeviceRequests.Destroy request, CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId), mediumId), origin);
    }

    @PostMapping("/{deviceId}/media")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a medium fitted during refurbishment")
    DeviceRequests.MediumAdded addMedium(@PathVariable UUID deviceId,
                                         @Valid @RequestBody DeviceRequests.AddMedium request, CommandOrigin origin) {
        UUID mediumId = origin.newId("medium");
        commands.dispatch(request.command(new DeviceId(deviceId), mediumId), origin);
        return new DeviceRequests.MediumAdded(deviceId, mediumId);
    }

    @PostMapping("/{deviceId}/media/{mediumId}/removal")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record that a sanitised or destroyed medium was taken out")
    void removeMedium(@PathVariable UUID deviceId, @PathVariable UUID mediumId,
                      @Valid @RequestBody DeviceRequests.RemoveMedium request, CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId), mediumId), origin);
    }

    @PostMapping("/{deviceId}/refurbishment")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the refurbishment of a device whose media are all sanitised or destroyed")
    void refurbish(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.Refurbish request,
                   CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId)), origin);
    }

    @PostMapping("/{deviceId}/quality-checks")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the quality check of a refurbished device")
    void qualityCheck(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.QualityCheck request,
                      CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId)), origin);
    }

    @PostMapping("/{deviceId}/allocation")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Allocate a ready device to a referral: the next in line, or another with a reason")
    void allocate(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.Allocate request,
                  CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId)), origin);
    }

    @PostMapping("/{deviceId}/allocation/cancellation")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel the allocation of a device")
    void cancelAllocation(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.CancelAllocation request,
                          CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId)), origin);
    }

    @PostMapping("/{deviceId}/hand-over")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record that the household received its allocated device, free of charge")
    void handOver(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.HandOver request,
                  CommandOrigin origin) {
        handOvers.handOver(null, List.of(new DeviceId(deviceId)), request.freeOfChargeAcknowledged(),
                request.ceremony(), request.handedOverAt(), origin);
    }

    @PostMapping("/{deviceId}/return")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record that a household gave the device back; its media must be sanitised again")
    void returnDevice(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.Return request,
                      CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId)), origin);
    }

    @PostMapping("/{deviceId}/recycling")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Send a device whose media are all sanitised or destroyed to a recycler")
    void recycle(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.Recycle request,
                 CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId)), origin);
    }

    @PostMapping("/{deviceId}/corrections")
    @VersionChecked
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Correct details recorded by mistake (the history keeps both)")
    void correct(@PathVariable UUID deviceId, @Valid @RequestBody DeviceRequests.Correct request,
                 CommandOrigin origin) {
        commands.dispatch(request.command(new DeviceId(deviceId)), origin);
    }

    /** A reception, from the API or a page's form: the device and each medium found get their ids here. */
    static DeviceRequests.Received receive(CommandDispatcher commands, DeviceRequests.Receive request,
                                           CommandOrigin origin) {
        var deviceId = new DeviceId(origin.newId("device"));
        List<StorageMedium> media = IntStream.range(0, request.storageMedia().size())
                .mapToObj(i -> request.storageMedia().get(i).withId(origin.newId("medium-" + i)))
                .toList();
        commands.dispatch(request.command(deviceId, media), origin);
        return new DeviceRequests.Received(deviceId.value(), request.assetTag(), media);
    }
}
