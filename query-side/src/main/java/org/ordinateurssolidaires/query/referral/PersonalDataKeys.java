package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.store.personaldata.PersonalKeys;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Opens sealed personal data with its person's key, read from the command side's {@code personal_data_key} table
 * in the shared database and unwrapped with the key-encryption key both apps hold. Read only: keys are created
 * and deleted by the command side alone.
 */
@Component
class PersonalDataKeys {

    private final PersonalKeys keys;

    PersonalDataKeys(PersonalKeys keys) {
        this.keys = keys;
    }

    /**
     * The data in clear, or nothing once the key is deleted: the person is forgotten from that moment, even before
     * this side has read {@code PersonalDataForgotten}.
     */
    Optional<PersonalData> open(EncryptedPersonalData sealed) {
        return keys.find(sealed.keyId()).map(sealed::open);
    }
}
