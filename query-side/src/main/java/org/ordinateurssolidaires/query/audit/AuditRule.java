package org.ordinateurssolidaires.query.audit;

/** What the auditor's replay checks for every device, in the event store's own order. */
public enum AuditRule {
    ERASURE_BEFORE_RELEASE("every storage medium known to the device has a passed, verified sanitisation or a "
            + "destruction recorded before the device is allocated, handed over or recycled"),
    ERASURE_EVIDENCE_ON_RECORD("a device is handed over or recycled only with erasure evidence on record: a storage "
            + "medium listed at reception or fitted later, or the donor's statement that its storage was removed before "
            + "the gift"),
    ERASURE_BEFORE_REMOVAL("a medium is taken out of a device only once sanitised or destroyed"),
    ERASURE_POLICY("each sanitisation's level, technique and verification are accepted for its media type"),
    RECORD_OF_A_KNOWN_MEDIUM("each sanitisation or destruction names a medium the device has, of the type it was "
            + "declared with"),
    SANITISATION_RECORD_COMPLETE("each sanitisation record names its operator and tool and carries the SHA-256 of "
            + "the tool's report"),
    NOTHING_AFTER_RELEASE("nothing happens to a handed-over or recycled device but a return (its record may be corrected)");

    private final String description;

    AuditRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
