package org.ordinateurssolidaires.store.personaldata;

import org.springframework.jdbc.core.JdbcOperations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-person keys of crypto-shredding, in the {@code personal_data_key} table outside the event store, each
 * wrapped by the {@link KeyEncryptionKey}: a dump of the database alone opens nobody's data. Deleting a row
 * forgets its person. Rows written before the keys were wrapped ({@code wrapped = false}) are read as they are
 * until {@link #wrapEveryKeyUnderThePrimary} wraps them.
 */
public final class PersonalKeys {

    private final JdbcOperations jdbc;
    private final KeyEncryptionKey keyEncryptionKey;

    public PersonalKeys(JdbcOperations jdbc, KeyEncryptionKey keyEncryptionKey) {
        this.jdbc = jdbc;
        this.keyEncryptionKey = keyEncryptionKey;
    }

    public void store(String keyId, byte[] key) {
        jdbc.update("insert into personal_data_key (key_id, secret, wrapped) values (?, ?, true)", keyId,
                keyEncryptionKey.wrap(key, keyId));
    }

    /** The person's key, or nothing once they were forgotten. */
    public Optional<byte[]> find(String keyId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select secret, wrapped from personal_data_key"
                                                           + " where key_id = ?", keyId);
        return rows.stream().findFirst().map(row -> Boolean.TRUE.equals(row.get("wrapped"))
                ? keyEncryptionKey.unwrap((byte[]) row.get("secret"), keyId)
                : (byte[]) row.get("secret"));
    }

    public void delete(String keyId) {
        jdbc.update("delete from personal_data_key where key_id = ?", keyId);
    }

    /**
     * Wraps every key that is not yet wrapped under the keyset's primary key: the keys of an earlier version,
     * kept in clear, and, after a rotation, those wrapped under an older key. One row at a time, each in its own
     * statement: a key forgotten meanwhile is simply gone. Tells how many it wrapped.
     */
    public int wrapEveryKeyUnderThePrimary() {
        int wrapped = 0;
        for (Map<String, Object> row : jdbc.queryForList("select key_id, secret, wrapped from personal_data_key")) {
            String keyId = (String) row.get("key_id");
            byte[] secret = (byte[]) row.get("secret");
            boolean isWrapped = Boolean.TRUE.equals(row.get("wrapped"));
            if (isWrapped && keyEncryptionKey.wrappedUnderPrimary(secret)) {
                continue;
            }
            byte[] key = isWrapped ? keyEncryptionKey.unwrap(secret, keyId) : secret;
            wrapped += jdbc.update("update personal_data_key set secret = ?, wrapped = true where key_id = ?"
                                   + " and secret = ?", keyEncryptionKey.wrap(key, keyId), keyId, secret);
        }
        return wrapped;
    }
}
