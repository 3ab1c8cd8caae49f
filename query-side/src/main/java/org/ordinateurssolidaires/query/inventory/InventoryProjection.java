package org.ordinateurssolidaires.query.inventory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.MediumSerials;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.events.device.QualityCheckFailed;
import org.ordinateurssolidaires.events.device.QualityCheckPassed;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.CountDevices;
import org.ordinateurssolidaires.query.inventory.InventoryCounts.Cell;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceCounts;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceList;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindSerialsShared;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.SerialShared;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DevicePage;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDevice;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesOfDonor;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesOfHousehold;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindHandOversOfDonor;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.HandOverView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevices;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesAfter;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListDevices;
import org.ordinateurssolidaires.query.readmodel.ReadModelProjection;
import org.ordinateurssolidaires.query.readmodel.ReadModelTables;
import org.ordinateurssolidaires.query.readmodel.RebuiltAggregateByAggregate;
import org.ordinateurssolidaires.query.readmodel.WritesPerBatch;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The inventory: every device, its state, donor, category and media with their erasure status. Fed by a pooled
 * streaming processor; the token and the rows are written in one transaction, so a restart neither repeats nor
 * skips an event. Each row is a device's, and the counts and workshop figures are sums over devices: rebuilt device
 * by device.
 */
@Component
@ProcessingGroup(InventoryProjection.PROCESSING_GROUP)
@ReadModelTables({"inventory_device", "inventory_medium", "inventory_hand_over", "inventory_count", "workshop_month",
        "workshop_cohort", "workshop_lead_time"})
@RebuiltAggregateByAggregate("Device")
class InventoryProjection extends ReadModelProjection {

    static final String PROCESSING_GROUP = "inventory";
    /** A placeholder serial typed on many devices ("0000") lists a few of them, not every one. */
    private static final int SERIALS_SHARED_AT_MOST = 20;
    /** What a tag typed begins or ends with that no tag does: a space pasted with it, a dash. */
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private final InventoryRepository devices;
    private final HandOverRepository handOvers;
    private final InventoryCounts counts;
    private final WorkshopFigures workshop;

    InventoryProjection(InventoryRepository devices, HandOverRepository handOvers, InventoryCounts counts,
                        WorkshopFigures workshop, WritesPerBatch writes) {
        this.devices = devices;
        this.handOvers = handOvers;
        this.counts = counts;
        this.workshop = workshop;
        writes.readWithTheBatch(PROCESSING_GROUP, InventoryDevice.class);
    }

    @EventHandler
    void on(DeviceReceived event, @SequenceNumber long sequence) {
        InventoryDevice device = new InventoryDevice(event, sequence);
        insert(device);
        counts.moved(null, cellOf(device));
        workshop.changed(null, device.milestones());
    }

    /**
     * The statement carries the day it was made, not a moment. Given with the reception (the event right after it),
     * the device held no data from its reception on; recorded later, the state changes when it was recorded.
     */
    @EventHandler
    void on(StorageRemovalStated event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.storageRemovalStated(event.statement(),
                sequence == 1 ? device.getReceivedAt() : recordedAt));
    }

    @EventHandler
    void on(StorageMediumSanitised event, @SequenceNumber long sequence) {
        var record = event.sanitisation();
        update(event.deviceId(), sequence, device -> device.changeMedium(record.medium().mediumId(),
                medium -> medium.sanitised(record),
                record.performedAt()));
    }

    @EventHandler
    void on(StorageMediumSanitisationFailed event, @SequenceNumber long sequence) {
        var attempt = event.attempt();
        update(event.deviceId(), sequence, device -> device.changeMedium(attempt.medium().mediumId(),
                InventoryMedium::sanitisationFailed, attempt.performedAt()));
    }

    @EventHandler
    void on(StorageMediumDestroyed event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.changeMedium(event.medium().mediumId(),
                medium -> medium.destroyed(event.destroyedAt()), event.destroyedAt()));
    }

    @EventHandler
    void on(StorageMediumAdded event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.addMedium(event.medium(), event.addedAt()));
    }

    @EventHandler
    void on(StorageMediumRemoved event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.removeMedium(event.mediumId(), event.removedAt()));
    }

    @EventHandler
    void on(DeviceRefurbished event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.refurbished(event.operatingSystem(), event.refurbishedAt()));
    }

    @EventHandler
    void on(QualityCheckFailed event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.failedQualityCheck(event.checkedAt()));
    }

    @EventHandler
    void on(QualityCheckPassed event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.ready(event.grade(), event.checkedAt()));
    }

    @EventHandler
    void on(DeviceAllocated event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.allocated(event.referralId().value(), event.allocatedAt()));
    }

    @EventHandler
    void on(AllocationCancelled event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.allocationCancelled(event.cancelledAt()));
    }

    @EventHandler
    void on(DeviceHandedOver event, @SequenceNumber long sequence) {
        var ceremony = Optional.ofNullable(event.ceremonyId()).map(CeremonyId::value).orElse(null);
        update(event.deviceId(), sequence, device -> {
            device.handedOver(ceremony, event.handedOverAt());
            insert(new HandOver(device, sequence, event.referralId().value(), ceremony, event.handedOverAt()));
        });
    }

    @EventHandler
    void on(DeviceReturned event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.returned(event.returnedAt()));
    }

    @EventHandler
    void on(DeviceRecycled event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.recycled(event.recycledAt()));
    }

    @EventHandler
    void on(DeviceDetailsCorrected event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> device.corrected(event));
    }

    /** Said in the device's history; here only its version moves on. */
    @EventHandler
    void on(NextInLinePassedOver event, @SequenceNumber long sequence) {
        update(event.deviceId(), sequence, device -> {
        });
    }

    /** A replay rebuilds the inventory from the first event. */
    @ResetHandler
    void reset() {
        handOvers.deleteAllInBatch();
        devices.deleteAllInBatch();
        counts.reset();
        workshop.reset();
    }

    @QueryHandler
    DevicePage handle(FindDevices query) {
        Specification<InventoryDevice> matching = selection(query.inHand(), query.state(), query.donorId(),
                query.category());
        // the order in the page request: a slice takes its sort from there, not from sortBy (an unsorted request
        // left the pages in whatever order the database read the rows)
        Slice<InventoryDevice> page = devices.findBy(matching, found -> found.slice(byAssetTag(query.page(),
                query.size())));
        long total = total(matching, query.inHand(), query.state(), query.donorId(), query.category());
        return new DevicePage(page.getContent().stream().map(DeviceView::of).toList(), Map.of(), query.page(),
                query.size(), total, pages(total, query.size()));
    }

    @QueryHandler
    DeviceList handle(ListDevices query) {
        Specification<InventoryDevice> matching = selection(query.inHand(), query.state(), null, query.category());
        long total = total(matching, query.inHand(), query.state(), null, query.category());
        return new DeviceList(devices.listed(matching, byAssetTag(query.page(), query.size())), query.page(),
                query.size(), total, pages(total, query.size()));
    }

    private Specification<InventoryDevice> selection(String inHand, DeviceState state, UUID donorId,
                                                     DeviceCategory category) {
        return Specification.allOf(inHand(inHand), equal("state", state), equal("donorId", donorId),
                equal("category", category));
    }

    /** The counts answer a filter on state and category at once; a donor's or a label's devices are few to count. */
    private long total(Specification<InventoryDevice> matching, String inHand, DeviceState state, UUID donorId,
                       DeviceCategory category) {
        return (inHand == null || inHand.isBlank()) && donorId == null ? counts.devices(state, category)
                : devices.count(matching);
    }

    private static PageRequest byAssetTag(int page, int size) {
        return PageRequest.of(page, size, Sort.by("assetTag"));
    }

    private static int pages(long devices, int size) {
        return (int) ((devices + size - 1) / size);
    }

    @QueryHandler
    List<DeviceView> handle(FindDevicesAfter query) {
        Specification<InventoryDevice> matching = selection(query.inHand(), query.state(), null, query.category())
                .and(after(query.afterAssetTag()));
        return devices.findBy(matching, found -> found.sortBy(Sort.by("assetTag")).limit(query.size()).all())
                      .stream().map(DeviceView::of).toList();
    }

    @QueryHandler
    Optional<DeviceView> handle(FetchDevice query) {
        return devices.findById(query.deviceId()).map(DeviceView::of);
    }

    @QueryHandler
    List<DeviceView> handle(FindDevicesOfDonor query) {
        return devices.findByDonorIdOrderByDonationBatchReferenceAscAssetTagAsc(query.donorId()).stream()
                      .map(DeviceView::of).toList();
    }

    @QueryHandler
    List<HandOverView> handle(FindHandOversOfDonor query) {
        return handOvers.findByDonorIdOrderByHandedOverAt(query.donorId()).stream().map(HandOver::view).toList();
    }

    @QueryHandler
    List<SerialShared> handle(FindSerialsShared query) {
        return devices.findSerialsSharedWith(query.deviceId(), Limit.of(SERIALS_SHARED_AT_MOST)).stream()
                      .map(row -> new SerialShared((UUID) row[0], (UUID) row[1], (String) row[2])).toList();
    }

    @QueryHandler
    List<DeviceView> handle(FindDevicesOfHousehold query) {
        return devices.findByReferralIdOrderByAssetTagAsc(query.referralId()).stream().map(DeviceView::of).toList();
    }

    @QueryHandler
    DeviceCounts handle(CountDevices query) {
        Map<DeviceState, Long> byState = noneOfEach(DeviceState.class);
        Map<DeviceCategory, Long> byCategory = noneOfEach(DeviceCategory.class);
        counts.all().forEach((cell, devicesInIt) -> {
            byState.merge(cell.state(), devicesInIt, Long::sum);
            byCategory.merge(cell.category(), devicesInIt, Long::sum);
        });
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return new DeviceCounts(total, byState, byCategory);
    }

    /** Every event of a device moves its version on, the one its page's forms are drawn at, whatever else it does. */
    private void update(DeviceId deviceId, long sequence, Consumer<InventoryDevice> change) {
        InventoryDevice device = row(InventoryDevice.class, deviceId.value()).orElseThrow(() -> new IllegalStateException(
                "event for device " + deviceId + " which the inventory never saw received"));
        Cell before = cellOf(device);
        var reachedBefore = device.milestones();
        change.accept(device);
        device.reached(sequence);
        counts.moved(before, cellOf(device));
        workshop.changed(reachedBefore, device.milestones());
    }

    private static Cell cellOf(InventoryDevice device) {
        return new Cell(device.getState(), device.getCategory());
    }

    /** Zero for every constant: a figure with nothing counted is shown as 0, not left out. */
    static <E extends Enum<E>> Map<E, Long> noneOfEach(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        return counts;
    }

    /**
     * The devices whose asset tag, serial or a medium's serial is the text, as a barcode scanner or staff type it:
     * found first by each label's own index (one condition joining the three would scan every device), then filtered.
     */
    private Specification<InventoryDevice> inHand(String text) {
        if (text == null || text.isBlank()) {
            return Specification.unrestricted();
        }
        // an asset tag as typed, and as it is printed; a serial as it reads, case, spaces and dashes aside: "WD 10ab-C"
        // finds a disk labelled "WD10ABC"
        String typed = text.strip();
        List<UUID> holding = devices.findIdsByLabel(Stream.of(typed, typed.toUpperCase(Locale.ROOT), asPrinted(typed))
                                                          .distinct().toList(), MediumSerials.asScanned(typed));
        return (device, query, where) -> holding.isEmpty() ? where.disjunction() : device.get("deviceId").in(holding);
    }

    /**
     * An asset tag as its label prints it: capitals, digits and dashes, however typed ("os 2026 0042", "OS–2026–0042"
     * or "ＯＳ-2026-0042" for OS-2026-0042: small letters, spaces or another dash, a keyboard's full-width mode).
     */
    private static String asPrinted(String typed) {
        String dashed = MediumSerials.SEPARATORS.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC))
                                                .replaceAll("-");
        return EDGE_DASHES.matcher(dashed).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static Specification<InventoryDevice> after(String assetTag) {
        return assetTag == null ? Specification.unrestricted()
                : (root, query, builder) -> builder.greaterThan(root.get("assetTag"), assetTag);
    }

    /** An absent filter restricts nothing. */
    private static Specification<InventoryDevice> equal(String attribute, Object value) {
        return value == null ? Specification.unrestricted()
                : (root, query, builder) -> builder.equal(root.get(attribute), value);
    }
}
