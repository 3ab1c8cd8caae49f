package org.ordinateurssolidaires.events.device;

/** The kinds of storage media the programme meets; NIST SP 800-88 prescribes sanitisation per kind. */
public enum MediaType {
    HARD_DISK_DRIVE,
    SATA_SSD,
    NVME_SSD,
    /** eMMC or UFS soldered on the board: cannot be removed, only purged or destroyed with the board. */
    EMBEDDED_FLASH,
    /** USB keys and memory cards left in a device. */
    REMOVABLE_FLASH
}
