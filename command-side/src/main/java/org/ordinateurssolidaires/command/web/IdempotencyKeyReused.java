package org.ordinateurssolidaires.command.web;

/** A client sent a command id it had already used for a different command. Answered as HTTP 409. */
public class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused(Object commandId) {
        super(CommandOrigin.COMMAND_ID_HEADER + " " + commandId
                + " was already used for a different command; use a new id for a new command");
    }
}
