package org.ordinateurssolidaires.events.referral;

/**
 * Why a household may receive a computer, in the steering committee's order of preference (council deliberation
 * 2023-0208): the rank orders the waiting list.
 */
public enum EligibilityCriterion {
    FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER(1),
    JOB_SEEKER(2),
    OTHER_FAMILY_FOLLOWED_BY_SOCIAL_WORKER(3),
    STUDENT(4);

    private final int rank;

    EligibilityCriterion(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
