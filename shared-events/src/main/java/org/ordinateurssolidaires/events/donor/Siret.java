package org.ordinateurssolidaires.events.donor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The 14-digit identifier of a French establishment (SIREN + NIC), as printed on the donor's papers. It is
 * well formed when it has 14 digits and passes the Luhn check; La Poste's establishments (SIREN 356000000) are
 * the published exception, checked by the sum of their digits being a multiple of 5, all but its head office,
 * 356 000 000 00048, which keeps the Luhn check (INSEE's rule, and the SIRET its papers print).
 */
public record Siret(@JsonValue String value) {

    private static final String LA_POSTE = "356000000";
    private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

    @JsonCreator
    public Siret {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a well-formed SIRET: " + value);
        }
    }

    public static boolean isWellFormed(String candidate) {
        if (candidate == null || !candidate.matches("\\d{14}")) {
            return false;
        }
        if (candidate.startsWith(LA_POSTE) && !candidate.equals(LA_POSTE_HEAD_OFFICE)) {
            return candidate.chars().map(digit -> digit - '0').sum() % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int digit = candidate.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
