package org.ordinateurssolidaires.command.referral;

/** A beneficiary's personal data in clear: it lives in commands and memory only, never in an event. */
public record PersonalData(String name, String phone, String email, String address) {
}
