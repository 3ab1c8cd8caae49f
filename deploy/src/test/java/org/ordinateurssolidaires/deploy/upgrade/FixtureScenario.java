package org.ordinateurssolidaires.deploy.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import org.ordinateurssolidaires.deploy.ReadModels;
import org.ordinateurssolidaires.testing.RunningApp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A small programme's year, driven through the command API as staff would: four donors and their agreements (one
 * replaced by a new one), five partners and their contacts (one partner closed down), thirty devices at every
 * step of their lives — erased, failed and erased again, shredded, a disk fitted and one taken out, refurbished,
 * failed and passed checks, allocated in turn and out of turn, an allocation cancelled, handed over alone, with a
 * household's other device, at a ceremony, one given back, others recycled — two delivery files imported (one
 * confirmed, one disputed), households referred, accepted, rejected, withdrawn, referred again, and two of them
 * forgotten; three ceremonies (one moved and held, one called off, one still to come). Every event type the
 * programme records is among them. The dates lie between late 2025 and autumn 2026; names, numbers and addresses
 * are made up (06 39 98 is the range set aside for fiction).
 */
final class FixtureScenario {

    private static final String LIVRAISON_BANQUE = "BRCO-2026-02";
    private static final String LIVRAISON_MUTUELLE = "MAP-2026-04";

    private final RunningApp commandSide;
    private final String databaseUrl;
    private final Map<String, String> donors = new LinkedHashMap<>();
    private final Map<String, String> partners = new LinkedHashMap<>();
    /** Device id and its media's ids, by asset tag. */
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, String> ceremonies = new HashMap<>();
    private final List<String> forgotten = new ArrayList<>();
    private int households;
    private int reports;

    private record Device(String id, String category, List<String> media) {

        String medium(int index) {
            return media.get(index);
        }
    }

    FixtureScenario(RunningApp commandSide, String databaseUrl) {
        this.commandSide = commandSide;
        this.databaseUrl = databaseUrl;
    }

    /** The referrals whose people were forgotten. */
    List<String> forgottenReferrals() {
        return List.copyOf(forgotten);
    }

    void run() throws Exception {
        donorsAndTheirAgreements();
        partnersAndTheirContacts();
        firstReferrals();
        theBanksDelivery();
        theCitysDeliveryFile();
        theInsurersDelivery();
        theUniversitysDeliveries();
        theJuneCeremony();
        theAutumn();
    }

    // ---------------------------------------------------------------------------------------------------- donors

    private void donorsAndTheirAgreements() throws Exception {
        donor("bank", "Banque Régionale du Centre-Ouest", "COMPANY", "44218736500022", "Hélène Garnier",
                "helene.garnier@banque-rco.fr");
        agreement("bank", "Olivier Lambert", "Directeur des systèmes d'information", "2025-12-15", "2026-01-01");
        donor("insurer", "Mutuelle Atlantique Prévoyance", "COMPANY", "77531209300047", "Marc Rousseau",
                "mecenat@mutuelle-atlantique.fr");
        agreement("insurer", "Anne Mercier", "Directrice de la RSE", "2026-01-20", "2026-01-20");
        donor("city", "Ville de Poitiers - Direction du numérique", "PUBLIC_BODY", "21860194600013",
                "Sophie Marchand", "sophie.marchand@poitiers.fr");
        agreement("city", "Claire Dumont", "Adjointe au maire déléguée au numérique", "2025-11-18", "2025-11-18");
        donor("university", "Université de Poitiers", "PUBLIC_BODY", "19860756600017", "Laurent Petit",
                "dons-informatique@univ-poitiers.fr");
        // the university's first agreement, replaced in June by one on the new model (theUniversitysDeliveries)
        donors.put("university-2025", agreement("university", "Isabelle Bernard",
                "Directrice générale des services", "2025-12-09", "2025-12-09"));

        commandSide.post("/api/donors/" + donors.get("insurer") + "/corrections", Map.of(
                "contactPerson", "Anne Mercier", "contactEmail", "rse@mutuelle-atlantique.fr",
                "reason", "Marc Rousseau left the company; the CSR director follows the donations now"));
        commandSide.post("/api/donors/" + donors.get("city") + "/corrections", Map.of(
                "legalName", "Ville de Poitiers - Direction du numérique et des systèmes d'information",
                "reason", "the department was renamed on 1 February"));
    }

    private void donor(String key, String legalName, String kind, String siret, String contact, String email)
            throws Exception {
        donors.put(key, commandSide.post("/api/donors", Map.of("legalName", legalName, "kind", kind, "siret", siret,
                "contactPerson", contact, "contactEmail", email)).get("donorId").asText());
    }

    private String agreement(String donor, String signatory, String role, String signedOn, String validFrom)
            throws Exception {
        return agreement(donor, "2023-0208", signatory, role, signedOn, validFrom);
    }

    private String agreement(String donor, String model, String signatory, String role, String signedOn,
                             String validFrom) throws Exception {
        return commandSide.post("/api/donors/" + donors.get(donor) + "/agreements", Map.of(
                "modelAgreementVersion", model, "signatoryName", signatory, "signatoryRole", role,
                "signedOn", signedOn, "validFrom", validFrom, "commitments", Map.of("freeForBeneficiary", true,
                        "equipmentTraceability", true, "dataErasure", true, "handOverCeremony", true)))
                          .get("agreementId").asText();
    }

    // -------------------------------------------------------------------------------------------------- partners

    private void partnersAndTheirContacts() throws Exception {
        partner("ccas", "CCAS de Poitiers", "SOCIAL_SERVICES");
        contact("ccas", Map.of("name", "Nadia Benali", "role", "travailleuse sociale", "email", "n.benali@example.org"));
        String leaving = contact("ccas", Map.of("name", "Paul Girard", "role", "conseiller en insertion",
                "phone", "05 49 00 00 07"));
        partner("france-travail", "France Travail Poitiers", "JOB_CENTRE");
        contact("france-travail", Map.of("name", "Julien Moreau", "role", "conseiller",
                "email", "j.moreau@example.org"));
        partner("secours", "Secours populaire de la Vienne", "ASSOCIATION");
        contact("secours", Map.of("name", "Martine Roux", "role", "bénévole référente", "phone", "05 49 00 00 01"));
        partner("students", "Université de Poitiers - service social", "UNIVERSITY");
        contact("students", Map.of("name", "Sophie Lambert", "role", "assistante sociale",
                "email", "s.lambert@example.org"));
        partner("trois-cites", "Maison de quartier des Trois-Cités", "ASSOCIATION");
        contact("trois-cites", Map.of("name", "Karim Haddad", "role", "animateur", "email", "k.haddad@example.org",
                "phone", "05 49 00 00 02"));

        commandSide.post("/api/partners/" + partners.get("ccas") + "/contacts/" + leaving + "/removal", Map.of());
    }

    private void partner(String key, String name, String kind) throws Exception {
        partners.put(key, commandSide.post("/api/partners", Map.of("name", name, "kind", kind))
                                     .get("partnerId").asText());
    }

    private String contact(String partner, Map<String, String> contact) throws Exception {
        return commandSide.post("/api/partners/" + partners.get(partner) + "/contacts", contact)
                          .get("contactId").asText();
    }

    // ------------------------------------------------------------------------------------------------- referrals

    /** Before the first devices: households waiting, and referrals that never reach the list. */
    private void firstReferrals() throws Exception {
        accepted(refer("ccas", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", 4, 2, "LAPTOP", "Amina Diallo",
                "2026-01-12T10:00:00Z"), "2026-01-14T09:00:00Z");
        accepted(refer("france-travail", "JOB_SEEKER", 1, 0, "LAPTOP", "Thomas Lefèvre", "2026-01-19T14:00:00Z"),
                "2026-01-20T09:00:00Z");
        accepted(refer("secours", "OTHER_FAMILY_FOLLOWED_BY_SOCIAL_WORKER", 2, 0, "DESKTOP", "Josiane Perrin",
                "2026-01-26T11:00:00Z"), "2026-01-28T09:00:00Z");

        String niort = refer("ccas", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", 3, 1, "LAPTOP", "Kevin Marchal",
                "2026-01-27T10:00:00Z");
        commandSide.post("/api/referrals/" + niort + "/rejection", Map.of("reason",
                "the household lives in Niort, outside the programme's area: referred to the Niort scheme",
                "at", "2026-01-29T09:00:00Z"));
        forget(niort); // the household asked for it once told

        String income = refer("france-travail", "JOB_SEEKER", 2, 0, "DESKTOP", "Sandrine Caillaud",
                "2026-02-02T10:00:00Z");
        commandSide.post("/api/referrals/" + income + "/rejection", Map.of("reason",
                "the household's income is above the programme's threshold", "at", "2026-02-04T09:00:00Z"));

        String equipped = refer("trois-cites", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", 5, 3, "DESKTOP",
                "Fatou Camara", "2026-02-03T15:00:00Z");
        commandSide.post("/api/referrals/" + equipped + "/withdrawal", Map.of("reason",
                "the family was equipped by the school's own loan scheme", "at", "2026-02-10T09:00:00Z"));
        commandSide.post("/api/partners/" + partners.get("trois-cites") + "/deactivation", Map.of("reason",
                "the association closed its digital help desk; its households go to the CCAS"));

        String moved = accepted(refer("secours", "OTHER_FAMILY_FOLLOWED_BY_SOCIAL_WORKER", 1, 0, "TABLET",
                "Gérard Texier", "2026-02-09T10:00:00Z"), "2026-02-11T09:00:00Z");
        commandSide.post("/api/referrals/" + moved + "/withdrawal", Map.of("reason",
                "the household moved to Bordeaux", "at", "2026-03-02T09:00:00Z"));
    }

    private String refer(String partner, String criterion, int size, int children, String need, String name,
                         String submittedAt) throws Exception {
        return refer(partner, criterion, size, children, need, name, phone(), submittedAt, null);
    }

    private String phone() {
        households++;
        return "06 39 98 00 %02d".formatted(households);
    }

    private String refer(String partner, String criterion, int size, int children, String need, String name,
                         String phone, String submittedAt, String alreadyEquippedJustification) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("criterion", criterion, "householdSize", size,
                "children", children, "need", need, "personalData", Map.of("name", name, "phone", phone),
                "submittedAt", submittedAt));
        if (alreadyEquippedJustification != null) {
            body.put("alreadyEquippedJustification", alreadyEquippedJustification);
        }
        return commandSide.post("/api/partners/" + partners.get(partner) + "/referrals", body)
                          .get("referralId").asText();
    }

    private String accepted(String referral, String at) throws Exception {
        commandSide.post("/api/referrals/" + referral + "/acceptance", Map.of("at", at));
        return referral;
    }

    private void forget(String referral) throws Exception {
        commandSide.post("/api/referrals/" + referral + "/personal-data/erasure", Map.of());
        forgotten.add(referral);
    }

    // --------------------------------------------------------------------------------------------------- devices

    private void theBanksDelivery() throws Exception {
        String at = "2026-02-03T09:00:00Z";
        Device latitude = receive("OS-FIX-0001", "bank", LIVRAISON_BANQUE, "LAPTOP", "Dell", "Latitude 5490",
                at, ssd("SATA_SSD", "SK hynix", "HFS256G39TND", "EJ7A40112233"));
        sanitise(latitude, 0, "SATA_SSD", true, "2026-02-05T10:00:00Z");
        readied(latitude, "A", "2026-02-09T10:00:00Z", "2026-02-10T10:00:00Z");
        String first = allocateInTurn("OS-FIX-0001", "2026-03-02T10:00:00Z");
        handOver("OS-FIX-0001", null, "2026-03-06T14:00:00Z");

        Device latitude7480 = receive("OS-FIX-0002", "bank", LIVRAISON_BANQUE, "LAPTOP", "Dell", "Latitude 7480",
                at, ssd("NVME_SSD", "Samsung", "MZVLB256HAHQ", "S4DXNF0M201234"));
        sanitise(latitude7480, 0, "NVME_SSD", false, "2026-02-05T11:00:00Z");
        sanitise(latitude7480, 0, "NVME_SSD", true, "2026-02-06T09:00:00Z");
        refurbish(latitude7480, "2026-02-10T10:00:00Z", "Linux Mint 22");
        failedCheck(latitude7480, "the battery holds twenty minutes", "2026-02-11T10:00:00Z");
        refurbish(latitude7480, "2026-02-13T10:00:00Z", "Linux Mint 22");
        check(latitude7480, "B", "2026-02-16T10:00:00Z");

        Device elitebook = receive("OS-FIX-0003", "bank", LIVRAISON_BANQUE, "LAPTOP", "HP", "EliteBook 840 G5", at,
                ssd("NVME_SSD", "Samsung", "MZVLB512HAJQ", "S4DYNX0N556677"));
        sanitise(elitebook, 0, "NVME_SSD", true, "2026-02-05T14:00:00Z");
        readied(elitebook, "A", "2026-02-12T10:00:00Z", "2026-02-13T10:00:00Z");
        // a student whose exams start passes before the families next in line, staff saying why
        String student = accepted(refer("students", "STUDENT", 1, 0, "LAPTOP", "Léa Fontaine",
                "2026-03-09T10:00:00Z"), "2026-03-10T09:00:00Z");
        allocate(elitebook, student, "her exams start on 23 March and her own laptop broke down; the family next "
                + "in line is equipped from the next delivery", "2026-03-11T10:00:00Z");
        commandSide.post("/api/referrals/" + student + "/hand-over", Map.of("deviceIds", List.of(elitebook.id()),
                "freeOfChargeAcknowledged", true, "handedOverAt", "2026-03-13T16:00:00Z"));

        Device thinkpad = receive("OS-FIX-0004", "bank", LIVRAISON_BANQUE, "LAPTOP", "Lenovo", "ThinkPad T480", at,
                ssd("NVME_SSD", "Samsung", "MZVLB256HAHQ", "S4DXNF0M998877"),
                ssd("HARD_DISK_DRIVE", "Seagate", "ST500LM030", "ZDE4ABCD"));
        sanitise(thinkpad, 0, "NVME_SSD", true, "2026-02-06T10:00:00Z");
        destroy(thinkpad, 1, "SHRED", "2026-02-06T15:00:00Z");
        readied(thinkpad, "B", "2026-02-16T10:00:00Z", "2026-02-17T10:00:00Z");
        // Thomas Lefèvre, the job seeker passed over for the student, is next in line
        String jobSeeker = allocateInTurn("OS-FIX-0004", "2026-03-16T10:00:00Z");
        commandSide.post("/api/devices/" + thinkpad.id() + "/allocation/cancellation", Map.of(
                "reason", "the household was away for a training course; allocated again on its return",
                "cancelledAt", "2026-03-23T10:00:00Z"));
        if (!allocateInTurn("OS-FIX-0004", "2026-03-24T10:00:00Z").equals(jobSeeker)) {
            throw new IllegalStateException("the job seeker was expected back in line, in first place");
        }
        handOver("OS-FIX-0004", null, "2026-03-27T15:00:00Z");

        Device prodesk = receive("OS-FIX-0005", "bank", LIVRAISON_BANQUE, "DESKTOP", "HP", "ProDesk 600 G4 SFF", at,
                ssd("SATA_SSD", "Samsung", "MZ7LN256HAJQ", "S3TZNX0K445566"),
                ssd("HARD_DISK_DRIVE", "Seagate", "ST1000DM010", "Z9A1B2C3"));
        sanitise(prodesk, 0, "SATA_SSD", true, "2026-02-09T10:00:00Z");
        sanitise(prodesk, 1, "HARD_DISK_DRIVE", true, "2026-02-09T14:00:00Z");
        readied(prodesk, "A", "2026-02-18T10:00:00Z", "2026-02-19T10:00:00Z");
        allocateInTurn("OS-FIX-0005", "2026-02-23T10:00:00Z");
        handOver("OS-FIX-0005", null, "2026-02-27T10:00:00Z");
        commandSide.post("/api/devices/" + prodesk.id() + "/return", Map.of("reason",
                "the household received a computer from the children's school", "returnedAt", "2026-05-04T10:00:00Z"));
        sanitise(prodesk, 0, "SATA_SSD", true, "2026-05-06T10:00:00Z");
        sanitise(prodesk, 1, "HARD_DISK_DRIVE", true, "2026-05-06T14:00:00Z");
        readied(prodesk, "B", "2026-05-07T10:00:00Z", "2026-05-08T10:00:00Z");

        Device esprimo = receive("OS-FIX-0006", "bank", LIVRAISON_BANQUE, "DESKTOP", "Fujitsu", "Esprimo D556", at,
                ssd("HARD_DISK_DRIVE", "Seagate", "ST1000DM010", "Z9A7Z8Y9"));
        sanitise(esprimo, 0, "HARD_DISK_DRIVE", false, "2026-02-10T10:00:00Z");
        sanitise(esprimo, 0, "HARD_DISK_DRIVE", false, "2026-02-11T10:00:00Z");
        destroy(esprimo, 0, "PULVERISE", "2026-02-12T10:00:00Z");
        recycle(esprimo, "ENV-2026-0212", "2026-02-20T10:00:00Z");

        Device l470 = receive("OS-FIX-0007", "bank", LIVRAISON_BANQUE, "LAPTOP", "Lenovo", "ThinkPad L470", at,
                ssd("HARD_DISK_DRIVE", "Western Digital", "WD5000LPLX", "WXB1A0123456"));
        destroy(l470, 0, "SHRED", "2026-02-10T15:00:00Z");
        String fitted = commandSide.post("/api/devices/" + l470.id() + "/media", Map.of("medium", Map.of(
                "mediaType", "SATA_SSD", "manufacturer", "Crucial", "model", "CT240BX500SSD1",
                "serialNumber", "2049E4112233", "capacityGigabytes", 240), "reason", "replaces the shredded hard disk",
                "addedAt", "2026-02-11T10:00:00Z")).get("mediumId").asText();
        l470.media().add(fitted);
        sanitise(l470, 1, "SATA_SSD", true, "2026-02-11T14:00:00Z");
        readied(l470, "B", "2026-02-12T10:00:00Z", "2026-02-13T10:00:00Z");

        Device lifebook = receive("OS-FIX-0008", "bank", LIVRAISON_BANQUE, "LAPTOP", "Fujitsu", "Lifebook E548",
                at, ssd("SATA_SSD", "Samsung", "MZ7LN256HAJQ", "S3TZNX0K778899"));
        sanitise(lifebook, 0, "SATA_SSD", true, "2026-02-12T10:00:00Z");
        commandSide.post("/api/devices/" + lifebook.id() + "/media/" + lifebook.medium(0) + "/removal", Map.of(
                "reason", "kept as a spare for the workshop; the laptop goes out with a stock SSD fitted by the "
                        + "household's association", "removedAt", "2026-02-12T15:00:00Z"));
        readied(lifebook, "C", "2026-02-16T10:00:00Z", "2026-02-17T10:00:00Z");
        commandSide.post("/api/devices/" + lifebook.id() + "/corrections", Map.of("serialNumber", "DSAE012345",
                "reason", "serial number misread at reception"));

        Device ipad = receive("OS-FIX-0019", "bank", LIVRAISON_BANQUE, "TABLET", "Apple", "iPad 9", at,
                ssd("EMBEDDED_FLASH", "Apple", "embedded NAND", null));
        sanitise(ipad, 0, "EMBEDDED_FLASH", true, "2026-02-13T10:00:00Z");
        readied(ipad, "A", "2026-02-16T11:00:00Z", "2026-02-17T11:00:00Z");
        allocateInTurn("OS-FIX-0019", "2026-03-03T10:00:00Z"); // nobody waits: a household referred for it
        handOver("OS-FIX-0019", null, "2026-03-05T10:00:00Z");
        forgetFirst(first);
    }

    /** The first household equipped asks to be forgotten once it has its laptop. */
    private void forgetFirst(String referral) throws Exception {
        forget(referral);
    }

    private void theCitysDeliveryFile() throws Exception {
        String csv = """
                asset_tag;category;manufacturer;model;serial_number;condition_notes;medium1_type;medium1_manufacturer;medium1_model;medium1_serial;medium1_capacity_gb;medium2_type;medium2_manufacturer;medium2_model;medium2_serial;medium2_capacity_gb;storage_removal_stated_by;storage_removal_stated_on;storage_removal_document
                OS-FIX-0201;LAPTOP;Dell;Latitude 7480;5CG81234AB;rayure sur le capot;NVME_SSD;Samsung;MZVLB256HAHQ;S4DXNF0M300001;256;;;;;;;;
                OS-FIX-0202;DESKTOP;HP;ProDesk 600 G4 SFF;CZC8123456;;SATA_SSD;Samsung;MZ7LN256HAJQ;S3TZNX0K300002;256;HARD_DISK_DRIVE;Seagate;ST1000DM010;Z9A30002;1000;;;
                OS-FIX-0203;TABLET;Apple;iPad 6th generation (A1893);DMPX12345678;;EMBEDDED_FLASH;Apple;embedded NAND;;32;;;;;;;;
                OS-FIX-0204;DESKTOP;Fujitsu;Esprimo D556;YLNT123456;disque retiré par la Ville;;;;;;;;;;;Sophie Marchand, DSI;2026-03-02;Annexe 2 de la convention 2023-0208
                """;
        String batch = importDeliveryFile("city", "VDP-2026-03", "2026-03-10T09:00:00Z", csv);
        Device latitude = devices.get("OS-FIX-0201");
        sanitise(latitude, 0, "NVME_SSD", true, "2026-03-12T10:00:00Z");
        readied(latitude, "A", "2026-03-16T10:00:00Z", "2026-03-17T10:00:00Z");

        Device prodesk = devices.get("OS-FIX-0202");
        sanitise(prodesk, 0, "SATA_SSD", true, "2026-03-12T14:00:00Z");
        destroy(prodesk, 1, "DISINTEGRATE", "2026-03-13T10:00:00Z");
        refurbish(prodesk, "2026-03-17T10:00:00Z", "Linux Mint 22");
        failedCheck(prodesk, "the front USB ports do not work", "2026-03-18T10:00:00Z");
        readied(prodesk, "B", "2026-03-20T10:00:00Z", "2026-03-23T10:00:00Z");

        Device ipad = devices.get("OS-FIX-0203");
        sanitise(ipad, 0, "EMBEDDED_FLASH", true, "2026-03-12T16:00:00Z");
        readied(ipad, "B", "2026-03-17T11:00:00Z", "2026-03-18T11:00:00Z");

        Device withoutDisk = devices.get("OS-FIX-0204");
        readied(withoutDisk, "C", "2026-03-17T14:00:00Z", "2026-03-18T14:00:00Z");
        allocateInTurn("OS-FIX-0204", "2026-03-30T10:00:00Z");
        handOver("OS-FIX-0204", null, "2026-04-02T10:00:00Z");

        commandSide.post("/api/batches/" + batch + "/confirmation", Map.of(
                "confirmedBy", "Sophie Marchand", "comment", "four devices, as on the delivery note"));

        Device thinkcentre = receive("OS-FIX-0020", "city", "VDP-2026-05", "DESKTOP", "Lenovo", "ThinkCentre M720q",
                "2026-05-11T09:00:00Z", ssd("NVME_SSD", "SK hynix", "HFS256GD9TNG", "ES88N0011223"));
        sanitise(thinkcentre, 0, "NVME_SSD", true, "2026-05-13T10:00:00Z");
        readied(thinkcentre, "A", "2026-05-18T10:00:00Z", "2026-05-19T10:00:00Z");
    }

    private void theInsurersDelivery() throws Exception {
        String at = "2026-04-07T09:00:00Z";
        receive("OS-FIX-0009", "insurer", LIVRAISON_MUTUELLE, "DESKTOP", "Lenovo", "ThinkCentre M720q", at,
                ssd("NVME_SSD", "Samsung", "MZVLB256HAHQ", "S4DXNF0M400009"));

        Device optiplex = receive("OS-FIX-0010", "insurer", LIVRAISON_MUTUELLE, "DESKTOP", "Dell",
                "OptiPlex 7060 SFF", at, ssd("NVME_SSD", "Toshiba", "KBG30ZMV256G", "98IS40001000"));
        sanitise(optiplex, 0, "NVME_SSD", true, "2026-04-09T10:00:00Z");
        refurbish(optiplex, "2026-04-14T10:00:00Z", "Windows 10 IoT Enterprise LTSC");

        Device probook = receive("OS-FIX-0011", "insurer", LIVRAISON_MUTUELLE, "LAPTOP", "HP", "ProBook 450 G5", at,
                ssd("HARD_DISK_DRIVE", "Western Digital", "WD5000LPLX", "WXB1A4001100"));
        sanitise(probook, 0, "HARD_DISK_DRIVE", false, "2026-04-09T14:00:00Z");

        Device ipad = receive("OS-FIX-0012", "insurer", LIVRAISON_MUTUELLE, "TABLET", "Apple",
                "iPad 6th generation (A1893)", at, ssd("EMBEDDED_FLASH", "Apple", "embedded NAND", null));
        sanitise(ipad, 0, "EMBEDDED_FLASH", true, "2026-04-10T10:00:00Z");
        readied(ipad, "A", "2026-04-14T11:00:00Z", "2026-04-15T11:00:00Z");
        Device secondIpad = receive("OS-FIX-0013", "insurer", LIVRAISON_MUTUELLE, "TABLET", "Apple",
                "iPad 6th generation (A1893)", at, ssd("EMBEDDED_FLASH", "Apple", "embedded NAND", null));
        sanitise(secondIpad, 0, "EMBEDDED_FLASH", true, "2026-04-10T11:00:00Z");
        readied(secondIpad, "B", "2026-04-14T12:00:00Z", "2026-04-15T12:00:00Z");
        Device ipad9 = receive("OS-FIX-0014", "insurer", LIVRAISON_MUTUELLE, "TABLET", "Apple", "iPad 9", at,
                ssd("EMBEDDED_FLASH", "Apple", "embedded NAND", null));
        sanitise(ipad9, 0, "EMBEDDED_FLASH", true, "2026-04-10T12:00:00Z");
        readied(ipad9, "A", "2026-04-14T14:00:00Z", "2026-04-15T14:00:00Z");

        Device dell = receive("OS-FIX-0015", "insurer", LIVRAISON_MUTUELLE, "LAPTOP", "Dell", "Latitude 5480", at,
                ssd("HARD_DISK_DRIVE", "Seagate", "ST500LM030", "ZDE4EFGH"));
        commandSide.post("/api/devices/" + dell.id() + "/corrections", Map.of("model", "Latitude 5490",
                "conditionNotes", "worn keyboard", "reason", "the model read from the box, not from the label"));
        sanitise(dell, 0, "HARD_DISK_DRIVE", true, "2026-04-10T14:00:00Z");
        readied(dell, "B", "2026-04-16T10:00:00Z", "2026-04-17T10:00:00Z");
        allocateInTurn("OS-FIX-0015", "2026-04-20T10:00:00Z");
        handOver("OS-FIX-0015", null, "2026-04-24T10:00:00Z");

        Device withoutDisk = receive("OS-FIX-0016", "insurer", LIVRAISON_MUTUELLE, "DESKTOP", "Fujitsu",
                "Esprimo D556", at);
        readied(withoutDisk, "B", "2026-04-16T14:00:00Z", "2026-04-17T14:00:00Z");
        allocateInTurn("OS-FIX-0016", "2026-04-21T10:00:00Z");
        handOver("OS-FIX-0016", null, "2026-04-24T14:00:00Z");

        Device elitebook = receive("OS-FIX-0018", "insurer", LIVRAISON_MUTUELLE, "LAPTOP", "HP", "EliteBook 840 G5",
                at, ssd("NVME_SSD", "SK hynix", "HFS256GD9TNG", "ES88N4001800"));
        sanitise(elitebook, 0, "NVME_SSD", true, "2026-04-13T10:00:00Z");
        readied(elitebook, "A", "2026-04-20T10:00:00Z", "2026-04-21T10:00:00Z");
        allocateInTurn("OS-FIX-0018", "2026-04-27T10:00:00Z");
        handOver("OS-FIX-0018", null, "2026-04-30T10:00:00Z");
    }

    /** Imports a donor's delivery file and remembers its devices, each with the category its row gives: its id. */
    private String importDeliveryFile(String donor, String reference, String receivedAt, String csv) throws Exception {
        JsonNode batch = commandSide.post("/api/donors/" + donors.get(donor) + "/batches?reference=" + reference
                + "&receivedAt=" + receivedAt, "text/csv", csv);
        String separator = csv.lines().findFirst().orElseThrow().contains(";") ? ";" : ",";
        Map<String, String> categories = new HashMap<>();
        csv.lines().skip(1).map(row -> row.split(separator, 3)).forEach(cells -> categories.put(cells[0], cells[1]));
        for (JsonNode device : batch.get("received")) {
            List<String> media = new ArrayList<>();
            device.get("storageMedia").forEach(medium -> media.add(medium.get("mediumId").asText()));
            String tag = device.get("assetTag").asText();
            devices.put(tag, new Device(device.get("deviceId").asText(), categories.get(tag), media));
        }
        return batch.get("batchId").asText();
    }

    private void theUniversitysDeliveries() throws Exception {
        Device thinkpad = receive("OS-FIX-0017", "university", "UP-2026-04", "LAPTOP", "Lenovo", "ThinkPad T480",
                "2026-04-28T09:00:00Z", ssd("NVME_SSD", "Samsung", "MZVLB256HAHQ", "S4DXNF0M500017"));
        sanitise(thinkpad, 0, "NVME_SSD", true, "2026-04-30T10:00:00Z");
        readied(thinkpad, "A", "2026-05-05T10:00:00Z", "2026-05-06T10:00:00Z");

        String csv = """
                asset_tag,category,manufacturer,model,serial_number,medium1_type,medium1_manufacturer,medium1_model,medium1_serial,medium1_capacity_gb,medium2_type,medium2_manufacturer,medium2_model,medium2_serial,medium2_capacity_gb
                OS-FIX-0301,LAPTOP,Lenovo,ThinkPad T480,PF1A2B3C,NVME_SSD,Toshiba,KBG30ZMV256G,98IS50030100,256,,,,,
                OS-FIX-0302,LAPTOP,HP,ProBook 450 G5,5CD8123456,HARD_DISK_DRIVE,Western Digital,WD5000LPLX,WXB1A5030200,500,,,,,
                OS-FIX-0303,DESKTOP,Dell,OptiPlex 7060 SFF,8XK2J3L,NVME_SSD,SK hynix,HFS256GD9TNG,ES88N5030300,256,HARD_DISK_DRIVE,Seagate,ST1000DM010,Z9A50303,1000
                """;
        String batch = importDeliveryFile("university", "UP-2026-05", "2026-05-12T09:00:00Z", csv);
        Device t480 = devices.get("OS-FIX-0301");
        sanitise(t480, 0, "NVME_SSD", true, "2026-05-14T10:00:00Z");
        readied(t480, "B", "2026-05-19T10:00:00Z", "2026-05-20T10:00:00Z");
        Device probook = devices.get("OS-FIX-0302");
        sanitise(probook, 0, "HARD_DISK_DRIVE", false, "2026-05-14T14:00:00Z");
        destroy(probook, 0, "SHRED", "2026-05-15T10:00:00Z");
        recycle(probook, "ENV-2026-0519", "2026-05-19T10:00:00Z");
        Device optiplex = devices.get("OS-FIX-0303");
        sanitise(optiplex, 0, "NVME_SSD", true, "2026-05-15T14:00:00Z");
        sanitise(optiplex, 1, "HARD_DISK_DRIVE", true, "2026-05-15T16:00:00Z");
        refurbish(optiplex, "2026-05-20T10:00:00Z", "Linux Mint 22");
        commandSide.post("/api/batches/" + batch + "/dispute", Map.of(
                "raisedBy", "Laurent Petit", "comment", "the delivery note lists four devices: a second ProBook "
                        + "left the university that day and is not in this batch"));

        // the university's new agreement, on the 2026 model, replaces the first one from June on
        agreement("university", "2026-0114", "Isabelle Bernard", "Directrice générale des services", "2026-05-28",
                "2026-06-01");
        commandSide.post("/api/donors/" + donors.get("university") + "/agreements/" + donors.get("university-2025")
                + "/termination", Map.of("terminatedOn", "2026-05-31",
                "reason", "replaced by the agreement on the 2026 model"));
    }

    // ------------------------------------------------------------------------------------------------ ceremonies

    private void theJuneCeremony() throws Exception {
        String june = commandSide.post("/api/ceremonies", Map.of("date", "2026-06-13",
                "place", "Salle des fêtes de Poitiers")).get("ceremonyId").asText();
        ceremonies.put("june", june);
        commandSide.post("/api/ceremonies/" + june + "/rescheduling", Map.of("date", "2026-06-20",
                "place", "Maison de la Gibauderie", "reason", "the hall is taken by the elections on 13 June"));
        commandSide.post("/api/ceremonies/" + june + "/invitations", Map.of("donorIds",
                List.of(donors.get("bank"), donors.get("city"))));
        commandSide.post("/api/ceremonies/" + june + "/invitations", Map.of("donorIds",
                List.of(donors.get("city"), donors.get("insurer"))));

        allocateInTurn("OS-FIX-0002", "2026-06-08T10:00:00Z");
        handOver("OS-FIX-0002", june, "2026-06-20T08:30:00Z");
        allocateInTurn("OS-FIX-0201", "2026-06-08T11:00:00Z");
        handOver("OS-FIX-0201", june, "2026-06-20T08:45:00Z");

        // a family with two children in primary school receives two tablets at once
        String family = accepted(refer("ccas", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", 4, 2, "TABLET",
                "Famille Rivière", "2026-05-25T10:00:00Z"), "2026-05-27T09:00:00Z");
        Device ipad = devices.get("OS-FIX-0012");
        Device secondIpad = devices.get("OS-FIX-0013");
        String inTurn = allocateInTurn("OS-FIX-0012", "2026-06-09T10:00:00Z");
        if (!inTurn.equals(family)) {
            throw new IllegalStateException("the family was expected next in line for a tablet");
        }
        allocate(secondIpad, family, null, "2026-06-09T10:05:00Z");
        commandSide.post("/api/referrals/" + family + "/hand-over", Map.of("deviceIds",
                List.of(ipad.id(), secondIpad.id()), "freeOfChargeAcknowledged", true, "ceremonyId", june,
                "handedOverAt", "2026-06-20T09:00:00Z"));
        commandSide.post("/api/ceremonies/" + june + "/held", Map.of("householdsPresent", 3, "donorsPresent", 2));
    }

    private void theAutumn() throws Exception {
        String september = commandSide.post("/api/ceremonies", Map.of("date", "2026-09-19",
                "place", "Médiathèque François-Mitterrand")).get("ceremonyId").asText();
        commandSide.post("/api/ceremonies/" + september + "/invitations", Map.of("donorIds",
                List.of(donors.get("university"))));
        commandSide.post("/api/ceremonies/" + september + "/cancellation", Map.of("reason",
                "too few devices ready in September: the households are equipped at the workshop"));

        // the job seeker equipped in March lost his laptop in a burglary: staff justify equipping him again
        String again = refer("france-travail", "JOB_SEEKER", 1, 0, "LAPTOP", "Thomas Lefèvre", "06 39 98 00 02",
                "2026-07-01T10:00:00Z", "the laptop given in March was stolen in a burglary (police report "
                        + "2026/0703/118); a job seeker needs one for his applications");
        accepted(again, "2026-07-02T09:00:00Z");
        Device latitude = receive("OS-FIX-0021", "university", "UP-2026-07", "LAPTOP", "Dell", "Latitude 5490",
                "2026-07-06T09:00:00Z", ssd("SATA_SSD", "SK hynix", "HFS256G39TND", "EJ7A70002100"));
        sanitise(latitude, 0, "SATA_SSD", true, "2026-07-08T10:00:00Z");
        readied(latitude, "B", "2026-07-13T10:00:00Z", "2026-07-15T10:00:00Z");
        if (!allocateInTurn("OS-FIX-0021", "2026-07-16T10:00:00Z").equals(again)) {
            throw new IllegalStateException("the job seeker referred again was expected next in line");
        }
        handOver("OS-FIX-0021", null, "2026-07-17T10:00:00Z");

        receive("OS-FIX-0022", "bank", "BRCO-2026-09", "LAPTOP", "Lenovo", "ThinkPad L470",
                "2026-09-01T09:00:00Z", ssd("HARD_DISK_DRIVE", "Seagate", "ST500LM030", "ZDE9IJKL"));
        Device optiplex = receive("OS-FIX-0023", "bank", "BRCO-2026-09", "DESKTOP", "Dell", "OptiPlex 7060 SFF",
                "2026-09-01T09:00:00Z", ssd("NVME_SSD", "Samsung", "MZVLB256HAHQ", "S4DXNF0M902300"));
        sanitise(optiplex, 0, "NVME_SSD", true, "2026-09-03T10:00:00Z");

        String january = commandSide.post("/api/ceremonies", Map.of("date", "2027-01-16",
                "place", "Hôtel de Ville de Poitiers, salle du Conseil")).get("ceremonyId").asText();
        commandSide.post("/api/ceremonies/" + january + "/invitations", Map.of("donorIds",
                List.of(donors.get("bank"), donors.get("university"))));

        // still waiting at the end: a family for a desktop, a student for a laptop, one not yet decided
        accepted(refer("secours", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", 3, 2, "DESKTOP", "Famille Ngoma",
                "2026-10-05T10:00:00Z"), "2026-10-06T09:00:00Z");
        accepted(refer("students", "STUDENT", 1, 0, "LAPTOP", "Yanis Bouchard", "2026-10-12T10:00:00Z"),
                "2026-10-13T09:00:00Z");
        refer("ccas", "OTHER_FAMILY_FOLLOWED_BY_SOCIAL_WORKER", 2, 0, "TABLET", "Odette Guérin",
                "2026-10-20T10:00:00Z");
    }

    // ------------------------------------------------------------------------------------------- device helpers

    private static Map<String, Object> ssd(String type, String manufacturer, String model, String serial) {
        Map<String, Object> medium = new HashMap<>(Map.of("mediaType", type, "manufacturer", manufacturer,
                "model", model));
        if (serial != null) {
            medium.put("serialNumber", serial);
        }
        return medium;
    }

    /** With no medium, the device comes with the donor's statement that its storage was removed. */
    @SafeVarargs
    private Device receive(String tag, String donor, String reference, String category, String manufacturer,
                           String model, String receivedAt, Map<String, Object>... media) throws Exception {
        List<Map<String, Object>> listed = List.of(media);
        Map<String, Object> body = new HashMap<>(Map.of("assetTag", tag, "donorId", donors.get(donor),
                "donationBatchReference", reference, "category", category, "manufacturer", manufacturer,
                "model", model, "serialNumber", "SN-" + tag.substring(tag.length() - 4) + "-" + model.length(),
                "storageMedia", listed, "receivedAt", receivedAt));
        if (listed.isEmpty()) {
            body.put("storageRemoval", Map.of("statedBy", "Anne Mercier, Mutuelle Atlantique Prévoyance",
                    "statedOn", receivedAt.substring(0, 10), "documentReference", "Bon de livraison " + reference));
        }
        JsonNode received = commandSide.post("/api/devices", body);
        List<String> mediumIds = new ArrayList<>();
        received.get("storageMedia").forEach(medium -> mediumIds.add(medium.get("mediumId").asText()));
        Device device = new Device(received.get("deviceId").asText(), category, mediumIds);
        devices.put(tag, device);
        return device;
    }

    private void sanitise(Device device, int medium, String mediaType, boolean passed, String at) throws Exception {
        boolean magnetic = "HARD_DISK_DRIVE".equals(mediaType);
        boolean tablet = "EMBEDDED_FLASH".equals(mediaType);
        Map<String, Object> body = new HashMap<>(Map.of(
                "level", magnetic ? "CLEAR" : "PURGE",
                "technique", magnetic ? "OVERWRITE" : tablet || "NVME_SSD".equals(mediaType)
                        ? "CRYPTOGRAPHIC_ERASE" : "BLOCK_ERASE",
                "tool", magnetic ? "nwipe" : tablet ? "Apple Configurator" : "nvme-cli / hdparm",
                "toolVersion", magnetic ? "0.37" : tablet ? "2.17" : "2.9",
                "verificationMethod", "FULL", "verificationPassed", passed,
                "operator", passed ? "Camille" : "Sam", "location", "Atelier Poitiers - Les Couronneries",
                "performedAt", at, "toolReportSha256", report(device.id() + medium + at)));
        if (!passed) {
            body.put("failureReason", magnetic ? "verification read back non-zero sectors (3 unreadable)"
                    : "the drive did not report the erase as complete");
        }
        commandSide.post("/api/devices/" + device.id() + "/media/" + device.medium(medium) + "/sanitisations", body);
    }

    private String report(String seed) throws NoSuchAlgorithmException {
        reports++;
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                     .digest((reports + " " + seed).getBytes(StandardCharsets.UTF_8)));
    }

    private void destroy(Device device, int medium, String method, String at) throws Exception {
        commandSide.post("/api/devices/" + device.id() + "/media/" + device.medium(medium) + "/destruction", Map.of(
                "method", method, "operator", "Camille", "location", "Broyeur municipal, Saint-Éloi",
                "certificateReference", "DEST-" + at.substring(0, 10), "destroyedAt", at));
    }

    private void refurbish(Device device, String at, String operatingSystem) throws Exception {
        commandSide.post("/api/devices/" + device.id() + "/refurbishment", Map.of("workDone",
                "cleaned, thermal paste renewed, system installed", "operatingSystem",
                "TABLET".equals(device.category()) ? "iPadOS 17" : operatingSystem, "technician", "Sam",
                "refurbishedAt", at));
    }

    private void check(Device device, String grade, String at) throws Exception {
        commandSide.post("/api/devices/" + device.id() + "/quality-checks", Map.of("passed", true, "grade", grade,
                "inspector", "Lou", "checkedAt", at));
    }

    private void failedCheck(Device device, String notes, String at) throws Exception {
        commandSide.post("/api/devices/" + device.id() + "/quality-checks", Map.of("passed", false, "notes", notes,
                "inspector", "Lou", "checkedAt", at));
    }

    /** Refurbished, then a passed quality check: ready for a household. */
    private void readied(Device device, String grade, String refurbishedAt, String checkedAt) throws Exception {
        refurbish(device, refurbishedAt, "Linux Mint 22");
        check(device, grade, checkedAt);
    }

    /**
     * Allocates the device to the household next in line for its kind (as the command side's own table of
     * referral standings orders them); when nobody waits, a household is referred and accepted for it first.
     */
    private String allocateInTurn(String tag, String at) throws Exception {
        Device device = devices.get(tag);
        String referral = nextInLine(device.category()).orElse(null);
        if (referral == null) {
            String submitted = at.substring(0, 8) + "01T10:00:00Z";
            referral = accepted(refer("ccas", "OTHER_FAMILY_FOLLOWED_BY_SOCIAL_WORKER", 2, 1, device.category(),
                    "Foyer " + tag.substring(tag.length() - 4), submitted), at.substring(0, 8) + "02T09:00:00Z");
        }
        allocate(device, referral, null, at);
        return referral;
    }

    private void allocate(Device device, String referral, String outOfTurnReason, String at) throws Exception {
        Optional<String> next = nextInLine(device.category());
        Map<String, Object> body = new HashMap<>(Map.of("referralId", referral, "allocatedAt", at));
        if (next.isPresent() && !next.get().equals(referral)) {
            body.put("outOfTurnReason", outOfTurnReason == null
                    ? "the household already holds a device allocated to it and needs a second one" : outOfTurnReason);
        } else if (outOfTurnReason != null) {
            throw new IllegalStateException("meant out of turn, but the household is next in line");
        }
        commandSide.post("/api/devices/" + device.id() + "/allocation", body);
    }

    private Optional<String> nextInLine(String category) throws SQLException {
        try (Connection connection = ReadModels.connect(databaseUrl);
             PreparedStatement query = connection.prepareStatement("""
                     select referral_id from referral_standing
                     where need = ? and accepted and not closed and devices_allocated = 0
                     order by criterion_rank, submitted_at, referral_id""")) {
            query.setString(1, category);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class).toString()) : Optional.empty();
            }
        }
    }

    private void handOver(String tag, String ceremony, String at) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("freeOfChargeAcknowledged", true, "handedOverAt", at));
        if (ceremony != null) {
            body.put("ceremonyId", ceremony);
        }
        commandSide.post("/api/devices/" + devices.get(tag).id() + "/hand-over", body);
    }

    private void recycle(Device device, String certificate, String at) throws Exception {
        commandSide.post("/api/devices/" + device.id() + "/recycling", Map.of("recycler", "Envie Poitou",
                "certificateReference", certificate, "recycledAt", at));
    }
}
