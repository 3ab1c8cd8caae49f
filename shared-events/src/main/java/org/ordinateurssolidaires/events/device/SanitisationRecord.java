package org.ordinateurssolidaires.events.device;

import java.time.Instant;
import java.util.Objects;

/**
 * One sanitisation of one medium, with what the sample certificate of NIST SP 800-88 (§4.8) asks for.
 *
 * @param medium           the medium as the device knew it when it was sanitised
 * @param tool             the product used (e.g. "nwipe", "ShredOS", a vendor's secure-erase utility)
 * @param operator         the person who carried out the sanitisation
 * @param location         where it was done
 * @param toolReportSha256 hex SHA-256 of the report the tool produced, so the report can be checked later
 */
public record SanitisationRecord(StorageMedium medium,
                                 SanitisationLevel level,
                                 SanitisationTechnique technique,
                                 String tool,
                                 String toolVersion,
                                 VerificationMethod verificationMethod,
                                 String operator,
                                 String location,
                                 Instant performedAt,
                                 String toolReportSha256) {

    public SanitisationRecord {
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(verificationMethod, "verification method");
        Objects.requireNonNull(performedAt, "performed at");
    }
}
