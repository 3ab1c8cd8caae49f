package org.ordinateurssolidaires.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of its origin and waits until its events are stored (or it is refused); answers what
 * the handler returned, if anything.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;

    CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R dispatch(Object command, CommandOrigin origin) {
        return commandGateway.sendAndWait(origin.asMessage(command));
    }
}
