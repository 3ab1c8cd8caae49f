package org.ordinateurssolidaires.command.referral;

import org.ordinateurssolidaires.store.personaldata.PersonalKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At each start, wraps under the key-encryption keyset's primary key every person's key that is not: those an
 * earlier version kept raw, and after a rotation those wrapped under the previous key (docs/security.md). The
 * command side does it, as it owns the keys; the query side only reads them, and opens either kind meanwhile.
 */
@Component
class PersonalKeysRewrapping implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PersonalKeysRewrapping.class);

    private final PersonalKeys keys;

    PersonalKeysRewrapping(PersonalKeys keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int wrapped = keys.wrapEveryKeyUnderThePrimary();
        if (wrapped > 0) {
            log.info("Wrapped {} person(s)' key(s) under the key-encryption keyset's primary key", wrapped);
        }
    }
}
