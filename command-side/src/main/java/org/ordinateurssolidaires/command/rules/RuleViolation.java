package org.ordinateurssolidaires.command.rules;

/** A command was refused because it would break a rule; nothing was recorded. Answered as HTTP 409. */
public class RuleViolation extends RuntimeException {

    private final transient BusinessRule rule;

    public RuleViolation(BusinessRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public BusinessRule rule() {
        return rule;
    }
}
