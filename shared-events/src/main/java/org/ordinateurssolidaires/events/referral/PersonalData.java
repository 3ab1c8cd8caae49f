package org.ordinateurssolidaires.events.referral;

/**
 * A beneficiary's personal data in clear, and free text about the household: what {@link EncryptedPersonalData}
 * holds sealed. It lives in commands, memory and authorised answers only, never in an event or a read model.
 *
 * @param accessibilityNeeds what the household needs to use the device (a large screen, a braille display...):
 *                           health data, sealed since {@code ReferralSubmitted} revision 2; null in data sealed
 *                           before
 */
public record PersonalData(String name, String phone, String email, String address, String notes,
                           String accessibilityNeeds) {

    @Override
    public String toString() {
        return "PersonalData[withheld]"; // never in a log
    }
}
