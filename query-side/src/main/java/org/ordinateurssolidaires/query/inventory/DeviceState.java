package org.ordinateurssolidaires.query.inventory;

/** Where a device is in its life, as staff see it on the inventory. */
public enum DeviceState {
    /** In the workshop, and at least one medium may still hold data, or none was declared and no statement of removal. */
    AWAITING_SANITISATION,
    /** Every medium sanitised or destroyed; waiting for refurbishment (again, after a failed quality check). */
    SANITISED,
    /** Refurbished, every medium erased; waiting for the quality check. */
    REFURBISHED,
    /** Quality check passed: in the ready stock. */
    READY,
    ALLOCATED,
    HANDED_OVER,
    RECYCLED
}
