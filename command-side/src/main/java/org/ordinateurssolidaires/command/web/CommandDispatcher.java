package org.ordinateurssolidaires.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of its origin and waits until its events are stored (or it is refused); answers what
 * the handler returned, if anything.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final CommandBus commandBus;

    CommandDispatcher(CommandGateway commandGateway, CommandBus commandBus) {
        this.commandGateway = commandGateway;
        this.commandBus = commandBus;
    }

    public <R> R dispatch(Object command, CommandOrigin origin) {
        return commandGateway.sendAndWait(origin.asMessage(command));
    }

    /**
     * For one of several commands sent inside the caller's transaction: never retried, since a retry would run
     * outside that transaction; a lost race fails the whole request instead (409, nothing recorded).
     */
    public <R> R dispatchInCallersTransaction(Object command, CommandOrigin origin) {
        FutureCallback<Object, R> callback = new FutureCallback<>();
        commandBus.dispatch(origin.asMessage(command), callback);
        CommandResultMessage<? extends R> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException refused ? refused : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
