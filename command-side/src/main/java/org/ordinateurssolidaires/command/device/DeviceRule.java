package org.ordinateurssolidaires.command.device;

import org.ordinateurssolidaires.command.rules.BusinessRule;

/** The rules of a device's life, as the aggregate enforces them. */
public enum DeviceRule implements BusinessRule {
    ASSET_TAG_UNIQUE("an asset tag labels one device only"),
    DELIVERY_FILE_IS_WHOLE("a delivery imported from a file is reconciled by the donor as the file: a device joins it "
            + "only in the file, and one of its devices stays in it"),
    STORAGE_ACCOUNTED_FOR_AT_RECEPTION("a device is received with its storage media, embedded storage included, or "
            + "with the donor's statement that its storage was removed before the gift"),
    STATEMENT_ONLY_WITHOUT_MEDIA("the donor's statement that a device's storage was removed is recorded only for a "
            + "device that lists no storage medium: one it lists is sanitised or destroyed"),
    ERASURE_EVIDENCE_ON_RECORD("a device is refurbished, passes its quality check, is allocated, handed over or "
            + "recycled only with erasure evidence on record: a storage medium listed (then sanitised or destroyed) "
            + "or the donor's statement that its storage was removed"),
    ERASURE_BEFORE_RELEASE("every storage medium must be sanitised and verified, or destroyed, "
            + "before the device is allocated, handed over or recycled"),
    ERASURE_POLICY("a medium is erased only by a sanitisation the erasure policy accepts for its type (NIST SP "
            + "800-88 by default: flash purged, not overwritten or degaussed); after any other it still holds data"),
    READY_AFTER_ERASURE("a device passes its quality check only when every medium is sanitised or destroyed"),
    REFURBISHMENT_AFTER_ERASURE("a device is refurbished only when every medium is sanitised or destroyed"),
    REFURBISHMENT_BEFORE_QUALITY_CHECK("refurbishment happens before the device passes its quality check"),
    QUALITY_CHECK_AFTER_REFURBISHMENT("the quality check comes after refurbishment"),
    MEDIA_WORK_BEFORE_QUALITY_CHECK("media are sanitised, added or removed only before the device passes its quality check"),
    REMOVAL_AFTER_ERASURE("a medium leaves the device only once it is sanitised or destroyed"),
    DESTROYED_MEDIUM_IS_FINAL("a destroyed medium is neither sanitised nor destroyed again"),
    ALLOCATION_WHEN_READY("only a ready device (quality check passed) can be allocated"),
    CANCELLATION_WHEN_ALLOCATED("only an allocated device can have its allocation cancelled"),
    HAND_OVER_WHEN_ALLOCATED("only an allocated device can be handed over"),
    HAND_OVER_TO_THE_ALLOCATED_HOUSEHOLD("a device is handed over to the household it is allocated to"),
    FREE_OF_CHARGE("the household must acknowledge that the device is given free of charge"),
    HAND_OVER_ON_THE_CEREMONY_DAY("a device is handed over at a ceremony only on that ceremony's day, and not at a "
            + "cancelled one"),
    RETURN_AFTER_HAND_OVER("only a handed-over device can be returned"),
    RECYCLING_WHEN_NOT_ALLOCATED("an allocated device has its allocation cancelled before it is recycled"),
    STEPS_IN_ORDER_OF_TIME("a step is not dated before the step it follows: the reception or the return, a "
            + "medium's erasure, the refurbishment, the quality check, the allocation, the hand-over"),
    DEVICE_HAS_LEFT("a handed-over or recycled device has left the programme; a handed-over one comes back only "
            + "by its return, a recycled one never"),
    CORRECTION_CHANGES_SOMETHING("a correction states at least one detail other than the one recorded"),
    CATEGORY_KEPT_WHILE_ALLOCATED("an allocated device's category is corrected once its allocation is cancelled: "
            + "the household's referral asked for that kind of device"),
    MEDIUM_SERIAL_ONCE_PER_DEVICE("each storage medium of a device has its own serial number: a medium added with "
            + "the serial of one the device has is that medium, listed twice");

    private final String description;

    DeviceRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
