package org.ordinateurssolidaires.command.web;

/** A request header is present but malformed. Answered as HTTP 400. */
public class InvalidHeader extends RuntimeException {

    private final String header;

    public InvalidHeader(String header, String problem) {
        super("header " + header + " " + problem);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
