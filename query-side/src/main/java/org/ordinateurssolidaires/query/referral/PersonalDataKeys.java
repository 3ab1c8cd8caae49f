package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Opens sealed personal data with its person's key, read from the command side's {@code personal_data_key} table
 * in the shared database. Read only: keys are created and deleted by the command side alone.
 */
@Component
class PersonalDataKeys {

    private final JdbcTemplate jdbc;

    PersonalDataKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The data in clear, or nothing once the key is deleted: the person is forgotten from that moment, even before
     * this side has read {@code PersonalDataForgotten}.
     */
    Optional<PersonalData> open(EncryptedPersonalData sealed) {
        return jdbc.queryForList("select secret from personal_data_key where key_id = ?", byte[].class, sealed.keyId())
                   .stream().findFirst().map(sealed::open);
    }
}
