package org.ordinateurssolidaires.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of its origin and waits until its events are stored (or it is refused). */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;

    CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public void dispatch(Object command, CommandOrigin origin) {
        commandGateway.sendAndWait(origin.asMessage(command));
    }
}
