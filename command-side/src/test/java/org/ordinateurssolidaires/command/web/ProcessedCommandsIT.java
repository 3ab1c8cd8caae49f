package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.events.Sha256;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record of a command already processed keeps no plain digest of its request (a referral's request holds
 * personal data): the digest is keyed, those an earlier version stored are keyed at start, and a retry under the
 * same Idempotency-Key is still recognised on either side of that change.
 */
class ProcessedCommandsIT extends CommandSideIntegrationTest {

    private static final Map<String, Object> REQUEST = Map.of("name", "Maryse Fontaine-Lebrun",
            "phone", "+33 6 71 42 93 58");

    @Autowired
    ProcessedCommands processed;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsOnlyAKeyedDigestOfTheRequest() throws Exception {
        UUID command = UUID.randomUUID();

        assertThat(processed.claim(command, "camille", "SubmitReferral", REQUEST)).isTrue();

        assertThat(storedDigest(command)).hasSize(64).isNotEqualTo(plainDigest(REQUEST));
        assertThat(processed.claim(command, "camille", "SubmitReferral", REQUEST)).as("a retry, acknowledged")
                .isFalse();
        assertThatThrownBy(() -> processed.claim(command, "camille", "SubmitReferral", Map.of("name", "someone else")))
                .isInstanceOf(IdempotencyKeyReused.class);
    }

    /** Another account's request, even the very same, is not taken for a retry: it would never be recorded. */
    @Test
    void refusesTheSameKeyFromAnotherAccount() {
        UUID command = UUID.randomUUID();
        assertThat(processed.claim(command, "camille", "SubmitReferral", REQUEST)).isTrue();

        assertThatThrownBy(() -> processed.claim(command, "dominique", "SubmitReferral", REQUEST))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(processed.claim(command, "camille", "SubmitReferral", REQUEST)).as("its own retry").isFalse();
    }

    @Test
    void keysThePlainDigestsOfAnEarlierVersionAndStillRecognisesTheirRetries() throws Exception {
        UUID command = UUID.randomUUID();
        jdbc.update("insert into processed_command (command_id, command_name, payload_digest) values (?, ?, ?)",
                command, "SubmitReferral", plainDigest(REQUEST)); // as 0.1.0 stored it

        assertThat(processed.claim(command, "camille", "SubmitReferral", REQUEST)).as("before keying").isFalse();
        processed.run(null);

        assertThat(jdbc.queryForObject("select count(*) from processed_command where not digest_keyed",
                Integer.class)).isZero();
        assertThat(storedDigest(command)).isNotEqualTo(plainDigest(REQUEST));
        assertThat(processed.claim(command, "camille", "SubmitReferral", REQUEST)).as("after keying").isFalse();
        assertThatThrownBy(() -> processed.claim(command, "camille", "SubmitReferral", Map.of("name", "someone else")))
                .isInstanceOf(IdempotencyKeyReused.class);
    }

    private String storedDigest(UUID command) {
        return jdbc.queryForObject("select payload_digest from processed_command where command_id = ?", String.class,
                command);
    }

    private static String plainDigest(Object request) throws Exception {
        return Sha256.hex(EventSerialization.objectMapper().writeValueAsBytes(request));
    }
}
