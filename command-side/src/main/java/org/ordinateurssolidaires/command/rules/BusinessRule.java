package org.ordinateurssolidaires.command.rules;

/**
 * A rule of the programme that a command can break. Its {@link #name()} is the stable code clients see in the
 * 409 problem body; its description says the rule in plain words.
 */
public interface BusinessRule {

    String name();

    String description();
}
