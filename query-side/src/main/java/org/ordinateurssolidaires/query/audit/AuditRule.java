package org.ordinateurssolidaires.query.audit;

/** What the auditor's replay checks for every device, in the event store's own order; each in words in messages. */
public enum AuditRule {
    ERASURE_BEFORE_RELEASE,
    ERASURE_EVIDENCE_ON_RECORD,
    ERASURE_BEFORE_REMOVAL,
    ERASURE_POLICY,
    RECORD_OF_A_KNOWN_MEDIUM,
    SANITISATION_RECORD_COMPLETE,
    NOTHING_AFTER_RELEASE
}
