package org.ordinateurssolidaires.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.ordinateurssolidaires.events.EventMetadata;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who sent a command and in which conversation: the signed-in person and the role they act in, and the client's
 * own ids from the request headers.
 *
 * @param commandId     the client's own id for this command ({@value #COMMAND_ID_HEADER}); sending the same id
 *                      twice records the command once
 * @param correlationId the conversation the command belongs to ({@value #CORRELATION_HEADER}), if the client has one
 * @param drawnVersion  the version of the thing the command changes as the sender last saw it (a page's form drawn
 *                      from a device's history); the command is refused if it changed since ({@link VersionsSeen})
 */
public record CommandOrigin(String userId, String userRole, UUID commandId, String correlationId, Long drawnVersion) {

    public static final String COMMAND_ID_HEADER = "Idempotency-Key";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /**
     * An id for something the command creates (a device, a medium). Derived from the client's command id when
     * there is one, so that a retried command names the same thing as the first attempt.
     */
    public UUID newId(String purpose) {
        return commandId == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((purpose + ':' + commandId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same person, for the several commands one request sends (a batch import): none of them is the client's
     * command, and they share one conversation; none is the one thing whose version was seen.
     */
    public CommandOrigin inConversation(String conversation) {
        return new CommandOrigin(userId, userRole, null, correlationId == null ? conversation : correlationId, null);
    }

    CommandMessage<?> asMessage(Object command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(EventMetadata.USER_ID, userId);
        metaData.put(EventMetadata.USER_ROLE, userRole);
        if (commandId != null) {
            metaData.put(EventMetadata.COMMAND_ID, commandId.toString());
            // a retry under the same id must repeat the request, whatever the server added to its command
            String requestSent = RequestsSent.digest();
            if (requestSent != null) {
                metaData.put(ProcessedCommands.REQUEST_SENT, requestSent);
            }
        }
        if (correlationId != null) {
            metaData.put(EventMetadata.CORRELATION_ID, correlationId);
        }
        if (drawnVersion != null) {
            metaData.put(VersionsSeen.DRAWN_VERSION, drawnVersion);
        }
        String messageId = commandId == null ? UUID.randomUUID().toString() : commandId.toString();
        return new GenericCommandMessage<>(new GenericMessage<>(messageId, command, metaData),
                command.getClass().getName());
    }
}
