package org.ordinateurssolidaires.events;

/** The metadata every event carries, written by the command side and read by auditors and projections. */
public final class EventMetadata {

    /** Who sent the command that caused the event. */
    public static final String USER_ID = "userId";
    /** Their role when they sent it. */
    public static final String USER_ROLE = "userRole";
    /** The conversation the command belonged to: the client's, or the first command's id. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused the event. */
    public static final String CAUSATION_ID = "causationId";
    /** The client's own command id, when it sent one to make a retry safe. */
    public static final String COMMAND_ID = "commandId";

    private EventMetadata() {
    }
}
