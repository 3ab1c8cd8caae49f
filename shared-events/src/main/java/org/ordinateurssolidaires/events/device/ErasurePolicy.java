package org.ordinateurssolidaires.events.device;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which sanitisations erase a medium, per media type: the workshop records no other as a medium's erasure (the
 * command side), and the auditor's replay counts no other as one (the query side, which may be set apart): each accepted kind is written
 * {@code LEVEL/TECHNIQUE/VERIFICATION}, {@code *} standing for any. The defaults follow NIST SP 800-88 Rev. 1,
 * appendix A: magnetic drives purged, or cleared by overwriting with every sector verified; flash (SSDs, soldered
 * and removable flash) purged by block or cryptographic erase — overwriting flash leaves spare blocks unread, and
 * degaussing does nothing to it; removable flash, which mostly cannot be purged, may also be cleared by a fully
 * verified overwrite (NIST's table A-8). Destruction is accepted for every type.
 */
public final class ErasurePolicy {

    public static final Map<MediaType, List<String>> NIST_DEFAULTS = Map.of(
            MediaType.HARD_DISK_DRIVE, List.of("PURGE/*/*", "CLEAR/OVERWRITE/FULL"),
            MediaType.SATA_SSD, List.of("PURGE/BLOCK_ERASE/*", "PURGE/CRYPTOGRAPHIC_ERASE/*", "PURGE/ATA_SECURE_ERASE/*"),
            MediaType.NVME_SSD, List.of("PURGE/BLOCK_ERASE/*", "PURGE/CRYPTOGRAPHIC_ERASE/*"),
            MediaType.EMBEDDED_FLASH, List.of("PURGE/BLOCK_ERASE/*", "PURGE/CRYPTOGRAPHIC_ERASE/*"),
            MediaType.REMOVABLE_FLASH, List.of("CLEAR/OVERWRITE/FULL", "PURGE/BLOCK_ERASE/*", "PURGE/CRYPTOGRAPHIC_ERASE/*"));

    /** A kind of sanitisation the policy accepts; a null technique or verification stands for any. */
    public record Accepted(SanitisationLevel level, SanitisationTechnique technique, VerificationMethod verification) {

        boolean covers(SanitisationLevel level, SanitisationTechnique technique, VerificationMethod verification) {
            return this.level == level && (this.technique == null || this.technique == technique)
                    && (this.verification == null || this.verification == verification);
        }
    }

    private final Map<MediaType, List<Accepted>> accepted = new EnumMap<>(MediaType.class);
    private final Map<MediaType, List<String>> written = new EnumMap<>(MediaType.class);

    /** The defaults, with the types given in {@code overrides} replaced; refuses a kind it cannot read. */
    public ErasurePolicy(Map<MediaType, List<String>> overrides) {
        for (MediaType type : MediaType.values()) {
            List<String> kinds = overrides.getOrDefault(type, NIST_DEFAULTS.get(type));
            written.put(type, List.copyOf(kinds));
            accepted.put(type, kinds.stream().map(ErasurePolicy::parse).toList());
        }
    }

    public static ErasurePolicy nistDefaults() {
        return new ErasurePolicy(Map.of());
    }

    public boolean accepts(MediaType type, SanitisationLevel level, SanitisationTechnique technique,
                    VerificationMethod verification) {
        return accepted.get(type).stream().anyMatch(kind -> kind.covers(level, technique, verification));
    }

    /** The policy as it was written, for the report. */
    public Map<MediaType, List<String>> asWritten() {
        return written;
    }

    /** A sanitisation's kind: its level, technique and verification. */
    public record Kind(SanitisationLevel level, SanitisationTechnique technique, VerificationMethod verification) {
    }

    /**
     * The first kind accepted for {@code type}, with a full verification where any is accepted and the first
     * technique where any is: what a form offers first for a medium of that type.
     */
    public Kind firstAcceptedFor(MediaType type) {
        Accepted first = accepted.get(type).get(0);
        return new Kind(first.level(),
                first.technique() != null ? first.technique() : SanitisationTechnique.values()[0],
                first.verification() != null ? first.verification() : VerificationMethod.FULL);
    }

    /** The sanitisations accepted for {@code type}, as written ({@code PURGE/BLOCK_ERASE/*}). */
    public List<String> acceptedFor(MediaType type) {
        return written.get(type);
    }

    /** The sanitisations accepted for {@code type}, as read: for saying them in a reader's words. */
    public List<Accepted> kindsAcceptedFor(MediaType type) {
        return accepted.get(type);
    }

    private static Accepted parse(String kind) {
        String[] parts = kind.strip().toUpperCase(Locale.ROOT).split("/");
        if (parts.length != 3 || "*".equals(parts[0])) {
            throw new IllegalArgumentException("an accepted sanitisation is LEVEL/TECHNIQUE/VERIFICATION (* for any "
                    + "technique or verification), not " + kind);
        }
        return new Accepted(value(SanitisationLevel.class, parts[0], kind), value(SanitisationTechnique.class, parts[1], kind),
                value(VerificationMethod.class, parts[2], kind));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String part, String kind) {
        if ("*".equals(part)) {
            return null;
        }
        try {
            return Enum.valueOf(type, part);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(part + " in " + kind + " is none of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
