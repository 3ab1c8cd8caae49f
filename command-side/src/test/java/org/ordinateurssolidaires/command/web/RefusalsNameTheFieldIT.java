package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.command.StaffRequests.newPartner;

/**
 * A rule about several fields of a request is reported on the field the client is to change, by the name the
 * client sent it under, never by the name of the method that checks it ({@code outcomeComplete}); a rule of the
 * body as a whole names no field.
 */
class RefusalsNameTheFieldIT extends CommandSideIntegrationTest {

    private static final String CHECKED = "2026-03-02T10:00:00Z";

    @Autowired
    TestRestTemplate http;

    @Test
    void aQualityCheckMissesTheGradeOfAPassOrTheNotesOfAFailure() {
        String check = "/api/devices/" + UUID.randomUUID() + "/quality-checks";

        assertThat(refused(check, Map.of("passed", true, "inspector", "Karim", "checkedAt", CHECKED)))
                .isEqualTo(Map.of("field", "grade", "message", "a passed check needs a grade"));
        assertThat(refused(check, Map.of("passed", false, "inspector", "Karim", "checkedAt", CHECKED)))
                .isEqualTo(Map.of("field", "notes", "message", "a failed check needs notes saying why"));
        assertThat(refused(check, Map.of("passed", false, "grade", "A", "notes", "screen cracked", "inspector", "Karim",
                "checkedAt", CHECKED))).isEqualTo(Map.of("field", "grade",
                "message", "a failed check has no grade: say it passed, or leave the grade out"));
    }

    @Test
    void aFailedVerificationMissesItsReason() {
        assertThat(refused(sanitisation(), sanitisationBody(false, null)))
                .isEqualTo(Map.of("field", "failureReason", "message", "a failed verification needs a failureReason"));
    }

    /** One of the two is a slip: recorded as an erasure, the medium could leave unerased. */
    @Test
    void aPassedVerificationHasNoReasonOfFailure() {
        assertThat(refused(sanitisation(), sanitisationBody(true, "3 unreadable sectors"))).isEqualTo(Map.of(
                "field", "failureReason",
                "message", "a passed verification has no failureReason: say it failed, or leave the reason out"));
    }

    private static String sanitisation() {
        return "/api/devices/" + UUID.randomUUID() + "/media/" + UUID.randomUUID() + "/sanitisations";
    }

    private static Map<String, Object> sanitisationBody(boolean passed, String failureReason) {
        Map<String, Object> body = new HashMap<>(Map.of("level", "PURGE", "technique", "OVERWRITE", "tool", "nwipe",
                "toolVersion", "0.34", "verificationMethod", "FULL", "verificationPassed", passed,
                "operator", "Karim", "location", "Atelier", "performedAt", CHECKED,
                "toolReportSha256", "a".repeat(64)));
        if (failureReason != null) {
            body.put("failureReason", failureReason);
        }
        return body;
    }

    /**
     * An erasure level or a donor's kind given by its place in the list, an id in Base64: each was read as some value
     * and recorded (level 1 as a purge, a referral's criterion 1 as job seeker); now refused, and said of its field.
     */
    @Test
    void aValueGivenByItsPlaceInTheListOrAnIdInBase64IsSaidOfItsField() {
        for (Object level : new Object[]{1, "1"}) {
            Map<String, Object> byPlace = sanitisationBody(true, null);
            byPlace.put("level", level);
            assertThat(refused(sanitisation(), byPlace)).as("%s", level).containsEntry("field", "level");
        }
        assertThat(refused("/api/donors", Map.of("legalName", "Mutuelle du Clain", "kind", 3, "contactPerson", "Inès",
                "contactEmail", "ines@example.org"))).containsEntry("field", "kind");
        assertThat(refused("/api/devices", Map.of("assetTag", "B64-1", "donorId", "cB6wlNFGPZGyO7477HhMeQ==",
                "donationBatchReference", "LIV-2026-05", "category", "LAPTOP")))
                .isEqualTo(Map.of("field", "donorId",
                        "message", "must be a UUID (32 hexadecimal digits as 8-4-4-4-12)"));
    }

    /** Hibernate Validator's e-mail rule takes "a@b": a donor would have been written to at no address. */
    @Test
    void anAddressWithoutADotInItsDomainIsSaidOfItsField() {
        assertThat(refused("/api/donors", Map.of("legalName", "Mutuelle du Clain", "kind", "ASSOCIATION",
                "contactPerson", "Inès", "contactEmail", "ines@mutuelle"))).isEqualTo(Map.of("field", "contactEmail",
                "message", "must be an e-mail address: a name, @ and a domain with a dot (accueil@example.org)"));
    }

    @Test
    void moreChildrenThanTheHouseholdHasIsSaidOfTheChildren() {
        String partner = newPartner(http, "SOCIAL_SERVICES");

        assertThat(refused("/api/partners/" + partner + "/referrals", Map.of("criterion",
                "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 2, "children", 3, "need", "LAPTOP",
                "submittedAt", CHECKED, "personalData", Map.of("name", "Lucien Perrin", "phone", "+33 6 12 34 56 78"))))
                .containsEntry("field", "children");
    }

    /** Someone will call it: words, or too few digits, are no number; a partner's contact the same. */
    @Test
    void aPhoneThatIsNoNumberIsSaidOfThePhone() {
        String partner = newPartner(http, "SOCIAL_SERVICES");

        for (String phone : new String[]{"not a phone!!", "12345", "+33 6 12 34 56 78 ou le 05",
                "06 12 34 56 78 05 49 00 00 00"}) {
            assertThat(refused("/api/partners/" + partner + "/referrals", Map.of("criterion", "JOB_SEEKER",
                    "householdSize", 1, "children", 0, "need", "LAPTOP", "submittedAt", CHECKED,
                    "personalData", Map.of("name", "Lucien Perrin", "phone", phone))))
                    .as(phone).containsEntry("field", "personalData.phone");
            assertThat(refused("/api/partners/" + partner + "/contacts", Map.of("name", "Nadia Roux",
                    "phone", phone))).as(phone).containsEntry("field", "phone");
        }
    }

    /** A Cyrillic "о" or a Greek "Α" among Latin letters: a name that prints as another's is said of the name. */
    @Test
    void aNameWithALetterOfAnotherAlphabetInAWordIsSaidOfTheName() {
        for (String name : new String[]{"CCAS de P\u043Eitiers", "\u0391ssociation Emmaüs",
                                        "\u0421\u043Emmune de Migné"}) {
            assertThat(refused("/api/partners", Map.of("name", name, "kind", "SOCIAL_SERVICES"))).as(name)
                    .containsEntry("field", "name");
            assertThat(refused("/api/donors", Map.of("legalName", name, "kind", "COMPANY",
                    "contactPerson", "Alexandra", "contactEmail", "numerique@example.org"))).as(name)
                    .containsEntry("field", "legalName");
            assertThat(refused("/api/ceremonies", Map.of("date", "2026-10-10", "place", name))).as(name)
                    .containsEntry("field", "place");
        }
        // a household's name: with a Cyrillic "а" it was not recognised as an equipped household's
        String partner = newPartner(http, "SOCIAL_SERVICES");
        assertThat(refused("/api/partners/" + partner + "/referrals", Map.of("criterion", "JOB_SEEKER",
                "householdSize", 1, "children", 0, "need", "LAPTOP", "submittedAt", CHECKED,
                "personalData", Map.of("name", "Amin\u0430 Diallo", "phone", "+33 6 12 34 56 78"))))
                .containsEntry("field", "personalData.name");
        // a word in one alphabet beside a word in another, accents and all, is a name like any
        String mixed = "Ελληνική Κοινότητα de Poitiers – Общество " + UUID.randomUUID();
        assertThat(http.postForEntity("/api/partners", new HttpEntity<>(Map.of("name", mixed,
                "kind", "ASSOCIATION"), headers()), JsonNode.class).getStatusCode().value()).isEqualTo(201);
    }

    /** "Ami\u200Bn" shows as "Amin" everywhere but is not found by a search for it, nor sorted with it. */
    @Test
    void aNameWithACharacterNobodySeesIsSaidOfTheName() {
        String hidden = "must not hide a character: no zero-width space, soft hyphen, mark of direction or other "
                        + "character nobody sees";
        for (String name : new String[]{"Ami\u200Bn Diallo", "Mar\u00ADtin", "CCAS\u2060de Poitiers",
                                        "Emma\u200Dus", "Salle\u200E B", "\uFEFFRessourcerie"}) {
            assertThat(refused("/api/partners", Map.of("name", name, "kind", "SOCIAL_SERVICES"))).as(name)
                    .containsEntry("field", "name").containsEntry("message", hidden);
            assertThat(refused("/api/donors", Map.of("legalName", "Mairie de Poitiers", "kind", "COMPANY",
                    "contactPerson", name, "contactEmail", "numerique@example.org"))).as(name)
                    .containsEntry("field", "contactPerson").containsEntry("message", hidden);
            assertThat(refused("/api/ceremonies", Map.of("date", "2026-10-10", "place", name))).as(name)
                    .containsEntry("field", "place").containsEntry("message", hidden);
            // a make or model: "Latitude\u200B7490" would count apart from "Latitude7490" in every figure by model
            assertThat(refused("/api/devices/" + UUID.randomUUID() + "/corrections", Map.of("model", name,
                    "reason", "saisie"))).as(name).containsEntry("field", "model").containsEntry("message", hidden);
        }
        // the non-joiner inside a Persian word is how the word is written
        String persian = "کانون می\u200Cخواهم " + UUID.randomUUID();
        assertThat(http.postForEntity("/api/partners", new HttpEntity<>(Map.of("name", persian,
                "kind", "ASSOCIATION"), headers()), JsonNode.class).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aCorrectionOfNothingIsARuleOfTheWholeBody() {
        for (String path : new String[]{"/api/devices/" + UUID.randomUUID() + "/corrections",
                                        "/api/donors/" + UUID.randomUUID() + "/corrections"}) {
            ResponseEntity<JsonNode> refused = http.postForEntity(path,
                    new HttpEntity<>(Map.of("reason", "saisie en double"), headers()), JsonNode.class);

            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().get("detail").asString()).isEqualTo("invalid fields: the body as a whole");
            assertThat(refused.getBody().get("errors").toString())
                    .isEqualTo("[{\"message\":\"a correction names at least one corrected field\"}]");
        }
    }

    /** The one error of a refusal, as sent. */
    private Map<String, String> refused(String path, Map<String, ?> body) {
        ResponseEntity<JsonNode> refused = http.postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody().get("errors")).hasSize(1);
        JsonNode error = refused.getBody().get("errors").get(0);
        return Map.of("field", error.get("field").asString(), "message", error.get("message").asString());
    }
}
