package org.ordinateurssolidaires.query.inventory;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.events.device.VerificationMethod;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The questions the inventory answers, and the shapes of its answers. */
public final class InventoryQueries {

    /** The processor that keeps the inventory, its counts and the workshop's figures. */
    public static final String PROCESSING_GROUP = InventoryProjection.PROCESSING_GROUP;

    private InventoryQueries() {
    }

    /**
     * Devices matching every filter given (a null filter matches all), ordered by asset tag.
     *
     * @param inHand an asset tag as on its label or as typed (small letters, spaces for dashes), a device's serial or
     *               a medium's as a scanner may read it (case, spaces and dashes aside: {@code MediumSerials}); null
     *               for any
     */
    public record FindDevices(String inHand, DeviceState state, UUID donorId, DeviceCategory category, int page,
                              int size) {
    }

    /**
     * The next devices the filters find after an asset tag (null: from the first), in asset-tag order: an export's
     * way through every device. Each call is one range of the asset tags' index however far it goes, where a page
     * number would have the database step over every device before it again (an export of a million devices read
     * half a million rows per page).
     */
    public record FindDevicesAfter(String inHand, DeviceState state, DeviceCategory category, String afterAssetTag,
                                   int size) {

        /** The same selection, from the next device after this asset tag. */
        public FindDevicesAfter after(String assetTag) {
            return new FindDevicesAfter(inHand, state, category, assetTag, size);
        }
    }

    /**
     * The legal names of these donors, for a list that shows each device's donor beside it. The donors' read model
     * answers it ({@code donor/DonorNamesForTheInventory}; no donors, no database read): the inventory only says
     * what it needs.
     */
    public record FetchDonorNames(Set<UUID> donorIds) {
    }

    /** Every donor's legal name, for the reception form's choice of donor. */
    public record FetchEveryDonorName() {
    }

    /** @param byDonor each known donor's legal name; a donor not (yet) known has none */
    public record DonorNames(Map<UUID, String> byDonor) {
    }

    /**
     * The devices {@link FindDevices} finds, as a list shows them ({@link ListedDevice}): a page of fifty whole devices
     * with their media was most of the inventory page's reading (docs/benchmarks.md, "The list reads what it shows").
     */
    public record ListDevices(String inHand, DeviceState state, DeviceCategory category, int page, int size) {
    }

    /** A device as a list or a label shows it: what it is, whose it was, where it is in its life. */
    public record ListedDevice(UUID deviceId, String assetTag, UUID donorId, DeviceCategory category,
                               String manufacturer, String model, DeviceState state, Instant stateSince) {

        static ListedDevice of(DeviceView device) {
            return new ListedDevice(device.deviceId(), device.assetTag(), device.donorId(), device.category(),
                    device.manufacturer(), device.model(), device.state(), device.stateSince());
        }
    }

    public record DeviceList(List<ListedDevice> devices, int page, int size, long totalDevices, int totalPages) {
    }

    /** @param donorNames the legal name of each donor of the page's devices, to show beside its id */
    public record DevicePage(List<DeviceView> devices, Map<UUID, String> donorNames, int page, int size,
                             long totalDevices, int totalPages) {

        DevicePage withDonorNames(Map<UUID, String> names) {
            return new DevicePage(devices, Map.copyOf(names), page, size, totalDevices, totalPages);
        }
    }

    public record FetchDevice(UUID deviceId) {
    }

    /** Every device a donor gave, by delivery reference then asset tag. */
    public record FindDevicesOfDonor(UUID donorId) {
    }

    /**
     * The other devices that list a medium of the same serial as one of this device's: one disk cannot be in two, so
     * one serial was mistyped, or the disk moved without being taken out of the first.
     */
    public record FindSerialsShared(UUID deviceId) {
    }

    /** A medium of the device asked about, and another device listing a medium of its serial. */
    public record SerialShared(UUID mediumId, UUID otherDeviceId, String otherAssetTag) {
    }

    /** The devices allocated or handed over to a household (its referral), by asset tag. */
    public record FindDevicesOfHousehold(UUID referralId) {
    }

    /** Every hand-over of a donor's devices, those given back since included, in the order they took place. */
    public record FindHandOversOfDonor(UUID donorId) {
    }

    /** A device handed over to a household (its referral), at a ceremony or not (null). */
    public record HandOverView(UUID deviceId, UUID referralId, UUID ceremonyId, Instant handedOverAt) {
    }

    public record CountDevices() {
    }

    /**
     * A device as it is now: the API's shape, kept apart from the table's.
     *
     * @param erasureEvidence what the proof that it holds no donor's data rests on
     * @param storageRemoval  the donor's statement that its storage was removed before the gift; null when none
     * @param version         the device's version as this view shows it (its last step's sequence, from 0): what a
     *                        step's If-Match names, and the device page's forms are drawn at
     */
    public record DeviceView(UUID deviceId,
                             String assetTag,
                             UUID donorId,
                             String donationBatchReference,
                             DeviceCategory category,
                             String manufacturer,
                             String model,
                             String serialNumber,
                             String conditionNotes,
                             DeviceState state,
                             Instant stateSince,
                             Instant receivedAt,
                             QualityGrade grade,
                             UUID referralId,
                             UUID ceremonyId,
                             String operatingSystem,
                             List<MediumView> media,
                             ErasureEvidence erasureEvidence,
                             StorageRemovalStatement storageRemoval,
                             long version) {

        static DeviceView of(InventoryDevice device) {
            return new DeviceView(device.getDeviceId(), device.getAssetTag(), device.getDonorId(),
                    device.getDonationBatchReference(), device.getCategory(), device.getManufacturer(),
                    device.getModel(), device.getSerialNumber(), device.getConditionNotes(), device.getState(),
                    device.getStateSince(), device.getReceivedAt(), device.getGrade(), device.getReferralId(),
                    device.getCeremonyId(), device.getOperatingSystem(),
                    device.getMedia().stream().map(MediumView::of).toList(), device.getErasureEvidence(),
                    device.getStorageRemoval().orElse(null), device.getLastSequence());
        }
    }

    /** A medium in a device, and whether it could still hold data. */
    public record MediumView(UUID mediumId,
                             MediaType mediaType,
                             String manufacturer,
                             String model,
                             String serialNumber,
                             Integer capacityGigabytes,
                             ErasureStatus erasureStatus,
                             SanitisationLevel sanitisationLevel,
                             SanitisationTechnique sanitisationTechnique,
                             String sanitisationTool,
                             String sanitisationToolVersion,
                             VerificationMethod verificationMethod,
                             String sanitisationOperator,
                             String toolReportSha256,
                             Instant erasedAt,
                             int sanitisationAttempts) {

        static MediumView of(InventoryMedium medium) {
            return new MediumView(medium.getMediumId(), medium.getMediaType(), medium.getManufacturer(),
                    medium.getModel(), medium.getSerialNumber(), medium.getCapacityGigabytes(),
                    medium.getErasureStatus(), medium.getSanitisationLevel(), medium.getSanitisationTechnique(),
                    medium.getSanitisationTool(), medium.getSanitisationToolVersion(), medium.getVerificationMethod(),
                    medium.getSanitisationOperator(), medium.getToolReportSha256(), medium.getErasedAt(),
                    medium.getSanitisationAttempts());
        }
    }

    /** Counts for the dashboard; every state and category appears, with zero where there are none. */
    public record DeviceCounts(long total, Map<DeviceState, Long> byState, Map<DeviceCategory, Long> byCategory) {
    }
}
