package org.ordinateurssolidaires.query.provenance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.query.provenance.DeviceProvenance.FetchProvenance;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Provenance", description = "the full history of one device, from its event stream")
class ProvenanceController {

    private final QueryGateway queries;

    ProvenanceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/devices/{deviceId}/provenance")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Every recorded step of a device's life, in order, in plain words, with each event's fields")
    List<ProvenanceEntry> provenance(@PathVariable UUID deviceId) {
        List<ProvenanceEntry> history = queries.query(new FetchProvenance(deviceId),
                ResponseTypes.multipleInstancesOf(ProvenanceEntry.class)).join();
        if (history.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no device " + deviceId);
        }
        return history;
    }

    /** The same history for the device's donor, and only for it: in plain words, nothing about the household. */
    @GetMapping("/api/donors/{donorId}/devices/{deviceId}/provenance")
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @Operation(summary = "The provenance of one of the donor's devices, as the donor may see it")
    List<ProvenanceEntry> donorsProvenance(@PathVariable UUID donorId, @PathVariable UUID deviceId) {
        Caller.current().requireDonor(donorId);
        List<ProvenanceEntry> history = queries.query(new FetchProvenance(deviceId),
                ResponseTypes.multipleInstancesOf(ProvenanceEntry.class)).join();
        // no such device and another donor's device answer alike: a donor learns nothing of others' gifts
        if (history.isEmpty() || !(history.get(0).details() instanceof DeviceReceived received)
            || !received.donorId().value().equals(donorId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "donor " + donorId + " gave no device " + deviceId);
        }
        return history.stream().map(ProvenanceEntry::forDonor).toList();
    }
}
