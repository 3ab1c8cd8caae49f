package org.ordinateurssolidaires.query.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.query.donor.DonorReport;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.CountDevices;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceCounts;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DevicePage;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDevice;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevices;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.web.EntityTagConditions;
import org.ordinateurssolidaires.web.AnswersWithEntityTag;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/devices")
@Tag(name = "Inventory", description = "every device, where it is in its life, and its media's erasure status")
class InventoryController {

    private final QueryGateway queries;
    private final ReadModelRebuilds rebuilds;

    InventoryController(QueryGateway queries, ReadModelRebuilds rebuilds) {
        this.queries = queries;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "List devices, filtered by what is in hand (q: an asset tag, as on its label or in small"
            + " letters, spaces for its dashes; a device's or a medium's serial, case, spaces and dashes aside), state,"
            + " donor and category, a page at a time, by asset tag")
    DevicePage find(@RequestParam(required = false) String q,
                    @RequestParam(required = false) DeviceState state,
                    @RequestParam(required = false) UUID donorId,
                    @RequestParam(required = false) DeviceCategory category,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        // the donors' names beside the devices are the donors' read model's
        return rebuilds.whole(() -> {
            DevicePage devices = queries.query(new FindDevices(q, state, donorId, category, page, size),
                    DevicePage.class).join();
            Set<UUID> donors = devices.devices().stream().map(DeviceView::donorId).collect(Collectors.toSet());
            return devices.withDonorNames(queries.query(new FetchDonorNames(donors), DonorNames.class).join()
                                                 .byDonor());
        }, InventoryQueries.PROCESSING_GROUP, DonorReport.PROCESSING_GROUP);
    }

    @GetMapping("/counts")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Count devices by state and by category")
    DeviceCounts counts() {
        return rebuilds.whole(() -> queries.query(new CountDevices(), DeviceCounts.class).join(),
                InventoryQueries.PROCESSING_GROUP);
    }

    /**
     * Its entity tag is its version, which a step's If-Match names: the view is the inventory's row alone, which the
     * device's own events change, each moving the version on (and an upgrade that changes what the inventory keeps,
     * which rebuilds it: V28, V29).
     */
    @GetMapping("/{deviceId}")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "One device as it is now")
    @ApiResponse(responseCode = "200", description = "the device", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = "string"), description = "its version,"
                    + " as `version` gives it (\"12\"): a step's If-Match names it to be recorded only if no other"
                    + " step was since"))
    @ApiResponse(responseCode = "304", description = "If-None-Match names its version, or is *: not sent again")
    @ApiResponse(responseCode = "412", description = "If-Match names none of its version (EntityTagConditions)")
    @AnswersWithEntityTag
    ResponseEntity<DeviceView> fetch(@PathVariable UUID deviceId, WebRequest request) {
        DeviceView device = queries.query(new FetchDevice(deviceId), ResponseTypes.optionalInstanceOf(DeviceView.class))
                                   .join()
                                   .orElseThrow(() -> new NotInTheReadModels("no device " + deviceId));
        return EntityTagConditions.answer(request, "\"" + device.version() + "\"", device);
    }
}
