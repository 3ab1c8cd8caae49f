package org.ordinateurssolidaires.command.donor;

import java.time.LocalDate;

/**
 * The days an agreement covers: from its first to its last (null: open-ended), cut short by a termination, which
 * takes effect the day after {@code terminatedOn}. The one rule the donor's commands and the receptions' check share.
 */
record AgreementValidity(LocalDate validFrom, LocalDate validUntil, LocalDate terminatedOn) {

    static AgreementValidity signed(LocalDate validFrom, LocalDate validUntil) {
        return new AgreementValidity(validFrom, validUntil, null);
    }

    AgreementValidity terminated(LocalDate lastDay) {
        return new AgreementValidity(validFrom, validUntil, lastDay);
    }

    boolean terminated() {
        return terminatedOn != null;
    }

    /** Whether {@code day} is one it was signed for, terminated since or not. */
    boolean signedFor(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Whether a device received on {@code day} is given under it. */
    boolean inForceOn(LocalDate day) {
        return signedFor(day) && (terminatedOn == null || !day.isAfter(terminatedOn));
    }

    @Override
    public String toString() {
        return "valid from " + validFrom + (validUntil == null ? "" : " until " + validUntil)
               + (terminatedOn == null ? "" : ", terminated on " + terminatedOn);
    }
}
