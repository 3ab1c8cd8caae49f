package org.ordinateurssolidaires.deploy;

import org.ordinateurssolidaires.testing.RunningApp;

import java.io.IOException;
import java.util.Map;

/** Devices are received only from a donor with an agreement in force: the first thing every scenario needs. */
public final class Donors {

    private Donors() {
    }

    /** Registers a donor whose agreement is in force from 2020 on, and answers its id. */
    public static String withAgreement(RunningApp commandSide) throws IOException, InterruptedException {
        return withAgreement(commandSide, "Université de Poitiers");
    }

    /** The same, for a donor of that name. */
    public static String withAgreement(RunningApp commandSide, String legalName)
            throws IOException, InterruptedException {
        String donor = commandSide.post("/api/donors", Map.of("legalName", legalName,
                "kind", "PUBLIC_BODY", "contactPerson", "Service du patrimoine",
                "contactEmail", "patrimoine@example.org")).get("donorId").asText();
        commandSide.post("/api/donors/" + donor + "/agreements", Map.of("modelAgreementVersion", "2023-0208",
                "signatoryName", "Virginie Laval", "signatoryRole", "Présidente", "signedOn", "2020-01-01",
                "validFrom", "2020-01-01", "commitments", Map.of("freeForBeneficiary", true,
                        "equipmentTraceability", true, "dataErasure", true, "handOverCeremony", true)));
        return donor;
    }
}
