package org.ordinateurssolidaires.deploy.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordinateurssolidaires.deploy.Donors;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the other roles through its own pages, at the one address: a donor sees only its own devices and
 * downloads its certificate, which anyone can then check without an account; a partner refers a household and
 * follows it while staff accept it; an auditor runs the verification and reads its result in words.
 */
class DonorPartnerAuditorJourneysIT {

    private static final String PASSWORD = "a long enough password";
    private static final String REPORT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path files;

    private static RunningApp commandSide;
    private static RunningApp querySide;
    private static String pages;
    private static String database;
    private static String auditedDevice;
    private static String othersDevice;
    private static String deliveredDevice;

    @BeforeAll
    static void startBothAppsWithAGiftOfTwoDonors() throws Exception {
        database = PostgresTestDatabase.emptyDatabase("ordinateurs_pages_roles_it");
        commandSide = RunningApp.onPostgres("commandSide", database);
        commandSide.awaitHealthy(Duration.ofSeconds(120));
        querySide = RunningApp.onPostgresAs("querySide", database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD,
                "--ordinateurs.web.command-side-url=http://127.0.0.1:" + commandSide.port());
        querySide.awaitHealthy(Duration.ofSeconds(120));
        String donor = Donors.withAgreement(commandSide, "Banque Régionale du Centre-Ouest");
        auditedDevice = erasedDevice(donor, "OS-2026-0101");
        deliveredDevice = commandSide.post("/api/donors/" + donor
                + "/batches?reference=LIV-2026-05&receivedAt=2026-03-04T09:00:00Z", "text/csv",
                Files.readAllLines(Path.of("../docs/donation-batch-template.csv")).get(0) + "\n"
                + "OS-2026-0105,DESKTOP,HP,ProDesk 600 G4,CZC8123456,,,,,,,,,,,,Paul Martin,2026-03-01,Annexe 2\n")
                .at("/received/0/deviceId").asText();
        othersDevice = erasedDevice(Donors.withAgreement(commandSide, "Université de Poitiers"), "OS-2026-0202");
        String partner = commandSide.post("/api/partners", Map.of("name", "Centre social des Trois-Cités",
                "kind", "SOCIAL_SERVICES")).get("partnerId").asText();
        account("claire", Map.of("roles", List.of("DONOR"), "donorId", donor));
        account("samir", Map.of("roles", List.of("PARTNER"), "partnerId", partner));
        account("ines", Map.of("roles", List.of("AUDITOR")));
        account("camille", Map.of("roles", List.of("STAFF")));
        pages = "http://localhost:" + querySide.port();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        RunningApp.closeAll(querySide, commandSide);
    }

    @Test
    void aDonorFollowsItsOwnGiftAndDownloadsItsCertificate() throws Exception {
        byte[] certificate;
        try (Browser donor = new Browser(pages, "donateur")) {
            donor.signIn("claire", PASSWORD);
            assertThat(donor.path()).isEqualTo("/donateur");
            assertThat(donor.menu()).containsExactly("Mes dons");
            donor.awaitText("OS-2026-0101").look("mes-dons");
            assertThat(donor.text()).contains("Banque Régionale du Centre-Ouest", "Effacé")
                                    .doesNotContain("OS-2026-0202");
            donor.click("OS-2026-0101").look("mon-appareil");
            assertThat(donor.text()).contains("SSD NVMe", REPORT, "Support effacé", "Reçu du donateur");
            certificate = donor.click("Retour à mes dons").download("Certificat d'effacement des données (PDF)");
            Files.write(Path.of(System.getProperty("logDirectory", "target"), "pages", "donateur-certificat.pdf"),
                    certificate);
            assertThat(Pdf.text(certificate)).contains("Banque Régionale du Centre-Ouest", "OS-2026-0101")
                                             .doesNotContain("OS-2026-0202");

            assertThat(donor.statusOf("/donateur/appareils/" + othersDevice)).as("another donor's device")
                                                                          .isEqualTo(404);

            // a delivery is reconciled once each of its devices is processed: said so, and no form until then
            assertThat(donor.row("LIV-2026-05")).contains("1 Effacé", "en cours de traitement")
                                                .doesNotContain("à vérifier par vous");
            assertThat(donor.text()).doesNotContain("Confirmer ou contester la livraison LIV-2026-05");
            donor.look("livraison-pas-encore-traitee");
            commandSide.post("/api/devices/" + deliveredDevice + "/refurbishment", Map.of("workDone", "cleaned",
                    "operatingSystem", "Linux Mint 22", "technician", "Sam", "refurbishedAt", "2026-03-05T09:00:00Z"));
            donor.open("/donateur").awaitText("1 Reconditionné");
            assertThat(donor.row("LIV-2026-05")).contains("à vérifier par vous").doesNotContain("en cours");
            String dispute = "dispute-" + batchOf(donor);
            donor.reveal("Confirmer ou contester la livraison LIV-2026-05")
                 .type(dispute + "-raisedBy", "Claire Dubois").type(dispute + "-comment", "   ")
                 .submitFormOf(dispute + "-raisedBy");
            // blank is not a reason: the form comes back open, the field at fault named
            assertThat(donor.text()).contains("corrigez les champs signalés", "obligatoire");
            donor.look("contestation-sans-motif");
            donor.type(dispute + "-raisedBy", "Claire Dubois")
                 .type(dispute + "-comment", "Il manquait un écran\ndans la livraison.")
                 .submitFormOf(dispute + "-raisedBy");
            assertThat(donor.text()).contains("Contestation enregistrée");
            donor.awaitText("contestée").look("livraison-contestee");
            String confirm = "confirm-" + batchOf(donor);
            donor.reveal("Confirmer ou contester la livraison LIV-2026-05")
                 .type(confirm + "-confirmedBy", "Claire Dubois").submitFormOf(confirm + "-confirmedBy");
            assertThat(donor.text()).contains("Livraison confirmée. Merci !");
            assertThat(donor.awaitText("confirmée").row("LIV-2026-05")).contains("confirmée");
            assertThat(donor.text()).doesNotContain("Confirmer ou contester la livraison LIV-2026-05");
            assertThat(donor.statusOf("/tableau-de-bord")).as("staff's dashboard").isEqualTo(403);
        }
        Path copy = Files.write(files.resolve("certificat.pdf"), certificate);
        try (Browser anyone = new Browser(pages, "public")) {
            anyone.open("/verification").look("verification")
                  .attach("file", copy).submitFormOf("file");
            assertThat(anyone.text()).contains("Document authentique et intact : certificat d'effacement");
            anyone.look("verification-authentique");
            // one byte changed: said not to be one of the documents the programme seals, or altered
            byte[] altered = certificate.clone();
            altered[altered.length / 2] ^= 1;
            anyone.open("/verification").attach("file", Files.write(files.resolve("certificat-modifie.pdf"), altered))
                  .submitFormOf("file");
            assertThat(anyone.text()).contains("n'est pas l'un de ceux que le programme émet et scelle",
                    "ou il a été modifié");
        }
    }

    @Test
    void staffFollowEachDonorWithItsAgreementsDeliveriesAndDocuments() throws Exception {
        try (Browser staff = new Browser(pages, "equipe-donateurs")) {
            staff.signIn("camille", PASSWORD).click("Donateurs").look("donateurs");
            assertThat(staff.row("Université de Poitiers")).contains("organisme public", "Service du patrimoine");
            staff.click("Banque Régionale du Centre-Ouest").look("donateur");
            assertThat(staff.title()).isEqualTo("Banque Régionale du Centre-Ouest — Ordinateurs solidaires");
            assertThat(staff.row("LIV-2026-05")).contains("1");
            assertThat(staff.text()).contains("Conventions de don", "OS-2026-0101", "OS-2026-0105", "Ses appareils")
                                    .doesNotContain("OS-2026-0202", "Confirmer ou contester", "Vos appareils");
            byte[] report = staff.download("Rapport de don (PDF)");
            assertThat(Pdf.text(report)).contains("Banque Régionale du Centre-Ouest", "LIV-2026-05");
            staff.click("OS-2026-0101");
            assertThat(staff.path()).startsWith("/appareils/");
        }
    }

    @Test
    void staffRegisterAPartnerRecordWhomToCallThereAndDeactivateIt() throws Exception {
        try (Browser staff = new Browser(pages, "equipe-partenaires")) {
            staff.signIn("camille", PASSWORD).click("Partenaires");
            assertThat(staff.text()).contains("Centre social des Trois-Cités");
            staff.type("register-name", "Mission locale du Poitou").choose("register-kind", "service public de l'emploi")
                 .submitFormOf("register-name");
            assertThat(staff.text()).contains("Partenaire enregistré.", "Mission locale du Poitou");
            String form = "contact-" + partnerOf("Mission locale du Poitou");
            staff.reveal("Ajouter un contact chez Mission locale du Poitou")
                 .type(form + "-name", "Awa Diallo").type(form + "-role", "Conseillère")
                 .submitFormOf(form + "-name");
            assertThat(staff.text()).contains("donnez un courriel ou un téléphone");
            staff.look("contact-injoignable");
            staff.type(form + "-email", "a.diallo@mission-locale.example").submitFormOf(form + "-name");
            assertThat(staff.text()).contains("Contact ajouté.");
            assertThat(staff.awaitText("a.diallo@mission-locale.example").row("Awa Diallo"))
                    .contains("Conseillère", "a.diallo@mission-locale.example");
            staff.look("partenaires");
            staff.press("Retirer Awa Diallo");
            assertThat(staff.text()).contains("Contact retiré.").doesNotContain("Awa Diallo");

            String deactivate = "deactivate-" + partnerOf("Mission locale du Poitou");
            staff.reveal("Désactiver Mission locale du Poitou")
                 .type(deactivate + "-reason", "Convention de partenariat arrivée à son terme")
                 .submitFormOf(deactivate + "-reason");
            assertThat(staff.text()).contains("Partenaire désactivé.",
                    "désactivé : Convention de partenariat arrivée à son terme");
        }
    }

    /**
     * An admin opens an account for a partner's social worker on the accounts page, who signs in on her own pages;
     * a refused form keeps what was typed but never the password; deactivated, the account is put out at once.
     */
    @Test
    void anAdminOpensAnAccountForAPartnerAndDeactivatesIt() throws Exception {
        try (Browser admin = new Browser(pages, "admin");
             Browser socialWorker = new Browser(pages, "admin-compte-ouvert")) {
            admin.signIn("admin", RunningApp.ADMIN_PASSWORD);
            assertThat(admin.menu()).contains("Comptes");
            admin.click("Comptes").look("comptes");
            assertThat(admin.text()).contains("camille", "samir", "pour le partenaire Centre social des Trois-Cités");

            // long enough for the browser, too easy to guess for the programme
            admin.type("open-username", "awa.diallo").type("open-password", "password1234")
                 .tick("open-role-STAFF").tick("open-role-PARTNER").submitFormOf("open-username");
            assertThat(admin.text()).contains("corrigez les champs signalés", "difficile à deviner",
                    "un rôle du programme au plus");
            assertThat(admin.value("open-username")).isEqualTo("awa.diallo");
            assertThat(admin.value("open-password")).as("a password is never typed back").isEmpty();
            admin.look("compte-refuse");

            assertThat(admin.ticked("open-role-STAFF")).as("the roles ticked are ticked again").isTrue();
            admin.type("open-password", PASSWORD + " du centre social").untick("open-role-STAFF")
                 .choose("open-partnerId", "Centre social des Trois-Cités").submitFormOf("open-username");
            assertThat(admin.text()).contains("Compte ouvert.", "awa.diallo");

            socialWorker.signIn("awa.diallo", PASSWORD + " du centre social");
            assertThat(socialWorker.path()).isEqualTo("/partenaire");

            admin.reveal("Désactiver awa.diallo").press("Confirmer la désactivation de awa.diallo");
            assertThat(admin.text()).contains("Compte désactivé ; ses sessions sont fermées.");
            assertThat(socialWorker.open("/partenaire").path()).as("put out at once").isEqualTo("/login");
            // the last enabled admin stays: refused, said in words
            admin.reveal("Désactiver admin").press("Confirmer la désactivation de admin");
            assertThat(admin.text()).contains("Il doit rester au moins un compte administrateur actif");

            // an admin with no programme role lands on the accounts, the only pages of its role
            admin.type("open-username", "informatique").type("open-password", PASSWORD + " de la mairie")
                 .tick("open-role-ADMIN").submitFormOf("open-username");
            assertThat(admin.text()).contains("Compte ouvert.");
            try (Browser ops = new Browser(pages, "admin-seul")) {
                ops.signIn("informatique", PASSWORD + " de la mairie");
                assertThat(ops.path()).isEqualTo("/comptes");
                assertThat(ops.menu()).containsExactly("Comptes");
            }
        }
    }

    /** The id of the partner of that name, as the forms of its section are named after it. */
    private static String partnerOf(String name) throws Exception {
        return StreamSupport.stream(querySide.get("/api/partners").spliterator(), false)
                        .filter(partner -> partner.get("name").asText().equals(name)).findFirst().orElseThrow()
                        .get("partnerId").asText();
    }

    @Test
    void aPartnerRefersAHouseholdStaffAcceptItAndThePartnerFollowsIt() throws Exception {
        try (Browser partner = new Browser(pages, "partenaire")) {
            partner.signIn("samir", PASSWORD);
            assertThat(partner.path()).isEqualTo("/partenaire");
            assertThat(partner.menu()).containsExactly("Mes orientations", "Orienter un foyer");
            partner.look("mes-orientations");

            partner.click("Orienter un foyer").look("orienter")
                   .choose("criterion", "famille avec enfant(s) non équipée")
                   .type("householdSize", "3")
                   .type("children", "4")
                   .type("personalData.name", "Personne Fictive")
                   .submitFormOf("householdSize");
            // said of the field to change, by its label, not by the name of the rule's method
            assertThat(partner.text()).contains("Enfants : les enfants sont comptés dans le foyer")
                                      .doesNotContain("childrenWithinTheHousehold");
            partner.look("orientation-refusee");
            // a beneficiary's data is never kept for the refill (the refusal waits in the session's table): typed again
            assertThat(partner.value("personalData.name")).isEmpty();
            assertThat(partner.text()).contains("ses données personnelles, ses besoins d'accessibilité et vos "
                    + "remarques ne sont pas gardés après un refus : saisissez-les de nouveau");
            // a date sent by hand would move the household up the waiting list: the referral is dated on arrival
            partner.smuggle("householdSize", "submittedAt", "2001-01-01T10:00").type("children", "2")
                   .type("personalData.name", "Personne Fictive").submitFormOf("householdSize");
            assertThat(partner.path()).isEqualTo("/partenaire");
            assertThat(partner.text()).contains("Orientation enregistrée.");
            partner.awaitText("en attente de décision").look("orientation-suivie");
            assertThat(partner.text()).contains("famille avec enfant(s) non équipée", "Ordinateur portable")
                                      .doesNotContain("Personne Fictive");

            try (Browser staff = new Browser(pages, "equipe")) {
                staff.signIn("camille", PASSWORD).click("Orientations").look("orientations");
                assertThat(staff.text()).contains("Centre social des Trois-Cités", "3 personne(s) dont 2 enfant(s)")
                                        .doesNotContain("Personne Fictive");
                staff.press("Accepter : le foyer rejoint la file d'attente");
                assertThat(staff.text()).contains("Orientation acceptée", "Aucune orientation n'attend de décision.");
                staff.awaitText("famille avec enfant(s) non équipée").look("file-d-attente");
                assertThat(staff.row("famille avec enfant(s) non équipée")).as("days waiting").endsWith(" 0");

                // the household's people: shown only on request, each read recorded
                staff.click(staff.row("famille avec enfant(s) non équipée").split(" ")[1]);
                assertThat(staff.text()).contains("Centre social des Trois-Cités", "acceptée, en attente d'un appareil",
                                                  "Personne ne les a encore lues.")
                                        .doesNotContain("Personne Fictive");
                staff.press("Afficher les données personnelles");
                assertThat(staff.text()).contains("Personne Fictive");
                assertThat(staff.row("camille")).contains("Équipe du programme").doesNotContain("staff");
                staff.look("donnees-personnelles");
            }
            partner.open("/partenaire").awaitText("acceptée, en attente d'un appareil");

            // another household, refused by staff: the partner reads why, as the refusal's form promises
            partner.click("Orienter un foyer")
                   .choose("criterion", "famille avec enfant(s) non équipée")
                   .type("householdSize", "2")
                   .type("children", "1")
                   .type("personalData.name", "Autre Personne")
                   .submitFormOf("householdSize");
            partner.awaitText("en attente de décision");
            try (Browser staff = new Browser(pages, "equipe")) {
                staff.signIn("camille", PASSWORD).click("Orientations");
                String reason = staff.ids("decide-").stream().filter(id -> id.endsWith("-reason")).findFirst()
                                     .orElseThrow();
                staff.type(reason, "Foyer déjà équipé par la médiathèque").press("Refuser");
            }
            partner.open("/partenaire").awaitText("refusée — motif : Foyer déjà équipé par la médiathèque");
            partner.look("orientation-refusee-motif");

            // the first household got a computer elsewhere: the partner says so, staff withdraw its referral
            try (Browser staff = new Browser(pages, "equipe")) {
                staff.signIn("camille", PASSWORD).click("Orientations");
                String household = staff.row("famille avec enfant(s) non équipée").split(" ")[1];
                staff.click(household).look("orientation-a-retirer");
                staff.type("withdraw-reason", "Le foyer s'est équipé entre-temps").press("Retirer l'orientation");
                assertThat(staff.path()).startsWith("/orientations/");
                assertThat(staff.text()).contains("Orientation retirée : le partenaire en lit le motif.")
                                        .containsPattern("Où en est l'orientation\\s+retirée")
                                        .containsPattern("Motif\\s+Le foyer s'est équipé entre-temps")
                                        .as("no withdrawal offered any more").doesNotContain("Motif du retrait");
                staff.click("Retour aux orientations");
                assertThat(staff.text()).as("the waiting list").doesNotContain(household);
            }
            partner.open("/partenaire").awaitText("retirée — motif : Le foyer s'est équipé entre-temps");
        }
    }

    /**
     * A referral a partner sent on paper: staff record it for the partner, dated as it was made; it waits for a
     * decision as any other. The partner then tells staff it is no longer needed: withdrawn from its page.
     */
    @Test
    void staffReferAHouseholdForAPartnerFromItsPaperForm() throws Exception {
        commandSide.post("/api/partners", Map.of("name", "Maison de l'étudiant de Poitiers", "kind", "UNIVERSITY"));
        try (Browser staff = new Browser(pages, "equipe-orientation-papier")) {
            staff.signIn("camille", PASSWORD).click("Partenaires")
                 .awaitText("Maison de l'étudiant de Poitiers")
                 .click("Orienter un foyer pour Maison de l'étudiant de Poitiers").look("orienter-pour-un-partenaire")
                 .choose("criterion", "étudiant")
                 .choose("need", "Tablette")
                 .type("householdSize", "1")
                 .type("children", "0")
                 .type("personalData.name", "Personne Sur Papier")
                 .set("refer-submittedAt", "2026-11-02T10:00")
                 .submitFormOf("householdSize");
            assertThat(staff.path()).isEqualTo("/orientations");
            assertThat(staff.text()).contains("Orientation enregistrée.",
                    "étudiant ; besoin : Tablette ; 1 personne(s) dont 0 enfant(s) ; orienté le 2 novembre 2026 10:00")
                                    .containsPattern("Foyer H-\\w{8}, orienté par Maison de l'étudiant de Poitiers")
                                    .doesNotContain("Personne Sur Papier");

            String household = staff.text().replaceAll(
                    "(?s).*Foyer (H-[0-9A-F]{8}), orienté par Maison de l'étudiant de Poitiers.*", "$1");
            staff.click("Ouvrir la fiche du foyer " + household);
            staff.type("withdraw-reason", "Le foyer a trouvé un ordinateur").press("Retirer l'orientation");
            assertThat(staff.text()).contains("Orientation retirée");
        }
    }

    @Test
    void anAuditorRunsTheVerification() throws Exception {
        try (Browser auditor = new Browser(pages, "auditeur")) {
            auditor.signIn("ines", PASSWORD);
            assertThat(auditor.path()).isEqualTo("/audit");
            assertThat(auditor.menu()).containsExactly("Vérification", "Registre des effacements");
            auditor.look("audit");
            auditor.press("Lancer la vérification");
            assertThat(auditor.text()).contains("Aucune anomalie", "appareils vérifiés",
                    "Politique d'effacement en vigueur");
            auditor.look("audit-resultat");

            // the erasure register: searched by a medium's serial, exported as CSV; a mistyped day is named
            auditor.click("Registre des effacements").type("serial", "s4os-2026-0101").submitFormOf("serial");
            assertThat(auditor.text()).contains("1 enregistrement");
            assertThat(auditor.row("OS-2026-0101")).contains("SSD NVMe", "S4OS-2026-0101", "effacé",
                    "Purge, Effacement cryptographique", "Camille", REPORT);
            auditor.look("registre");
            String csv = new String(auditor.download("Exporter en CSV"), StandardCharsets.UTF_8);
            assertThat(csv.lines()).hasSize(2).last().asString().contains("S4OS-2026-0101", REPORT);
            auditor.open("/registre-des-effacements?from=31/12/2026");
            assertThat(auditor.text()).contains("Ces filtres sont mal saisis :", "« Du » : date incorrecte");

            // one byte of a device's reception changed behind the programme's back: the alteration is named, and
            // that device's erasures are one link away
            try (Connection store = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD)) {
                String reception = "update domainEventEntry set payload = %s where aggregateIdentifier = ? "
                        + "and sequenceNumber = 0";
                alter(store, reception.formatted("payload || '\\x20'::bytea"));
                try {
                    auditor.open("/audit").press("Lancer la vérification");
                    assertThat(auditor.text()).contains("1 altération(s) de l'historique",
                            "« Reçu du donateur », objet " + auditedDevice);
                    auditor.look("audit-alteration");
                    auditor.click("voir ses effacements dans le registre");
                    assertThat(auditor.text()).contains("Les effacements d'un seul appareil.", "1 enregistrement");
                    assertThat(auditor.row("OS-2026-0101")).contains("S4OS-2026-0101");
                    assertThat(new String(auditor.download("Exporter en CSV"), StandardCharsets.UTF_8).lines())
                            .as("the export keeps the device").hasSize(2);
                } finally {
                    alter(store, reception.formatted("substring(payload from 1 for length(payload) - 1)"));
                }
            }
            auditor.open("/audit").press("Lancer la vérification");
            assertThat(auditor.text()).contains("Aucune anomalie");
        }
    }

    private static void alter(Connection store, String update) throws SQLException {
        try (PreparedStatement statement = store.prepareStatement(update)) {
            statement.setString(1, auditedDevice);
            assertThat(statement.executeUpdate()).isOne();
        }
    }

    /** Two clicks on one drawn form (or a tab sent again) send one command id: the partner is registered once. */
    @Test
    void aFormSentTwiceIsRecordedOnce() throws Exception {
        try (Browser staff = new Browser(pages, "equipe-double-envoi")) {
            staff.signIn("camille", PASSWORD).click("Partenaires")
                 .type("register-name", "Épicerie solidaire du Clain").choose("register-kind", "association");
            assertThat(staff.sendBeside("register-name")).isEqualTo(302);
            staff.submitFormOf("register-name");

            assertThat(staff.text()).contains("Partenaire enregistré.");
            staff.awaitText("Épicerie solidaire du Clain");
            try (Connection store = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD);
                 PreparedStatement registrations = store.prepareStatement("select count(*) from domainEventEntry"
                         + " where payloadType like '%.PartnerRegistered' and convert_from(payload, 'UTF8') like ?")) {
                registrations.setString(1, "%Épicerie solidaire du Clain%");
                ResultSet count = registrations.executeQuery();
                assertThat(count.next()).isTrue();
                assertThat(count.getInt(1)).as("partners registered").isOne();
            }
        }
    }

    /** Swagger UI is drawn by scripts: the policy that keeps injected scripts out of the pages lets it run. */
    @Test
    void theApiDescriptionsRunUnderThePagesContentSecurityPolicy() {
        try (Browser staff = new Browser(pages, "api")) {
            staff.signIn("camille", PASSWORD); // one session for both apps (docs/architecture.md)
            for (String app : List.of(pages, "http://localhost:" + commandSide.port())) {
                assertThat(staff.visit(app + "/swagger-ui/index.html").awaitDrawn(".opblock")).as(app)
                                                                                      .isGreaterThan(5);
                assertThat(staff.refusedByThePolicy()).as(app).isEmpty();
            }
        }
    }

    /** The id of the delivery the donor's page offers to reconcile, as its forms are named after it. */
    private static String batchOf(Browser donor) {
        return donor.formIds().stream().filter(id -> id.startsWith("confirm-")).findFirst().orElseThrow()
                    .substring("confirm-".length());
    }

    private static String erasedDevice(String donor, String assetTag) throws Exception {
        JsonNode received = commandSide.post("/api/devices", Map.of("assetTag", assetTag, "donorId", donor,
                "donationBatchReference", "LIV-2026-03", "category", "LAPTOP", "manufacturer", "Lenovo",
                "model", "ThinkPad T480", "storageMedia", new Object[]{Map.of("mediaType", "NVME_SSD",
                        "serialNumber", "S4" + assetTag)}, "receivedAt", "2026-03-02T09:00:00Z"));
        String device = received.get("deviceId").asText();
        commandSide.post("/api/devices/" + device + "/media/" + received.at("/storageMedia/0/mediumId").asText()
                + "/sanitisations", Map.of("level", "PURGE", "technique", "CRYPTOGRAPHIC_ERASE", "tool", "nwipe",
                "toolVersion", "0.37", "verificationMethod", "FULL", "verificationPassed", true, "operator", "Camille",
                "location", "Atelier Poitiers", "performedAt", "2026-03-03T09:00:00Z", "toolReportSha256", REPORT));
        return device;
    }

    private static void account(String username, Map<String, Object> access) throws Exception {
        commandSide.post("/api/accounts", Map.of("username", username, "password", PASSWORD, "access", access));
    }
}
