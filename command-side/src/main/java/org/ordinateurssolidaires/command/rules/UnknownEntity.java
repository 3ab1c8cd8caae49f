package org.ordinateurssolidaires.command.rules;

/** A command named something that does not exist, such as a medium the device never had. Answered as HTTP 404. */
public class UnknownEntity extends RuntimeException {

    /** What was not found: a page's form says so in words ("Ce donateur n'existe pas"). */
    public enum Kind { DEVICE, MEDIUM, DONOR, AGREEMENT, BATCH, CEREMONY, PARTNER, CONTACT, REFERRAL, ACCOUNT }

    private final transient Kind kind;

    public UnknownEntity(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
