package org.ordinateurssolidaires.query.inventory;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.CountDevices;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceCounts;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DevicePage;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDevice;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchEveryDonorName;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevices;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesOfHousehold;
import org.ordinateurssolidaires.query.provenance.DeviceProvenance.FetchProvenance;
import org.ordinateurssolidaires.query.provenance.ProvenanceEntry;
import org.ordinateurssolidaires.query.referral.WaitingList.FetchWaitingList;
import org.ordinateurssolidaires.query.referral.WaitingList.WaitingHousehold;
import org.ordinateurssolidaires.web.pages.FormDone;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Staff's pages on the inventory: the dashboard's figures, the search for a device in hand, a device's page with
 * its history and the forms of its next steps, and the reception of a new one. The same questions as the API
 * ({@link InventoryController}); the forms go to the command side ({@code /actions/appareils}).
 */
@Controller
class InventoryPages {

    private static final int PAGE_SIZE = 50;

    private final QueryGateway queries;
    private final StepsAlreadyRecorded recorded;

    InventoryPages(QueryGateway queries, StepsAlreadyRecorded recorded) {
        this.queries = queries;
        this.recorded = recorded;
    }

    @GetMapping("/tableau-de-bord")
    @PreAuthorize(Access.STAFF)
    String dashboard(Model model) {
        model.addAttribute("counts", queries.query(new CountDevices(), DeviceCounts.class).join());
        return "inventory/dashboard";
    }

    /** A search that names exactly one device (a label scanned, then Enter) opens that device's page. */
    @GetMapping("/inventaire")
    @PreAuthorize(Access.STAFF)
    String inventory(@RequestParam(required = false) String q,
                     @RequestParam(required = false) DeviceState state,
                     @RequestParam(required = false) DeviceCategory category,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        String inHand = q == null || q.isBlank() ? null : q.strip();
        DevicePage devices = queries.query(new FindDevices(inHand, state, null, category, Math.max(page, 0),
                PAGE_SIZE), DevicePage.class).join();
        if (inHand != null && devices.totalDevices() == 1) {
            return "redirect:/appareils/" + devices.devices().get(0).deviceId();
        }
        model.addAttribute("devices", devices)
             .addAttribute("donorNames", donorNames(devices.devices().stream().map(DeviceView::donorId)
                                                           .collect(Collectors.toSet())))
             .addAttribute("q", inHand == null ? "" : inHand)
             .addAttribute("state", state)
             .addAttribute("category", category)
             .addAttribute("states", DeviceState.values())
             .addAttribute("categories", DeviceCategory.values());
        return "inventory/list";
    }

    @GetMapping("/appareils/{deviceId}")
    @PreAuthorize(Access.STAFF)
    String device(@PathVariable UUID deviceId, Model model) throws InterruptedException {
        if (model.containsAttribute(FormDone.ATTRIBUTE)) {
            recorded.awaitInventoryOf(deviceId); // a form just recorded a step: show it
        }
        DeviceView device = queries.query(new FetchDevice(deviceId), ResponseTypes.optionalInstanceOf(DeviceView.class))
                                   .join()
                                   .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                           "no device " + deviceId));
        List<ProvenanceEntry> history = queries.query(new FetchProvenance(deviceId),
                ResponseTypes.multipleInstancesOf(ProvenanceEntry.class)).join();
        model.addAttribute("device", device)
             .addAttribute("donorName", donorNames(Set.of(device.donorId())).get(device.donorId()))
             .addAttribute("history", history.stream()
                                             .sorted(Comparator.comparingLong(ProvenanceEntry::sequence).reversed())
                                             .toList())
             .addAttribute("steps", NextSteps.of(device));
        if (device.state() == DeviceState.READY) {
            model.addAttribute("waiting", queries.query(new FetchWaitingList(null, device.category()),
                    ResponseTypes.multipleInstancesOf(WaitingHousehold.class)).join());
        }
        if (device.referralId() != null) {
            model.addAttribute("household", queries.query(new FindDevicesOfHousehold(device.referralId()),
                    ResponseTypes.multipleInstancesOf(DeviceView.class)).join());
        }
        choices(model);
        return "inventory/device";
    }

    @GetMapping("/reception")
    @PreAuthorize(Access.STAFF)
    String reception(Model model) {
        Map<UUID, String> donors = queries.query(new FetchEveryDonorName(), DonorNames.class).join().byDonor();
        model.addAttribute("donors", donors.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList())
             .addAttribute("categories", DeviceCategory.values())
             .addAttribute("mediaTypes", MediaType.values());
        return "inventory/reception";
    }

    private Map<UUID, String> donorNames(Set<UUID> donors) {
        return queries.query(new FetchDonorNames(donors), DonorNames.class).join().byDonor();
    }

    private static void choices(Model model) {
        model.addAttribute("levels", SanitisationLevel.values())
             .addAttribute("techniques", SanitisationTechnique.values())
             .addAttribute("verifications", VerificationMethod.values())
             .addAttribute("grades", QualityGrade.values());
    }

    /**
     * The steps a device allows now, as the aggregate's rules have them: its media erased while it awaits erasure
     * (one form per medium still holding data), then refurbishment, the quality check, the allocation to a household
     * and the hand-over.
     */
    public record NextSteps(List<InventoryQueries.MediumView> mediaToErase, boolean refurbish, boolean checkQuality,
                            boolean allocate, boolean handOver) {

        static NextSteps of(DeviceView device) {
            List<InventoryQueries.MediumView> toErase = device.state() == DeviceState.AWAITING_SANITISATION
                    ? device.media().stream().filter(medium -> medium.erasureStatus() == ErasureStatus.PENDING
                    || medium.erasureStatus() == ErasureStatus.FAILED).toList()
                    : List.of();
            return new NextSteps(toErase, device.state() == DeviceState.SANITISED,
                    device.state() == DeviceState.REFURBISHED, device.state() == DeviceState.READY,
                    device.state() == DeviceState.ALLOCATED);
        }

        public boolean any() {
            return !mediaToErase.isEmpty() || refurbish || checkQuality || allocate || handOver;
        }
    }
}
