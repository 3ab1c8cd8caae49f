package org.ordinateurssolidaires.events.referral;

/**
 * A beneficiary's personal data (name, phone, e-mail, address) as it is allowed into an event: encrypted with
 * AES-GCM under a key of that person's own, kept outside the event store. Erasing the key forgets the person;
 * the event, and the audit trail, stay whole.
 *
 * @param keyId      the person's key in the key table
 * @param nonce      base64 of the 12-byte GCM nonce
 * @param ciphertext base64 of the encrypted JSON, GCM tag included
 */
public record EncryptedPersonalData(String keyId, String nonce, String ciphertext) {
}
