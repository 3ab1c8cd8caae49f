package org.ordinateurssolidaires.command.device;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A household receives the devices allocated to its referral, several at once if need be. */
@RestController
@Tag(name = "Devices", description = "the life of a donated device, from reception to hand-over")
class HouseholdHandOverController {

    private final HouseholdHandOver handOvers;

    HouseholdHandOverController(HouseholdHandOver handOvers) {
        this.handOvers = handOvers;
    }

    @PostMapping("/api/referrals/{referralId}/hand-over")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Hand the household one or several of the devices allocated to its referral, free of "
            + "charge; the referral is fulfilled. All or nothing.")
    void handOver(@PathVariable UUID referralId, @Valid @RequestBody DeviceRequests.HandOverToHousehold request,
                  CommandOrigin origin) {
        request.handOver(handOvers, new ReferralId(referralId), origin);
    }
}
