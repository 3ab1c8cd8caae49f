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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Makes commands that carry a client command id idempotent. The id is claimed in the command's own transaction,
 * with a digest of the command: if the command is refused, the claim rolls back with it; if the id was already
 * claimed by the same command, it is acknowledged without being handled again; if by a different one, it is
 * refused. A concurrent duplicate waits on the primary key, then sees the claim.
 * Axon registers every handler interceptor bean on the command bus, inside the command's transaction.
 */
@Component
public class ProcessedCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ProcessedCommands.class);
    private static final ObjectMapper PAYLOADS = EventSerialization.objectMapper();

    private final JdbcTemplate jdbc;

    ProcessedCommands(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object commandId = command.getMetaData().get(EventMetadata.COMMAND_ID);
        if (commandId != null && !claim(UUID.fromString(commandId.toString()), command.getCommandName(),
                command.getPayload())) {
            log.info("Command {} ({}) was already processed; not handling it again", commandId, command.getCommandName());
            return null;
        }
        return interceptorChain.proceed();
    }

    /**
     * Claims a client's command id for {@code request}, in the caller's transaction: true the first time, false
     * when the same request already claimed it; a different request is refused ({@link IdempotencyKeyReused}).
     * Also for a request that sends several commands, which then carry no id of their own.
     */
    public boolean claim(UUID commandId, String name, Object request) {
        String digest = digest(request);
        int claimed = jdbc.update("insert into processed_command (command_id, command_name, payload_sha256)"
                + " values (?, ?, ?) on conflict do nothing", commandId, name, digest);
        if (claimed == 1) {
            return true;
        }
        Map<String, Object> earlier = jdbc.queryForMap(
                "select command_name, payload_sha256 from processed_command where command_id = ?", commandId);
        if (!name.equals(earlier.get("command_name")) || !digest.equals(earlier.get("payload_sha256"))) {
            throw new IdempotencyKeyReused(commandId);
        }
        return false;
    }

    private static String digest(Object request) {
        try {
            return Sha256.hex(PAYLOADS.writeValueAsBytes(request));
        } catch (JsonProcessingException notSerialisable) {
            throw new IllegalArgumentException("cannot fingerprint " + request.getClass(), notSerialisable);
        }
    }
}
