package org.ordinateurssolidaires.events.referral;

/**
 * A beneficiary's personal data in clear, and free text about the household: what {@link EncryptedPersonalData}
 * holds sealed. It lives in commands, memory and authorised answers only, never in an event or a read model.
 */
public record PersonalData(String name, String phone, String email, String address, String notes) {

    @Override
    public String toString() {
        return "PersonalData[withheld]"; // never in a log
    }
}
