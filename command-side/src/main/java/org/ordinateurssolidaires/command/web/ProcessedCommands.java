package org.ordinateurssolidaires.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ordinateurssolidaires.events.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Makes commands that carry a client command id idempotent. The id is claimed in the command's own transaction:
 * if the command is refused, the claim rolls back with it; if the id was already claimed, the command is
 * acknowledged without being handled again. A concurrent duplicate waits on the primary key, then sees the claim.
 * Axon registers every handler interceptor bean on the command bus, inside the command's transaction.
 */
@Component
public class ProcessedCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ProcessedCommands.class);

    private final JdbcTemplate jdbc;

    ProcessedCommands(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object commandId = command.getMetaData().get(EventMetadata.COMMAND_ID);
        if (commandId == null) {
            return interceptorChain.proceed();
        }
        int claimed = jdbc.update(
                "insert into processed_command (command_id, command_name) values (?, ?) on conflict do nothing",
                UUID.fromString(commandId.toString()), command.getCommandName());
        if (claimed == 0) {
            log.info("Command {} ({}) was already processed; not handling it again", commandId, command.getCommandName());
            return null;
        }
        return interceptorChain.proceed();
    }
}
