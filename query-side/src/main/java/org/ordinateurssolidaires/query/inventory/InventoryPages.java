package org.ordinateurssolidaires.query.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.query.donor.DonorReport;
import org.ordinateurssolidaires.query.erasure.AcceptedSanitisations;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceList;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDevice;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchEveryDonorName;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesAfter;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesOfHousehold;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindSerialsShared;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListDevices;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListedDevice;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.SerialShared;
import org.ordinateurssolidaires.query.ceremony.RecentCeremonies.FetchCeremonies;
import org.ordinateurssolidaires.query.ceremony.RecentCeremonies.FetchRecentCeremonies;
import org.ordinateurssolidaires.query.ceremony.RecentCeremonies.CeremonyDay;
import org.ordinateurssolidaires.query.provenance.DeviceProvenance.FetchProvenance;
import org.ordinateurssolidaires.query.provenance.ProvenanceEntry;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.referral.HouseholdCodes;
import org.ordinateurssolidaires.query.referral.WaitingList;
import org.ordinateurssolidaires.query.referral.WaitingList.FetchWaitingList;
import org.ordinateurssolidaires.query.referral.WaitingList.WaitingHousehold;
import org.ordinateurssolidaires.query.web.PageDates;
import org.ordinateurssolidaires.query.web.SpreadsheetCsv;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.query.web.PageController;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.SequenceWriter;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Staff's pages on the inventory: the search for a device in hand, a device's page with
 * its history and the forms of its next steps, and the reception of a new one. The same questions as the API
 * ({@link InventoryController}); the forms go to the command side ({@code /actions/appareils}).
 */
@PageController
class InventoryPages {

    private static final int PAGE_SIZE = 50;
    /** An export reads the whole selection this many devices at a time. */
    private static final int EXPORT_PAGE = 500;
    /** As the API's inventory bounds its page (InventoryController). */
    private static final int LAST_PAGE = 100_000;
    /** The policy the erasure form suggests from: the workshop's default (the command side may be set otherwise). */
    private static final ErasurePolicy SUGGESTED_POLICY = ErasurePolicy.nistDefaults();
    private static final Map<MediaType, ErasurePolicy.Kind> FIRST_ACCEPTED = Arrays.stream(MediaType.values())
            .collect(Collectors.toUnmodifiableMap(type -> type, SUGGESTED_POLICY::firstAcceptedFor));

    private final QueryGateway queries;
    private final StepsAlreadyRecorded recorded;
    private final MessageSource words;
    private final PageDates dates;
    private final DevicePageAddresses addresses;
    private final AcceptedSanitisations sanitisations;
    private final ReadModelRebuilds rebuilds;

    InventoryPages(QueryGateway queries, StepsAlreadyRecorded recorded, MessageSource words, PageDates dates,
                   DevicePageAddresses addresses, AcceptedSanitisations sanitisations, ReadModelRebuilds rebuilds) {
        this.queries = queries;
        this.sanitisations = sanitisations;
        this.rebuilds = rebuilds;
        this.recorded = recorded;
        this.words = words;
        this.dates = dates;
        this.addresses = addresses;
    }

    /** A search that names exactly one device (a label scanned, then Enter) opens that device's page. */
    @GetMapping("/inventaire")
    @PreAuthorize(Access.STAFF)
    String inventory(@RequestParam(required = false) String q,
                     @RequestParam(required = false) DeviceState state,
                     @RequestParam(required = false) DeviceCategory category,
                     @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
                     Locale locale) throws InterruptedException {
        recorded.awaitAfterAForm(model, InventoryProjection.PROCESSING_GROUP);
        String inHand = q == null || q.isBlank() ? null : q.strip();
        DeviceList devices = queries.query(new ListDevices(inHand, state, category, pageIndex(page), PAGE_SIZE),
                DeviceList.class).join();
        if (inHand != null && devices.totalDevices() == 1) {
            return "redirect:/appareils/" + devices.devices().get(0).deviceId();
        }
        if (devices.page() >= devices.totalPages() && devices.totalPages() > 0) {
            // a page past the last (an old link, a number typed): the last, rather than none and no way back; the
            // search as a variable, encoded whole: a serial's "+" or "{1}" kept, not read as a space or as one of the
            // redirect's own variables
            return "redirect:" + UriComponentsBuilder.fromPath("/inventaire")
                    .queryParamIfPresent("q", Optional.ofNullable(inHand).map(typed -> "{q}"))
                    .queryParamIfPresent("state", Optional.ofNullable(state))
                    .queryParamIfPresent("category", Optional.ofNullable(category))
                    .queryParam("page", devices.totalPages() - 1).encode()
                    .buildAndExpand(inHand == null ? Map.of() : Map.of("q", inHand)).toUriString();
        }
        Map<UUID, String> donors = donorNames(devices.devices().stream().map(ListedDevice::donorId)
                                                     .collect(Collectors.toSet()));
        model.addAttribute("devices", devices)
             .addAttribute("rows", devices.devices().stream()
                                          .map(device -> row(device, donors, request.getContextPath(), locale))
                                          .toList())
             .addAttribute("q", inHand == null ? "" : inHand)
             .addAttribute("state", state)
             .addAttribute("category", category)
             .addAttribute("states", DeviceState.values())
             .addAttribute("categories", DeviceCategory.values());
        return "inventory/list";
    }

    /**
     * A device as the inventory's table shows it, in the reader's words: the template only prints it. Fifty rows
     * drawn through the template's expressions (messages, a link, a date, a donor looked up) were most of a list
     * page's time (docs/benchmarks.md, "Where a list page's time goes at 16 clients").
     */
    record InventoryRow(String address, String assetTag, String device, String donor, String state, String since) {
    }

    private InventoryRow row(ListedDevice device, Map<UUID, String> donors, String contextPath, Locale locale) {
        return new InventoryRow(contextPath + "/appareils/" + device.deviceId(), device.assetTag(),
                described(device, locale), donors.getOrDefault(device.donorId(), device.donorId().toString()),
                words.getMessage("state." + device.state(), null, locale), dates.dayAndTime(device.stateSince()));
    }

    /** Its category in words, its make and its model, as on its label. */
    private String described(ListedDevice device, Locale locale) {
        return words.getMessage("category." + device.category(), null, locale) + " " + device.manufacturer() + " "
               + device.model();
    }

    /**
     * Every device the inventory's filters find, not only one page of them, for a spreadsheet: written as it is
     * read, a few hundred devices at a time, so that a million devices take no more memory than a page (built
     * whole, they took the query side's heap, docs/benchmarks.md). The first devices are read before anything is
     * sent, so that a failure then is answered as any other; a later one leaves the file unfinished (the writer is
     * closed only once every device is in it), and the download is seen to have failed, never taken as complete.
     */
    @GetMapping("/inventaire.csv")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF)
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) DeviceState state,
                @RequestParam(required = false) DeviceCategory category, HttpServletResponse response,
                Locale locale) throws IOException {
        var selection = new FindDevicesAfter(q == null || q.isBlank() ? null : q.strip(), state, category, null,
                EXPORT_PAGE);
        List<DeviceView> devices = devicesOf(selection);
        Map<UUID, String> donors = donorNamesOf(devices);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("inventaire.csv").build().toString());
        SequenceWriter lines = SpreadsheetCsv.forSpreadsheet(InventoryLine.class,
                SpreadsheetCsv.Words.of(words, locale, dates), response.getOutputStream());
        while (true) {
            for (DeviceView device : devices) {
                lines.write(InventoryLine.of(device, donors.get(device.donorId())));
            }
            if (devices.size() < EXPORT_PAGE) { // a short page is the last
                lines.close();
                return;
            }
            devices = devicesOf(selection.after(devices.get(devices.size() - 1).assetTag()));
            donors = donorNamesOf(devices);
        }
    }

    /**
     * The donors' names of these devices, once they are read: a file carries no banner to say it is short, so it is
     * refused while the inventory or the donors are being rebuilt, and a rebuild begun while it is written cuts it,
     * never ends it.
     */
    private Map<UUID, String> donorNamesOf(List<DeviceView> devices) {
        Map<UUID, String> donors = donorNames(devices.stream().map(DeviceView::donorId).collect(Collectors.toSet()));
        rebuilds.requireWhole(InventoryQueries.PROCESSING_GROUP, DonorReport.PROCESSING_GROUP);
        return donors;
    }

    private List<DeviceView> devicesOf(FindDevicesAfter selection) {
        return queries.query(selection, ResponseTypes.multipleInstancesOf(DeviceView.class)).join();
    }

    /** One device per line, its media counted by what happened to their data. */
    @JsonPropertyOrder({"assetTag", "state", "stateSince", "category", "manufacturer", "model", "serialNumber",
            "donor", "donationBatchReference", "receivedAt", "media", "mediaErased", "grade"})
    record InventoryLine(String assetTag, DeviceState state, Instant stateSince, DeviceCategory category,
                         String manufacturer, String model, String serialNumber, String donor,
                         String donationBatchReference, Instant receivedAt, int media, long mediaErased,
                         QualityGrade grade) {

        static InventoryLine of(DeviceView device, String donor) {
            return new InventoryLine(device.assetTag(), device.state(), device.stateSince(), device.category(),
                    device.manufacturer(), device.model(), device.serialNumber(), donor,
                    device.donationBatchReference(), device.receivedAt(), device.media().size(),
                    device.media().stream().filter(medium -> medium.erasureStatus() == ErasureStatus.SANITISED
                            || medium.erasureStatus() == ErasureStatus.DESTROYED).count(), device.grade());
        }
    }

    /** The labels of the devices the inventory's page shows, with the same filters: print, cut, stick. */
    @GetMapping("/etiquettes")
    @CostlyToAnswer // a PDF, with a QR code for each label
    @PreAuthorize(Access.STAFF)
    ResponseEntity<byte[]> labels(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) DeviceState state,
                                  @RequestParam(required = false) DeviceCategory category,
                                  @RequestParam(defaultValue = "0") int page, Locale locale) {
        String inHand = q == null || q.isBlank() ? null : q.strip();
        // a sheet carries no banner to say it is short
        return labels(rebuilds.whole(() -> queries.query(new ListDevices(inHand, state, category, pageIndex(page),
                PAGE_SIZE), DeviceList.class).join().devices(), InventoryQueries.PROCESSING_GROUP), locale);
    }

    @GetMapping("/appareils/{deviceId}/etiquette")
    @CostlyToAnswer // a PDF, with a QR code for each label
    @PreAuthorize(Access.STAFF)
    ResponseEntity<byte[]> label(@PathVariable UUID deviceId, Locale locale) {
        return labels(queries.query(new FetchDevice(deviceId), ResponseTypes.optionalInstanceOf(DeviceView.class))
                             .join().stream().map(ListedDevice::of).toList(), locale);
    }

    private ResponseEntity<byte[]> labels(List<ListedDevice> devices, Locale locale) {
        if (devices.isEmpty()) {
            throw new NotInTheReadModels("no device to label");
        }
        byte[] sheets = LabelSheets.of(devices, device -> addresses.of(device.deviceId()),
                device -> described(device, locale),
                words.getMessage("programme.name", null, locale));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/pdf")
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                     .filename("etiquettes.pdf").build().toString())
                             .body(sheets);
    }

    @GetMapping("/appareils/{deviceId}")
    @PreAuthorize(Access.STAFF)
    String device(@PathVariable UUID deviceId, Model model, Locale locale) throws InterruptedException {
        // the page shows the waiting list too (the households to allocate to, the one the device went to)
        recorded.awaitAfterAForm(model, InventoryProjection.PROCESSING_GROUP, WaitingList.PROCESSING_GROUP);
        DeviceView device = queries.query(new FetchDevice(deviceId), ResponseTypes.optionalInstanceOf(DeviceView.class))
                                   .join()
                                   .orElseThrow(() -> new NotInTheReadModels("no device " + deviceId));
        List<ProvenanceEntry> history = queries.query(new FetchProvenance(deviceId),
                ResponseTypes.multipleInstancesOf(ProvenanceEntry.class)).join().stream()
                .sorted(Comparator.comparingLong(ProvenanceEntry::sequence)).toList();
        Map<UUID, StorageMedium> media = mediaInTheHistory(history);
        List<ProvenanceEntry> latestFirst = new ArrayList<>(history);
        Collections.reverse(latestFirst);
        model.addAttribute("device", device)
             .addAttribute("donorName", donorNames(Set.of(device.donorId())).get(device.donorId()))
             .addAttribute("history", latestFirst)
             .addAttribute("households", householdCodes(history))
             .addAttribute("handedOverAt", ceremoniesOf(history))
             .addAttribute("media", media)
             .addAttribute("serialsShared", queries.query(new FindSerialsShared(deviceId),
                     ResponseTypes.multipleInstancesOf(SerialShared.class)).join())
             .addAttribute("mediumNames", mediumNames(media, locale))
             .addAttribute("corrections", correctionsInWords(history, locale))
             .addAttribute("steps", NextSteps.of(device));
        if (device.state() == DeviceState.READY) {
            model.addAttribute("waiting", queries.query(new FetchWaitingList(null, device.category()),
                    ResponseTypes.multipleInstancesOf(WaitingHousehold.class)).join());
        }
        if (device.referralId() != null) {
            model.addAttribute("household", queries.query(new FindDevicesOfHousehold(device.referralId()),
                    ResponseTypes.multipleInstancesOf(DeviceView.class)).join());
        }
        if (device.state() == DeviceState.ALLOCATED) {
            model.addAttribute("ceremonies", queries.query(new FetchRecentCeremonies(dates.today()),
                    ResponseTypes.multipleInstancesOf(CeremonyDay.class)).join());
        }
        choices(model, locale);
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

    /** A page the list can have: from the first to the API's last (an offset beyond it would overflow). */
    private static int pageIndex(int page) {
        return Math.max(0, Math.min(page, LAST_PAGE));
    }

    /** The codes of the households the device's history names (allocated, handed over, given back), by referral. */
    private Map<UUID, String> householdCodes(List<ProvenanceEntry> history) {
        Set<UUID> referrals = history.stream().map(entry -> householdOf(entry.details())).filter(Objects::nonNull)
                                     .collect(Collectors.toSet());
        return referrals.isEmpty() ? Map.of()
                : queries.query(new HouseholdCodes.Fetch(referrals), HouseholdCodes.class).join().byReferral();
    }

    /** The ceremonies the device was handed over at, by id, as the history names them. */
    private Map<UUID, CeremonyDay> ceremoniesOf(List<ProvenanceEntry> history) {
        Set<UUID> ceremonies = history.stream()
                                      .map(entry -> entry.details() instanceof DeviceHandedOver handedOver
                                                    && handedOver.ceremonyId() != null
                                              ? handedOver.ceremonyId().value() : null)
                                      .filter(Objects::nonNull).collect(Collectors.toSet());
        return ceremonies.isEmpty() ? Map.of()
                : queries.query(new FetchCeremonies(ceremonies), ResponseTypes.multipleInstancesOf(CeremonyDay.class))
                         .join().stream().collect(Collectors.toMap(CeremonyDay::ceremonyId, ceremony -> ceremony));
    }

    private static UUID householdOf(Object event) {
        ReferralId referral = null;
        if (event instanceof DeviceAllocated allocated) {
            referral = allocated.referralId();
        } else if (event instanceof AllocationCancelled cancelled) {
            referral = cancelled.referralId();
        } else if (event instanceof DeviceHandedOver handedOver) {
            referral = handedOver.referralId();
        } else if (event instanceof DeviceReturned returned) {
            referral = returned.referralId();
        }
        return referral == null ? null : referral.value();
    }

    /** Every medium the history names, by id, as it was received or fitted (one taken out too). */
    private static Map<UUID, StorageMedium> mediaInTheHistory(List<ProvenanceEntry> history) {
        Map<UUID, StorageMedium> media = new HashMap<>();
        for (ProvenanceEntry entry : history) {
            if (entry.details() instanceof DeviceReceived received) {
                received.storageMedia().forEach(medium -> media.put(medium.mediumId(), medium));
            } else if (entry.details() instanceof StorageMediumAdded added) {
                media.put(added.medium().mediumId(), added.medium());
            }
        }
        return media;
    }

    /**
     * Each medium as its forms' titles name it: its type, then its serial, else its make and model (two alike
     * without a serial read alike on the device too).
     */
    private Map<UUID, String> mediumNames(Map<UUID, StorageMedium> media, Locale locale) {
        Map<UUID, String> names = new HashMap<>();
        media.forEach((id, medium) -> names.put(id, Stream.concat(
                Stream.of(words.getMessage("mediaType." + medium.mediaType(), null, locale)),
                medium.serialNumber() != null ? Stream.of(medium.serialNumber())
                        : Stream.of(medium.manufacturer(), medium.model()).filter(Objects::nonNull))
                .collect(Collectors.joining(" "))));
        return names;
    }

    /**
     * What each correction changed, in the page's words, by its place in the history (oldest first): each detail with
     * what it was before ("Modèle : Latitude 5490 → Latitude 7480"), from the reception and the corrections before it.
     */
    private Map<Long, String> correctionsInWords(List<ProvenanceEntry> history, Locale locale) {
        Map<Long, String> said = new HashMap<>();
        Map<String, String> recorded = new HashMap<>();
        for (ProvenanceEntry entry : history) {
            if (entry.details() instanceof DeviceReceived received) {
                recorded.putAll(details(received.category(), received.manufacturer(), received.model(),
                        received.serialNumber(), received.donationBatchReference(), received.conditionNotes(),
                        locale));
            } else if (entry.details() instanceof DeviceDetailsCorrected correction) {
                List<String> changes = new ArrayList<>();
                details(correction.category(), correction.manufacturer(), correction.model(),
                        correction.serialNumber(), correction.donationBatchReference(), correction.conditionNotes(),
                        locale).forEach((field, now) -> {
                            String before = recorded.put(field, now);
                            String label = words.getMessage("field." + field, null, locale);
                            changes.add(before == null ? words.getMessage("history.detail", new Object[] {label, now},
                                    locale) : words.getMessage("history.detail.changed",
                                    new Object[] {label, before, now}, locale));
                        });
                said.put(entry.sequence(), String.join(words.getMessage("history.detail.separator", null, locale),
                        changes));
            }
        }
        return said;
    }

    /** A device's details by their fields' names, in the order of its forms; a detail not given is left out. */
    private Map<String, String> details(DeviceCategory category, String manufacturer, String model, String serial,
                                        String delivery, String conditionNotes, Locale locale) {
        Map<String, String> details = new LinkedHashMap<>();
        if (category != null) {
            details.put("category", words.getMessage("category." + category, null, locale));
        }
        String[][] texts = {{"manufacturer", manufacturer}, {"model", model}, {"serialNumber", serial},
                {"donationBatchReference", delivery}, {"conditionNotes", conditionNotes}};
        for (String[] text : texts) {
            if (text[1] != null) {
                details.put(text[0], text[1]);
            }
        }
        return details;
    }

    private Map<UUID, String> donorNames(Set<UUID> donors) {
        return queries.query(new FetchDonorNames(donors), DonorNames.class).join().byDonor();
    }

    /**
     * What the forms offer. An erasure's form offers first, for each type of medium, the first kind the workshop's
     * default policy accepts (NIST SP 800-88: a flash drive's purge, not an overwrite, which the command side would
     * refuse), and says what it accepts; a failure may be of any kind.
     */
    private void choices(Model model, Locale locale) {
        model.addAttribute("firstAccepted", FIRST_ACCEPTED)
             .addAttribute("accepted", sanitisations.inWords(SUGGESTED_POLICY, locale))
             .addAttribute("levels", SanitisationLevel.values())
             .addAttribute("techniques", SanitisationTechnique.values())
             .addAttribute("verifications", VerificationMethod.values())
             .addAttribute("grades", QualityGrade.values())
             .addAttribute("destructionMethods", DestructionMethod.values())
             .addAttribute("mediaTypes", MediaType.values())
             .addAttribute("categories", DeviceCategory.values());
    }

    /**
     * The steps a device allows now, as the aggregate's rules have them: its media erased (or destroyed) while it
     * awaits erasure (one form per medium still holding data), then refurbishment, the quality check, the allocation
     * to a household and the hand-over; and the side paths: until the quality check, a medium fitted in the workshop
     * (erased in turn) or one taken out once it holds no data, also while another awaits its erasure (a shredded disk
     * taken out while its replacement waits); an allocation called off, a device given back, one sent to a recycler
     * once it holds no data.
     */
    public record NextSteps(List<InventoryQueries.MediumView> mediaToErase, boolean refurbish, boolean checkQuality,
                            boolean allocate, boolean handOver, boolean fitMedium,
                            List<InventoryQueries.MediumView> mediaToTakeOut, boolean cancelAllocation,
                            boolean giveBack, boolean recycle) {

        static NextSteps of(DeviceView device) {
            DeviceState state = device.state();
            List<InventoryQueries.MediumView> toErase = state == DeviceState.AWAITING_SANITISATION
                    ? device.media().stream().filter(medium -> medium.erasureStatus() == ErasureStatus.PENDING
                    || medium.erasureStatus() == ErasureStatus.FAILED).toList()
                    : List.of();
            boolean mediaMayChange = Set.of(DeviceState.AWAITING_SANITISATION, DeviceState.SANITISED,
                    DeviceState.REFURBISHED).contains(state);
            List<InventoryQueries.MediumView> toTakeOut = mediaMayChange ? device.media().stream()
                    .filter(medium -> medium.erasureStatus() == ErasureStatus.SANITISED
                            || medium.erasureStatus() == ErasureStatus.DESTROYED).toList()
                    : List.of();
            return new NextSteps(toErase, state == DeviceState.SANITISED, state == DeviceState.REFURBISHED,
                    state == DeviceState.READY, state == DeviceState.ALLOCATED, mediaMayChange, toTakeOut,
                    state == DeviceState.ALLOCATED, state == DeviceState.HANDED_OVER,
                    Set.of(DeviceState.SANITISED, DeviceState.REFURBISHED, DeviceState.READY).contains(state));
        }

        /** Whether the device goes on in the workshop's way (the side paths are not counted). */
        public boolean any() {
            return !mediaToErase.isEmpty() || refurbish || checkQuality || allocate || handOver;
        }

        /** Whether a side path is open (a device handed over may still be given back). */
        public boolean anySidePath() {
            return fitMedium || !mediaToTakeOut.isEmpty() || cancelAllocation || giveBack || recycle;
        }
    }
}
