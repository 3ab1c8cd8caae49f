package org.ordinateurssolidaires.command.referral;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.store.personaldata.KeyEncryptionKey;
import org.ordinateurssolidaires.store.personaldata.PersonalKeys;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key-encryption key rotates as docs/security.md tells the operator: add a key to the keyset and make it
 * primary, restart (the command side re-wraps every person's key under it), then drop the old key. Every person
 * stays readable at each step, and keys an earlier version kept raw are wrapped on the way. On a table of its own
 * in PostgreSQL, shaped as the command side's migrations make it.
 */
class KeyEncryptionRotationIT {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void keyTable() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(PostgresTestDatabase.emptyDatabase(
                "ordinateurs_key_rotation_it"), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD));
        jdbc.execute("create table personal_data_key (key_id varchar(100) not null primary key, secret bytea not null,"
                     + " created_at timestamp with time zone not null default current_timestamp,"
                     + " wrapped boolean not null default false)");
    }

    @Test
    void everyPersonStaysReadableThroughARotation() throws GeneralSecurityException {
        KeysetHandle first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
        String wrappedBefore = "referral:" + UUID.randomUUID();
        String rawBefore = "referral:" + UUID.randomUUID();
        byte[] wrappedKey = randomKey();
        byte[] rawKey = randomKey();
        new PersonalKeys(jdbc, keyEncryptionKey(first)).store(wrappedBefore, wrappedKey);
        jdbc.update("insert into personal_data_key (key_id, secret) values (?, ?)", rawBefore, rawKey); // as 0.1.0 did

        // 1. a new key, primary: what the old key wrapped still opens, new keys are wrapped under the new one
        KeysetHandle both = KeysetHandle.newBuilder(first)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                      .withRandomId().makePrimary())
                .build();
        PersonalKeys duringRotation = new PersonalKeys(jdbc, keyEncryptionKey(both));
        assertThat(duringRotation.find(wrappedBefore)).contains(wrappedKey);
        assertThat(duringRotation.find(rawBefore)).contains(rawKey);

        // 2. the command side's start re-wraps every key not under the primary, the raw one included
        assertThat(duringRotation.wrapEveryKeyUnderThePrimary()).isEqualTo(2);
        assertThat(duringRotation.wrapEveryKeyUnderThePrimary()).as("nothing left to do").isZero();
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where not wrapped", Integer.class))
                .isZero();
        assertThat(HexFormat.of().formatHex(jdbc.queryForObject("select secret from personal_data_key where key_id = ?",
                byte[].class, rawBefore))).doesNotContain(HexFormat.of().formatHex(rawKey));

        // 3. the old key dropped: everyone still opens with the new one alone, and no longer with the old alone
        KeysetHandle.Builder withoutTheOld = KeysetHandle.newBuilder(both);
        withoutTheOld.deleteAt(0);
        PersonalKeys afterRotation = new PersonalKeys(jdbc, keyEncryptionKey(withoutTheOld.build()));
        assertThat(afterRotation.find(wrappedBefore)).contains(wrappedKey);
        assertThat(afterRotation.find(rawBefore)).contains(rawKey);
        PersonalKeys oldKeyOnly = new PersonalKeys(jdbc, keyEncryptionKey(first));
        assertThatThrownBy(() -> oldKeyOnly.find(wrappedBefore)).isInstanceOf(IllegalStateException.class);
    }

    /** The person's key id is the associated data: a wrapped key copied onto another person's row opens nothing. */
    @Test
    void aWrappedKeyOpensOnlyForItsOwnPerson() throws GeneralSecurityException {
        PersonalKeys keys = new PersonalKeys(jdbc, keyEncryptionKey(KeysetHandle.generateNew(
                PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get())));
        String person = "referral:" + UUID.randomUUID();
        String another = "referral:" + UUID.randomUUID();
        keys.store(person, randomKey());
        jdbc.update("insert into personal_data_key (key_id, secret, wrapped) select ?, secret, true"
                    + " from personal_data_key where key_id = ?", another, person);

        assertThatThrownBy(() -> keys.find(another)).isInstanceOf(IllegalStateException.class);
        keys.delete(person);
        assertThat(keys.find(person)).as("forgotten").isEmpty();
        keys.delete(another);
    }

    private static KeyEncryptionKey keyEncryptionKey(KeysetHandle keyset) throws GeneralSecurityException {
        return KeyEncryptionKey.of(TinkJsonProtoKeysetFormat.serializeKeyset(keyset, RegistryConfiguration.get(),
                InsecureSecretKeyAccess.get()));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
