package org.ordinateurssolidaires.query.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ordinateurssolidaires.events.device.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an auditor's replay of the whole event store: what was checked, the head of the history chain,
 * and every breach found — of the erasure rules (violations) or of the history itself (tampering). Clean when
 * both lists are empty.
 *
 * @param eventsNotYetLinked events stored after the chain's head: too recent for the chain, checked all the same
 * @param publishedLink      the check of a link published earlier, when one was given
 */
public record AuditReport(Instant verifiedAt,
                          long millis,
                          long eventsChecked,
                          long devicesChecked,
                          ChainHead chainHead,
                          long eventsNotYetLinked,
                          PublishedLinkCheck publishedLink,
                          List<Tampering> tampering,
                          List<Violation> violations,
                          Map<MediaType, List<String>> erasurePolicy) {

    @JsonProperty
    public boolean clean() {
        return tampering.isEmpty() && violations.isEmpty()
                && (publishedLink == null || publishedLink.matches());
    }

    /**
     * A device that broke an erasure rule, at the event (its position in the store) that broke it.
     *
     * @param assetTag the device's label, as received; null if its reception is not in the store
     */
    public record Violation(String deviceId, String assetTag, AuditRule rule, long globalIndex, String eventIdentifier,
                            String event, String detail) {
    }

    /** How the stored history differs from the chain recorded as events were stored. */
    public enum TamperingKind {
        /** The event's stored bytes are not those it was linked with. */
        LINK_MISMATCH,
        /** An event the chain linked is no longer in the store. */
        EVENT_MISSING,
        /** An event sits at a position the chain had already passed without it. */
        EVENT_UNLINKED,
        /**
         * The stored payload no longer reads as the event its type names (or names a type this release does not
         * know: audit with the release the apps run).
         */
        EVENT_UNREADABLE,
        /**
         * The chain's head is gone, or does not agree with the links (their number, the last one, links after it):
         * the chain itself was altered. Reported at the head's position.
         */
        HEAD_MISMATCH,
        /** No chain is recorded in this database: the history cannot be vouched for. */
        CHAIN_MISSING
    }

    /** One place where the history was altered, naming the event as the chain recorded it. */
    public record Tampering(TamperingKind kind, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                            long sequenceNumber, String event) {

        private static final String DEVICE_EVENTS = "org.ordinateurssolidaires.events.device.";

        /** The device whose history was altered, when the event belongs to one: the page links its erasures. */
        public String device() {
            return event != null && event.startsWith(DEVICE_EVENTS) ? aggregateIdentifier : null;
        }

        /** The event's name without its package, the key of its name in words. */
        public String eventName() {
            return event == null ? null : event.substring(event.lastIndexOf('.') + 1);
        }
    }

    /**
     * A link published earlier (on a donor report, a previous audit) checked against the chain recomputed from the
     * store alone: if it matches, nothing up to that event was changed since it was published.
     */
    public record PublishedLinkCheck(long globalIndex, String published, String recomputed, boolean matches) {
    }
}
