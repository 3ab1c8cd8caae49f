package org.ordinateurssolidaires.command.device;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/** The hand-over form of a device's page: the household receives the devices allocated to it, as over the API. */
@Controller
class HouseholdHandOverPageForm {

    private final HouseholdHandOver handOvers;
    private final PageForms forms;

    HouseholdHandOverPageForm(HouseholdHandOver handOvers, PageForms forms) {
        this.handOvers = handOvers;
        this.forms = forms;
    }

    @PostMapping("/actions/foyers/{referralId}/remise")
    @PreAuthorize(Access.STAFF)
    String handOver(@PathVariable UUID referralId, HttpServletRequest request, CommandOrigin origin,
                    RedirectAttributes flash) {
        return forms.submit(request, flash, "done.handedOver", () -> {
            DeviceRequests.HandOverToHousehold handOver = forms.bind(DeviceRequests.HandOverToHousehold.class,
                    request, Map.of());
            handOver.handOver(handOvers, new ReferralId(referralId), origin);
            return "/appareils/" + handOver.deviceIds().get(0);
        });
    }
}
