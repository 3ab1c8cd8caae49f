package org.ordinateurssolidaires.command.ceremony;

import org.ordinateurssolidaires.command.rules.BusinessRule;

/** The rules of a hand-over ceremony's life. */
public enum CeremonyRule implements BusinessRule {
    CEREMONY_STILL_PLANNED("only a planned ceremony (neither held nor cancelled) takes invitations, changes of date, "
            + "a cancellation or the record that it was held"),
    HELD_ON_ITS_DAY("a ceremony is recorded as held on its day or later, not before"),
    RESCHEDULING_CHANGES_SOMETHING("a ceremony is rescheduled to another day or another place"),
    HAND_OVERS_KEEP_THEIR_CEREMONY("a ceremony at which devices were handed over is neither cancelled nor moved to "
            + "another day: they were handed over at it, on its day"),
    ONE_CEREMONY_PER_DAY_AND_PLACE("one ceremony, planned or held, takes place on a day at a place (its name's "
            + "letters and digits as they look, without accents or case): not another there that day"),
    HOUSEHOLDS_HANDED_OVER_WERE_PRESENT("a ceremony is recorded as held with at least as many households present as "
            + "were handed devices at it"),
    DONORS_PRESENT_WERE_INVITED("a ceremony is recorded as held with no more donors present than were invited to it: "
            + "a donor who came uninvited is invited first");

    private final String description;

    CeremonyRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
