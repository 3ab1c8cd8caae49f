package org.ordinateurssolidaires.events.device;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The donor's attestation that a device's storage was taken out before the gift: who stated it, on which day, in
 * which document (an annex to the donation agreement, a delivery note). A chain-of-custody record, not a
 * sanitisation: it is the only erasure evidence of a device that comes with no medium at all.
 *
 * @param statedBy          the person who signed the statement for the donor (name, and role if given)
 * @param documentReference where the statement is written, so that it can be found again
 */
public record StorageRemovalStatement(String statedBy, LocalDate statedOn, String documentReference) {

    public StorageRemovalStatement {
        Objects.requireNonNull(statedBy, "stated by");
        Objects.requireNonNull(statedOn, "stated on");
        Objects.requireNonNull(documentReference, "document reference");
    }
}
