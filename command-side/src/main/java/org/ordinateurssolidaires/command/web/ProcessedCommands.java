package org.ordinateurssolidaires.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.Sha256;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes commands that carry a client command id idempotent. The id is claimed in the command's own transaction,
 * with a digest of the request it came from ({@link RequestsSent}; of the command itself when the application sends
 * it) and the account sending it: if the command is refused, the claim rolls back with it;
 * if the id was already claimed by the same command from the same account, it is acknowledged without being handled
 * again; if by a different command, or by another account (whose command would otherwise be acknowledged and never
 * recorded), it is refused. A concurrent duplicate waits on the primary key, then sees the claim.
 * Axon registers every handler interceptor bean on the command bus, inside the command's transaction.
 * <p>
 * The digest is keyed (HMAC-SHA256 with the deployment's secret, over the request's SHA-256), for a referral's
 * request holds personal data: a plain digest could be tested against guesses of a person's name and phone. The
 * plain digests an earlier version stored are keyed at start, so that none is kept.
 */
@Component
public class ProcessedCommands implements MessageHandlerInterceptor<CommandMessage<?>>, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessedCommands.class);
    private static final ObjectMapper PAYLOADS = EventSerialization.objectMapper();

    /** The metadata of a command that holds the digest of its request ({@link RequestsSent}). */
    static final String REQUEST_SENT = "requestSent";

    private static final String EARLIER_CLAIM = "select command_name, payload_digest, digest_keyed, claimed_by"
                                                + " from processed_command where command_id = ?";
    /** Keeps these digests apart from the household register's, made with the same secret. */
    private static final String PURPOSE = "processed-command:";

    private final JdbcTemplate jdbc;
    private final SecretKeySpec secret;

    ProcessedCommands(JdbcTemplate jdbc, @Value("${ordinateurs.personal-data.household-index-secret}") String secret) {
        this.jdbc = jdbc;
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Keys the plain digests an earlier version stored; a row claimed meanwhile is keyed already. */
    @Override
    public void run(ApplicationArguments arguments) {
        jdbc.queryForList("select command_id, payload_digest from processed_command where not digest_keyed")
            .forEach(row -> jdbc.update("update processed_command set payload_digest = ?, digest_keyed = true"
                                        + " where command_id = ? and not digest_keyed",
                    keyed((String) row.get("payload_digest")), row.get("command_id")));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object commandId = command.getMetaData().get(EventMetadata.COMMAND_ID);
        Object requestSent = command.getMetaData().get(REQUEST_SENT);
        if (commandId != null && !claimDigest(UUID.fromString(commandId.toString()),
                (String) command.getMetaData().get(EventMetadata.USER_ID), command.getCommandName(),
                requestSent != null ? (String) requestSent : plainDigest(command.getPayload()))) {
            log.info("Command {} ({}) was already processed; not handling it again", commandId, command.getCommandName());
            return null;
        }
        return interceptorChain.proceed();
    }

    /**
     * Claims a client's command id for {@code request} sent by {@code caller}, in the caller's transaction: true the
     * first time, false when the same caller's same request already claimed it; any other request is refused
     * ({@link IdempotencyKeyReused}). Also for a request that sends several commands, which then carry no id of
     * their own.
     */
    public boolean claim(UUID commandId, String caller, String name, Object request) {
        return claimDigest(commandId, caller, name, plainDigest(request));
    }

    /**
     * Whether {@code caller} already claimed {@code commandId} for {@code request}, without claiming it: for a
     * request answered from what it recorded, once it is known to be a retry. Any other claim is refused
     * ({@link IdempotencyKeyReused}).
     */
    public boolean claimedBefore(UUID commandId, String caller, String name, Object request) {
        List<Map<String, Object>> earlier = jdbc.queryForList(EARLIER_CLAIM, commandId);
        if (earlier.isEmpty()) {
            return false;
        }
        requireTheSame(earlier.get(0), commandId, caller, name, keyed(plainDigest(request)));
        return true;
    }

    private boolean claimDigest(UUID commandId, String caller, String name, String plainDigest) {
        String digest = keyed(plainDigest);
        int claimed = jdbc.update("insert into processed_command (command_id, command_name, payload_digest,"
                + " digest_keyed, claimed_by) values (?, ?, ?, true, ?) on conflict do nothing",
                commandId, name, digest, caller);
        if (claimed == 1) {
            return true;
        }
        requireTheSame(jdbc.queryForMap(EARLIER_CLAIM, commandId), commandId, caller, name, digest);
        return false;
    }

    private void requireTheSame(Map<String, Object> earlier, UUID commandId, String caller, String name,
                                String digest) {
        String earlierDigest = Boolean.TRUE.equals(earlier.get("digest_keyed"))
                ? (String) earlier.get("payload_digest") : keyed((String) earlier.get("payload_digest"));
        boolean sameCaller = earlier.get("claimed_by") == null || earlier.get("claimed_by").equals(caller);
        if (!name.equals(earlier.get("command_name")) || !digest.equals(earlierDigest) || !sameCaller) {
            throw new IdempotencyKeyReused(commandId);
        }
    }

    /** The SHA-256 of {@code request} as JSON: of a command, or of the request it came from ({@link RequestsSent}). */
    static String plainDigest(Object request) {
        try {
            return Sha256.hex(PAYLOADS.writeValueAsBytes(request));
        } catch (JsonProcessingException notSerialisable) {
            throw new IllegalArgumentException("cannot fingerprint " + request.getClass(), notSerialisable);
        }
    }

    private String keyed(String plainDigest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal((PURPOSE + plainDigest).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }
}
