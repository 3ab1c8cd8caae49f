package org.ordinateurssolidaires.deploy;

import org.ordinateurssolidaires.testing.RunningApp;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A device is allocated only to an accepted referral waiting for its kind of device. */
public final class Households {

    /** The job centre referring the households of each command side: one partner of that name a programme has. */
    private static final Map<RunningApp, String> JOB_CENTRES = new ConcurrentHashMap<>();

    private Households() {
    }

    /** Refers a household through the job centre, accepts it, and answers the referral's id. */
    public static String acceptedReferral(RunningApp commandSide, String need) throws IOException, InterruptedException {
        String partner = jobCentre(commandSide);
        String referral = commandSide.post("/api/partners/" + partner + "/referrals", Map.of(
                "criterion", "JOB_SEEKER", "householdSize", 1, "children", 0, "need", need,
                "personalData", Map.of("name", "Personne Fictive"), "submittedAt", "2026-03-01T09:00:00Z"))
                .get("referralId").asText();
        commandSide.post("/api/referrals/" + referral + "/acceptance", Map.of("at", "2026-03-02T09:00:00Z"));
        return referral;
    }

    private static synchronized String jobCentre(RunningApp commandSide) throws IOException, InterruptedException {
        String partner = JOB_CENTRES.get(commandSide);
        if (partner == null) {
            partner = commandSide.post("/api/partners", Map.of("name", "France Travail Poitiers",
                    "kind", "JOB_CENTRE")).get("partnerId").asText();
            JOB_CENTRES.put(commandSide, partner);
        }
        return partner;
    }
}
