package org.ordinateurssolidaires.command.web;

/** A command id already used for a different command, or by another account. Answered as HTTP 409. */
public class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused(Object commandId) {
        super(CommandOrigin.COMMAND_ID_HEADER + " " + commandId
                + " was already used, for a different command or by another account; use a new id for a new command");
    }
}
