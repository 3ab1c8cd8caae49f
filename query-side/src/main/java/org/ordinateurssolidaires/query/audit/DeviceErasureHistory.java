package org.ordinateurssolidaires.query.audit;

import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One device's life as the auditor replays it, independently of the aggregate that enforced the same rules when
 * the events were recorded: which media may still hold data, and whether the device has left the programme.
 */
final class DeviceErasureHistory {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    /** Tells what broke which rule; the history only knows the rule and the facts. */
    interface Violations {
        void found(AuditRule rule, String detail);
    }

    private static final class Medium {
        private final MediaType type;
        private final String serial;
        private boolean mayHoldData = true;
        /** For good: no later record makes a destroyed medium hold data again. */
        private boolean destroyed;

        void mayHoldData(boolean mayHold) {
            mayHoldData = mayHold && !destroyed;
        }

        Medium(StorageMedium medium) {
            type = medium.mediaType();
            serial = medium.serialNumber();
        }

        String describe(UUID id) {
            return (type == null ? "medium" : type.name()) + " " + (serial == null ? id : serial);
        }
    }

    private final ErasurePolicy policy;
    private final Map<UUID, Medium> media = new LinkedHashMap<>();
    private String assetTag;
    /** A medium was declared at some point, or the donor stated the storage was removed: an empty list proves nothing. */
    private boolean erasureEvidence;
    private boolean handedOver;
    private boolean recycled;

    DeviceErasureHistory(ErasurePolicy policy) {
        this.policy = policy;
    }

    String assetTag() {
        return assetTag;
    }

    void apply(Object event, Violations violations) {
        // a correction mends the record, not the device: the device aggregate accepts one at any stage
        boolean toTheDevice = !(event instanceof DeviceDetailsCorrected);
        if (toTheDevice && (recycled || (handedOver && !(event instanceof DeviceReturned)))) {
            violations.found(AuditRule.NOTHING_AFTER_RELEASE, event.getClass().getSimpleName() + " after the device was "
                    + (recycled ? "recycled" : "handed over"));
        }
        if (event instanceof DeviceReceived received) {
            assetTag = received.assetTag().value();
            received.storageMedia().forEach(medium -> media.put(medium.mediumId(), new Medium(medium)));
            erasureEvidence = !received.storageMedia().isEmpty();
        } else if (event instanceof StorageRemovalStated) {
            erasureEvidence = true;
        } else if (event instanceof StorageMediumAdded added) {
            media.put(added.medium().mediumId(), new Medium(added.medium()));
            erasureEvidence = true;
        } else if (event instanceof StorageMediumSanitised sanitised) {
            sanitised(sanitised.sanitisation(), violations);
        } else if (event instanceof StorageMediumSanitisationFailed failed) {
            medium(failed.attempt().medium(), violations).mayHoldData(true);
        } else if (event instanceof StorageMediumDestroyed destroyed) {
            Medium medium = medium(destroyed.medium(), violations);
            medium.destroyed = true;
            medium.mayHoldData(false);
        } else if (event instanceof StorageMediumRemoved removed) {
            Medium medium = media.remove(removed.mediumId());
            if (medium != null && medium.mayHoldData) {
                violations.found(AuditRule.ERASURE_BEFORE_REMOVAL, medium.describe(removed.mediumId())
                        + " was taken out before it was sanitised or destroyed");
            }
        } else if (event instanceof DeviceAllocated) {
            requireErased("allocated", violations);
        } else if (event instanceof DeviceHandedOver) {
            requireEvidence("handed over", violations);
            requireErased("handed over", violations);
            handedOver = true;
        } else if (event instanceof DeviceRecycled) {
            requireEvidence("recycled", violations);
            requireErased("recycled", violations);
            recycled = true;
        } else if (event instanceof DeviceReturned && handedOver) {
            handedOver = false;
            media.values().forEach(medium -> medium.mayHoldData(true)); // the household's data may be on it now
            if (media.isEmpty()) {
                erasureEvidence = false; // and storage it fitted would be on no record
            }
        }
    }

    /** Counts as erased only if the record is complete and its kind accepted for the medium's type. */
    private void sanitised(SanitisationRecord record, Violations violations) {
        Medium medium = medium(record.medium(), violations);
        boolean complete = filled(record.operator()) && filled(record.tool())
                && record.toolReportSha256() != null && SHA_256.matcher(record.toolReportSha256()).matches();
        if (!complete) {
            violations.found(AuditRule.SANITISATION_RECORD_COMPLETE, medium.describe(record.medium().mediumId())
                    + ": operator " + record.operator() + ", tool " + record.tool() + ", report SHA-256 "
                    + record.toolReportSha256());
        }
        MediaType type = medium.type != null ? medium.type : record.medium().mediaType();
        boolean accepted = type != null
                && policy.accepts(type, record.level(), record.technique(), record.verificationMethod());
        if (!accepted) {
            violations.found(AuditRule.ERASURE_POLICY, medium.describe(record.medium().mediumId()) + ": "
                    + record.level() + "/" + record.technique() + "/" + record.verificationMethod()
                    + " is not accepted for " + type);
        }
        medium.mayHoldData(!(complete && accepted));
    }

    /** A record of a medium the device was never declared with is no evidence: it is reported on its own. */
    private void requireEvidence(String step, Violations violations) {
        if (!erasureEvidence) {
            violations.found(AuditRule.ERASURE_EVIDENCE_ON_RECORD, "the device was " + step + " with no storage medium "
                    + "ever declared and no donor's statement that its storage was removed");
        }
    }

    private void requireErased(String step, Violations violations) {
        media.forEach((id, medium) -> {
            if (medium.mayHoldData) {
                violations.found(AuditRule.ERASURE_BEFORE_RELEASE, "the device was " + step + " while "
                        + medium.describe(id) + " was neither sanitised nor destroyed");
            }
        });
    }

    /**
     * The medium a record names. One the device never declared (or no longer has) is reported, then counted from
     * then on as the record describes it; so is a record that gives the medium another type.
     */
    private Medium medium(StorageMedium named, Violations violations) {
        Medium known = media.get(named.mediumId());
        if (known == null) {
            violations.found(AuditRule.RECORD_OF_A_KNOWN_MEDIUM, "a record names " + new Medium(named).describe(
                    named.mediumId()) + ", which the device does not have");
            known = new Medium(named);
            media.put(named.mediumId(), known);
        } else if (named.mediaType() != null && known.type != null && named.mediaType() != known.type) {
            violations.found(AuditRule.RECORD_OF_A_KNOWN_MEDIUM, "a record calls " + known.describe(named.mediumId())
                    + " a " + named.mediaType());
        }
        return known;
    }

    private static boolean filled(String text) {
        return text != null && !text.isBlank();
    }
}
