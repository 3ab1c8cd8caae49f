package org.ordinateurssolidaires.command.rules;

/** A command named something that does not exist, such as a medium the device never had. Answered as HTTP 404. */
public class UnknownEntity extends RuntimeException {

    public UnknownEntity(String detail) {
        super(detail);
    }
}
