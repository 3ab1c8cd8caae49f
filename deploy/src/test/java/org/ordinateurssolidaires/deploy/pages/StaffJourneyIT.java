package org.ordinateurssolidaires.deploy.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.ordinateurssolidaires.deploy.Donors;
import org.ordinateurssolidaires.deploy.Households;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member of staff runs a device's life from the browser, at the one address people are given (the query side,
 * which passes the forms on to the command side): signs in, receives a device, finds it by its label, erases its
 * medium with the tool's report, refurbishes it, checks it, allocates it to the next household in line and hands it
 * over with the receipt the household signs; a refused form says the rule beside the form.
 */
class StaffJourneyIT {

    private static final String PASSWORD = "camille's own password";
    private static final String TOOL_REPORT = "Blancco Drive Eraser 7.9 — report 0042: 1 pass, verified, no error\n";

    @TempDir
    Path files;

    private static String database;
    private static RunningApp commandSide;
    private static RunningApp querySide;
    private static String pages;
    private static String donor;

    @BeforeAll
    static void startBothApps() throws Exception {
        database = PostgresTestDatabase.emptyDatabase("ordinateurs_pages_staff_it");
        commandSide = RunningApp.onPostgres("commandSide", database);
        commandSide.awaitHealthy(Duration.ofSeconds(120));
        querySide = RunningApp.onPostgresAs("querySide", database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD,
                "--ordinateurs.web.command-side-url=http://127.0.0.1:" + commandSide.port(),
                "--ordinateurs.web.refresh=1s");
        querySide.awaitHealthy(Duration.ofSeconds(120));
        commandSide.post("/api/accounts", Map.of("username", "camille", "password", PASSWORD,
                "access", Map.of("roles", List.of("STAFF"))));
        donor = Donors.withAgreement(commandSide);
        Households.acceptedReferral(commandSide, "LAPTOP");
        pages = "http://localhost:" + querySide.port();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        RunningApp.closeAll(querySide, commandSide);
    }

    /**
     * A dashboard left open after its session ended (it expired, or the account was closed) goes to the sign-in page
     * at its next refresh, rather than showing figures that no longer move; signed in again, it is back.
     */
    @Test
    void aDashboardWhoseSessionEndedGoesToSignInAtItsNextRefresh() throws Exception {
        commandSide.post("/api/accounts", Map.of("username", "dominique", "password", PASSWORD,
                "access", Map.of("roles", List.of("STAFF"))));
        try (Browser staff = new Browser(pages, "staff-session-ended")) {
            staff.signIn("dominique", PASSWORD);
            assertThat(staff.path()).isEqualTo("/tableau-de-bord");

            try (Connection sessions = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD); Statement ended = sessions.createStatement()) {
                assertThat(ended.executeUpdate("delete from spring_session where principal_name = 'dominique'"))
                        .isPositive();
            }
            staff.awaitPath("/login");
            staff.signIn("dominique", PASSWORD);
            assertThat(staff.path()).isEqualTo("/tableau-de-bord");
        }
    }

    /** A laptop given without its disk: received from the page on the donor's statement, refused without one. */
    @Test
    void receivesADeviceWhoseStorageTheDonorRemoved() throws Exception {
        try (Browser staff = new Browser(pages, "staff")) {
            staff.signIn("camille", PASSWORD);
            staff.click("Réception")
                 .type("assetTag", "OS-2026-0077")
                 .choose("donorId", "Université de Poitiers")
                 .type("donationBatchReference", "LIV-2026-04")
                 .choose("category", "Ordinateur portable")
                 .type("manufacturer", "Dell")
                 .type("model", "Latitude 7490")
                 .submitFormOf("assetTag");
            assertThat(staff.text()).contains("L'étape n'a pas été enregistrée",
                    "ou avec la déclaration du donateur que son stockage a été retiré");

            staff.type("storageRemoval.statedBy", "Olivier Lambert, DSI")
                 .set("storageRemoval.statedOn", LocalDate.now(ZoneId.of("Europe/Paris")).toString())
                 .type("storageRemoval.documentReference", "Annexe 2, convention 2023-0208")
                 .submitFormOf("assetTag");
            assertThat(staff.path()).as("%s", staff.text()).startsWith("/appareils/");
            assertThat(staff.text()).contains("Réception enregistrée.", "OS-2026-0077",
                    "Retrait du stockage déclaré par le donateur",
                    "Arrivé sans support de stockage : le donateur déclare l'avoir retiré avant le don (déclaré par "
                    + "Olivier Lambert, DSI le ", "document : Annexe 2, convention 2023-0208)")
                                  .doesNotContain("Aucun support de stockage.")
                                  .containsPattern("\\d{2}:\\d{2} Retrait du stockage déclaré par le donateur");
            staff.look("appareil-sans-stockage");

            // the workshop fits a new disk where the donor's was: it is erased in turn, before the quality check
            staff.reveal("Ajouter un support de stockage")
                 .choose("fitMedium-mediaType", "SSD NVMe")
                 .type("fitMedium-medium.manufacturer", "Crucial")
                 .type("fitMedium-medium.serialNumber", "CT500-2026-77")
                 .type("fitMedium-medium.capacityGigabytes", "500")
                 .type("fitMedium-reason", "SSD neuf, le donateur avait retiré le disque")
                 .submitFormOf("fitMedium-reason");
            // until the quality check another may be fitted; this one, holding data, is not offered to be taken out
            assertThat(staff.text()).as("%s", staff.text())
                                    .contains("Support ajouté : il est à effacer avant le contrôle qualité.",
                                            "CT500-2026-77", "500 Go", "Effacer le support SSD NVMe CT500-2026-77",
                                            "Ajouter un support de stockage")
                                    .doesNotContain("Retirer le support");
            staff.look("support-ajoute");

            // the model was misread at reception: corrected, the history keeps both
            staff.reveal("Corriger la fiche de l'appareil").type("correct-reason", "Modèle mal lu")
                 .submitFormOf("correct-reason");
            assertThat(staff.text()).as("a correction that changes nothing")
                                    .contains("L'étape n'a pas été enregistrée");
            staff.type("correct-model", "Latitude 7480").type("correct-reason", "Modèle mal lu sur l'étiquette")
                 .submitFormOf("correct-reason");
            assertThat(staff.text()).contains("Correction enregistrée.", "Dell Latitude 7480",
                    "Informations corrigées", "Modèle : Latitude 7490 → Latitude 7480 — motif : Modèle mal lu sur l'étiquette");
            staff.look("fiche-corrigee");
        }
    }

    @Test
    void takesADeviceFromReceptionToHandOver() throws Exception {
        Path report = Files.writeString(files.resolve("rapport-effacement.txt"), TOOL_REPORT);
        try (Browser staff = new Browser(pages, "staff")) {
            staff.signIn("camille", PASSWORD);
            assertThat(staff.path()).isEqualTo("/tableau-de-bord");
            assertThat(staff.menu()).containsExactly("Tableau de bord", "Inventaire", "Réception", "Orientations",
                    "Donateurs", "Cérémonies", "Partenaires", "Vérification", "Registre des effacements");
            staff.look("tableau-de-bord");

            staff.click("Réception").look("reception")
                 .type("assetTag", "OS-2026-0042")
                 .choose("donorId", "Université de Poitiers")
                 .type("donationBatchReference", "LIV-2026-03")
                 .choose("category", "Ordinateur portable")
                 .type("manufacturer", "Lenovo")
                 .type("model", "ThinkPad T480")
                 .type("serialNumber", "PF1ABCDE")
                 .choose("medium0-type", "SSD NVMe")
                 .type("medium0-serial", "S4DXNF0M123456")
                 .submitFormOf("assetTag");
            assertThat(staff.path()).startsWith("/appareils/");
            assertThat(staff.text()).contains("Réception enregistrée.", "À effacer", "Université de Poitiers",
                    "SSD NVMe", "S4DXNF0M123456", "Reçu du donateur");
            String devicePage = staff.path();
            staff.look("appareil-recu");

            // the same tag again is refused, with the rule in words beside the form, and nothing typed is lost
            staff.click("Réception")
                 .type("assetTag", "OS-2026-0042")
                 .choose("donorId", "Université de Poitiers")
                 .type("donationBatchReference", "LIV-2026-03")
                 .type("manufacturer", "Dell")
                 .type("model", "Latitude 5490")
                 .choose("medium0-type", "Disque dur")
                 .submitFormOf("assetTag");
            assertThat(staff.path()).isEqualTo("/reception");
            assertThat(staff.text()).contains("L'étape n'a pas été enregistrée",
                    "Ce numéro d'inventaire est déjà attribué à un autre appareil");
            // a field no page has is refused with the whole form, not answered with a fault
            staff.smuggle("assetTag", "storageMedia[5000].serialNumber", "Z").submitFormOf("assetTag");
            assertThat(staff.text()).contains("Le formulaire reçu n'est pas celui de la page");
            staff.look("reception-refusee");
            // a medium's field refused is said beside it, in its own fieldset, as well as above the form
            staff.click("Réception").type("assetTag", "OS-2026-0043").choose("donorId", "Université de Poitiers")
                 .type("donationBatchReference", "LIV-2026-03").type("manufacturer", "Dell")
                 .type("model", "Latitude 5490").choose("medium1-type", "Disque dur")
                 .type("medium1-capacity", "2000000").submitFormOf("assetTag");
            assertThat(staff.ids("receive-storageMedia[1].capacityGigabytes-erreur")).hasSize(1);
            assertThat(staff.value("medium1-capacity")).as("kept as typed").isEqualTo("2000000");
            assertThat(staff.text()).as("above the form, which of the media").contains("Capacité du support (n° 2) : ");

            // a label scanned into the search box opens the device's page
            staff.click("Tableau de bord").type("q", "OS-2026-0042").submitFormOf("q");
            assertThat(staff.path()).isEqualTo(devicePage);

            // a failed erasure sent without its reason comes back as typed: failed, at its moment, never as a pass
            String sanitise = "sanitise-" + mediumFormOf(staff);
            String now = staff.value(sanitise + "-performedAt");
            staff.tick(sanitise + "-failed").set(sanitise + "-performedAt", "2026-12-01T09:30");
            erase(staff, sanitise, "Purge", "Effacement par blocs", "Blancco Drive Eraser", "7.9", report);
            assertThat(staff.text()).contains("une vérification échouée demande un motif");
            assertThat(staff.ticked(sanitise + "-failed")).isTrue();
            assertThat(staff.ticked(sanitise + "-passed")).isFalse();
            assertThat(staff.value(sanitise + "-performedAt")).isEqualTo("2026-12-01T09:30");
            staff.tick(sanitise + "-passed").set(sanitise + "-performedAt", now);

            // degaussing does nothing to an SSD: the form offers a purge first, and refuses this, in words
            erase(staff, sanitise, "Effacement simple (clear)", "Démagnétisation", "Degausser", "1", report);
            assertThat(staff.text()).contains("L'étape n'a pas été enregistrée",
                    "Cet effacement n'efface pas ce type de support", "À effacer");
            staff.look("effacement-refuse");
            erase(staff, sanitise, "Purge", "Effacement par blocs", "Blancco Drive Eraser", "7.9", report);
            assertThat(staff.text()).contains("Effacement enregistré.", "Effacé", sha256(TOOL_REPORT),
                    "Support effacé", "opérateur : Camille Martin", "enregistré par camille");
            staff.look("appareil-efface");

            // a text box runs over several lines, as the API's multi-line fields do
            staff.type("refurbish-workDone", "Nettoyage\nbatterie neuve")
                 .type("refurbish-operatingSystem", "Linux Mint 22")
                 .type("refurbish-technician", "Camille Martin")
                 .submitFormOf("refurbish-workDone");
            assertThat(staff.text()).contains("Reconditionnement enregistré.", "Reconditionné",
                    "technicien : Camille Martin");

            staff.type("check-inspector", "Dominique Bernard").submitFormOf("check-inspector");
            assertThat(staff.text()).contains("L'étape n'a pas été enregistrée",
                    "un contrôle réussi demande un grade");
            // said beside its field, and tied to it for a screen reader (an outside probe: it was not on this form)
            assertThat(staff.describedBy("check-grade")).isEqualTo("un contrôle réussi demande un grade");
            assertThat(staff.describedBy("check-inspector")).isNull();
            staff.look("controle-refuse");
            staff.choose("check-grade", "A").type("check-inspector", "Dominique Bernard")
                 .submitFormOf("check-inspector");
            assertThat(staff.text()).contains("Contrôle qualité enregistré.", "Prêt à donner",
                    "Contrôle qualité réussi", "grade A ; contrôleur : Dominique Bernard");
            staff.look("appareil-pret");

            assertThat(staff.text()).contains("Foyer", "demandeur d'emploi", "France Travail Poitiers",
                    "(proposé : le suivant dans la file)");
            staff.submitFormOf("allocate-outOfTurnReason");
            assertThat(staff.text()).contains("Attribution enregistrée.", "Attribué", "Attribué à un foyer");
            // an allocation called off puts the device back in the ready stock; it is then allocated again
            staff.reveal("Annuler l'attribution")
                 .type("cancelAllocation-reason", "Le foyer a déménagé\nhors de la ville").submitFormOf("cancelAllocation-reason");
            assertThat(staff.text()).contains("Attribution annulée.", "Prêt à donner");
            staff.submitFormOf("allocate-outOfTurnReason");
            assertThat(staff.text()).contains("Attribution enregistrée.", "Attribué");
            staff.look("appareil-attribue");

            byte[] receipt = staff.download("Reçu de remise à faire signer (PDF)");
            assertThat(Pdf.text(receipt)).contains("Reçu de remise de matériel informatique", "OS-2026-0042",
                    "remis gratuitement", "France Travail Poitiers");
            Files.write(Path.of(System.getProperty("logDirectory", "target"), "pages", "staff-recu-remise.pdf"),
                    receipt);
            JsonNode verdict = querySide.post("/api/documents/verification", "application/pdf", receipt);
            assertThat(verdict.get("genuine").asBoolean()).as("the receipt is sealed").isTrue();
            assertThat(verdict.get("kind").asText()).isEqualTo("hand-over-receipt");

            // a ceremony planned for today, the donor invited, and the hand-over recorded at it
            String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
            staff.click("Cérémonies").set("schedule-date", today).type("schedule-place", "  ")
                 .submitFormOf("schedule-place");
            assertThat(staff.text()).contains("corrigez les champs signalés", "Lieu : obligatoire");
            // a date outside the programme's span is refused with the span, and named with the place left blank
            staff.set("schedule-date", "0001-01-01").type("schedule-place", "  ")
                 .submitFormOf("schedule-place");
            assertThat(staff.text()).contains("corrigez les champs signalés",
                    "Date : entre le 1er janvier 2000 et le 31 décembre 2099", "Lieu : obligatoire");
            staff.set("schedule-date", today).type("schedule-place", "Salle des fêtes de Poitiers")
                 .submitFormOf("schedule-place");
            assertThat(staff.text()).contains("Cérémonie planifiée.", "Aucun donateur invité");
            String ceremony = staff.ids("ceremonie-").get(0).substring("ceremonie-".length());
            staff.reveal("Inviter des donateurs").tick("invite-" + ceremony + "-" + donor)
                 .submitFormOf("invite-" + ceremony + "-" + donor);
            assertThat(staff.text()).contains("Invitations enregistrées.",
                    "Donateurs invités : Université de Poitiers");
            staff.look("ceremonie-planifiee");
            // recorded as held before its hand-overs are: the hand-over form still offers it, as it is today's
            staff.reveal("Enregistrer la cérémonie tenue")
                 .type("held-" + ceremony + "-householdsPresent", "1").type("held-" + ceremony + "-donorsPresent", "1")
                 .submitFormOf("held-" + ceremony + "-donorsPresent");
            assertThat(staff.text()).contains("Cérémonie enregistrée comme tenue.");
            // as French writes a day: the first of a month is "1er"
            String todayInWords = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.FRENCH)
                                                   .format(LocalDate.parse(today)).replaceFirst("^1 ", "1er ");
            staff.open(devicePage).choose("handOver-ceremonyId", todayInWords + " — Salle des fêtes de Poitiers");

            staff.submitFormOf("handOver-freeOfCharge");
            assertThat(staff.text()).contains("L'étape n'a pas été enregistrée",
                    "cochez la case : le foyer reconnaît la gratuité");
            staff.tick("handOver-freeOfCharge").submitFormOf("handOver-freeOfCharge");
            assertThat(staff.text()).contains("Remise enregistrée.", "Remis", "Remis au foyer",
                    "à la cérémonie du " + todayInWords + " (Salle des fêtes de Poitiers)");
            staff.look("appareil-remis");
            // a copy printed once it is handed over says when
            assertThat(Pdf.text(staff.download("Reçu de remise à faire signer (PDF)"))).contains("Remis au foyer le",
                    "(/verification)");

            // the dashboard counts it among this month's, and times its way from reception to hand-over
            staff.click("Tableau de bord");
            assertThat(staff.tile("Remis ce mois-ci")).isEqualTo("1");
            assertThat(staff.row("De la réception à la remise, en tout")).endsWith(" 1").contains("0,0");
            // its household was the only one waiting, for a laptop: none waits now, and none is missing
            assertThat(staff.row("Ordinateur portable")).isEqualTo("Ordinateur portable 0 0 0");
            staff.look("tableau-de-bord-apres-remise");
            // a device another person receives meanwhile is counted without a reload
            int tracked = Integer.parseInt(staff.tile("Appareils suivis"));
            receivedWithDisks("OS-2026-0779", "WD-WX779");
            staff.awaitTile("Appareils suivis", String.valueOf(tracked + 1));

            staff.click("Cérémonies");
            assertThat(staff.row("Salle des fêtes de Poitiers")).as("held: no reason to call it off")
                                                               .endsWith("tenue 1 1 1 —");
            staff.look("ceremonie-tenue");

            staff.click("Inventaire").look("inventaire");
            // a device another person receives meanwhile shows up on the list without a reload
            commandSide.post("/api/devices", Map.of("assetTag", "OS-2026-0777", "donorId", donor,
                    "donationBatchReference", "LIV-2026-04", "category", "DESKTOP", "manufacturer", "HP",
                    "model", "EliteDesk 800", "storageMedia", List.of(Map.of("mediaType", "HARD_DISK_DRIVE")),
                    "receivedAt", "2026-03-02T09:00:00Z"));
            staff.awaitLive("OS-2026-0777");
            assertThat(staff.row("OS-2026-0042")).contains("Université de Poitiers", "Remis");
            byte[] labels = staff.download("Imprimer les étiquettes de ces appareils (PDF, planche A4 de 3 × 8)");
            Files.write(Path.of(System.getProperty("logDirectory", "target"), "pages", "staff-etiquettes.pdf"),
                    labels);
            assertThat(Pdf.text(labels).replaceAll("\\s+", " ")) // what the device is wraps under its tag
                    .contains("OS-2026-0042", "Ordinateur portable Lenovo ThinkPad T480");
            // the export follows the list's filters: the devices handed over; for French Excel
            staff.open("/inventaire?state=HANDED_OVER");
            String csv = new String(staff.download("Exporter en CSV"), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFFN° d'inventaire;État;Depuis;Catégorie;");
            assertThat(csv.lines()).hasSize(2).last().asString()
                                   .startsWith("OS-2026-0042;Remis;")
                                   .contains("Université de Poitiers", "LIV-2026-03", ";1;1;A");

            // the household gives it back: its medium is to be erased again
            staff.open(devicePage).reveal("Retour de l'appareil par le foyer")
                 .type("giveBack-reason", "Écran cassé").submitFormOf("giveBack-reason");
            assertThat(staff.text()).contains("Retour enregistré", "À effacer", "Rendu par le foyer");
        }
    }

    /** Its first disk shredded and taken out while the second still awaits its fate, then the second shredded too. */
    @Test
    void destroysAMediumRatherThanEraseItThenRecyclesTheDevice() throws Exception {
        JsonNode received = receivedWithDisks("OS-2026-0666", "WD-WX11A", "WD-WX11B");
        String medium = received.at("/storageMedia/0/mediumId").asText();
        String second = received.at("/storageMedia/1/mediumId").asText();
        awaitInTheInventory("OS-2026-0666");
        try (Browser staff = new Browser(pages, "staff-recyclage")) {
            staff.signIn("camille", PASSWORD).open("/appareils/" + received.get("deviceId").asText())
                 .reveal("Détruire physiquement le support Disque dur WD-WX11A")
                 .choose("destroy-" + medium + "-method", "broyage")
                 .type("destroy-" + medium + "-operator", "Camille Martin")
                 .type("destroy-" + medium + "-location", "Atelier Poitiers")
                 .submitFormOf("destroy-" + medium + "-operator");
            assertThat(staff.text()).contains("Destruction enregistrée.", "Détruit", "À effacer");
            // what is left of the disk leaves the device, though the other still holds data; its destruction stays
            staff.reveal("Retirer le support Disque dur WD-WX11A")
                 .type("takeOut-" + medium + "-reason", "Disque broyé, débris remis au recycleur")
                 .submitFormOf("takeOut-" + medium + "-reason");
            assertThat(staff.text()).contains("Retrait du support enregistré.", "Support détruit",
                            "Support retiré", "Disque dur n° WD-WX11A : Disque broyé, débris remis au recycleur")
                                    .doesNotContain("Retirer le support", "Envoyer au recyclage");
            staff.reveal("Détruire physiquement le support Disque dur WD-WX11B")
                 .choose("destroy-" + second + "-method", "broyage")
                 .type("destroy-" + second + "-operator", "Camille Martin")
                 .type("destroy-" + second + "-location", "Atelier Poitiers")
                 .submitFormOf("destroy-" + second + "-operator");
            assertThat(staff.text()).contains("Destruction enregistrée.", "Effacé",
                    "Retirer le support Disque dur WD-WX11B");
            staff.reveal("Envoyer au recyclage").type("recycle-recycler", "Écologic")
                 .type("recycle-certificateReference", "   ");
            staff.submitFormOf("recycle-recycler"); // its moment is now, though another form's refusal is shown
            assertThat(staff.text()).contains("corrigez les champs signalés", "obligatoire");
            staff.type("recycle-recycler", "Écologic").type("recycle-certificateReference", "BSD-2026-118")
                 .submitFormOf("recycle-recycler");
            assertThat(staff.text()).contains("Recyclage enregistré.", "Recyclé");
            staff.look("appareil-recycle");
        }
    }

    /** A colleague, or another tab, moved the device on after this page was drawn: the form is no longer there. */
    @Test
    void aFormSentFromAPageDrawnBeforeTheDeviceMovedOnIsRefusedAboveThePage() throws Exception {
        JsonNode received = receivedWithDisks("OS-2026-0555", "WD-WX22B");
        String device = received.get("deviceId").asText();
        String medium = received.at("/storageMedia/0/mediumId").asText();
        awaitInTheInventory("OS-2026-0555");
        try (Browser staff = new Browser(pages, "staff-page-perimee")) {
            staff.signIn("camille", PASSWORD).open("/appareils/" + device)
                 .reveal("Détruire physiquement le support Disque dur WD-WX22B")
                 .choose("destroy-" + medium + "-method", "broyage")
                 .type("destroy-" + medium + "-operator", "Camille Martin")
                 .type("destroy-" + medium + "-location", "Atelier Poitiers");
            commandSide.post("/api/devices/" + device + "/media/" + medium + "/destruction", Map.of("method",
                    "SHRED", "operator", "Sam Petit", "location", "Atelier Poitiers",
                    "destroyedAt", "2026-03-03T09:00:00Z"));
            await().atMost(Duration.ofSeconds(10)).until(() -> querySide.get("/api/devices/" + device)
                    .at("/media/0/erasureStatus").asText().equals("DESTROYED"));
            staff.submitFormOf("destroy-" + medium + "-operator");

            assertThat(staff.pageRefusal()).contains("Ce formulaire n'est plus proposé sur cette page",
                    "Rien n'a été enregistré", "L'étape n'a pas été enregistrée",
                    "Un support détruit ne s'efface ni ne se détruit à nouveau.");
            assertThat(staff.formIds()).noneMatch(id -> id.startsWith("destroy-"));
            staff.look("formulaire-plus-propose");
            // a refusal its own form shows is said there alone
            staff.reveal("Envoyer au recyclage").type("recycle-recycler", "Écologic")
                 .type("recycle-certificateReference", "   ");
            staff.submitFormOf("recycle-recycler"); // its moment is now, though another form's refusal is shown
            assertThat(staff.text()).contains("corrigez les champs signalés");
            assertThat(staff.pageRefusal()).isEmpty();
            // low on a long page: the browser is brought back to it, not to the page's top
            assertThat(staff.inView("#refus-recycle")).as("the refusal in view").isTrue();
        }
    }

    /**
     * A form still offered, drawn before a colleague's step (here the API's): sent as it was, it would put back
     * what that step corrected. Refused above its form, which is drawn again from the device as it is now.
     */
    @Test
    void aCorrectionDrawnBeforeAColleaguesIsRefusedAndShownAgainAsTheDeviceIsNow() throws Exception {
        JsonNode received = receivedWithDisks("OS-2026-0556", "WD-WX23C");
        String device = received.get("deviceId").asText();
        awaitInTheInventory("OS-2026-0556");
        try (Browser staff = new Browser(pages, "staff-onglet-ancien")) {
            staff.signIn("camille", PASSWORD).open("/appareils/" + device)
                 .reveal("Corriger la fiche de l'appareil")
                 .type("correct-serialNumber", "5CG7301A")
                 .type("correct-reason", "Numéro de série relevé sur l'étiquette");
            commandSide.post("/api/devices/" + device + "/corrections", Map.of("model", "Latitude 7480",
                    "reason", "Modèle mal lu"));
            staff.submitFormOf("correct-reason");

            assertThat(staff.text()).contains("L'étape n'a pas été enregistrée",
                    "Une autre étape a été enregistrée depuis l'affichage de ce formulaire",
                    "Modèle : X550 → Latitude 7480 — motif : Modèle mal lu")
                                    .doesNotContain("Correction enregistrée.", "5CG7301A");
            assertThat(staff.pageRefusal()).as("said above its own form").isEmpty();
            assertThat(staff.value("correct-model")).isEqualTo("Latitude 7480");
            staff.look("formulaire-d-un-onglet-ancien");

            staff.type("correct-serialNumber", "5CG7301A")
                 .type("correct-reason", "Numéro de série relevé sur l'étiquette")
                 .submitFormOf("correct-reason");
            assertThat(staff.text()).contains("Correction enregistrée.", "5CG7301A",
                    "Modèle : X550 → Latitude 7480");
        }
    }

    /**
     * The inventory behind the store (a slow database, a long batch): a page drawn from it shows the device as it was
     * before a colleague's step, and its forms carry the version those fields show, not the store's. Sent, the step
     * is refused rather than recorded over the colleague's it never showed; once the inventory has it, the page does.
     */
    @Test
    void aPageDrawnWhileTheInventoryLagsIsRefusedRatherThanRecordedOverWhatItNeverShowed() throws Exception {
        String device = receivedWithDisks("OS-2026-0559", "WD-WX25F").get("deviceId").asText();
        awaitInTheInventory("OS-2026-0559");
        try (Connection held = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Browser staff = new Browser(pages, "staff-inventaire-en-retard")) {
            held.setAutoCommit(false);
            // the inventory's processor cannot record how far it went: none of its batches commits until this ends
            try (Statement tokens = held.createStatement()) {
                tokens.executeQuery("select * from tokenentry where processorname = 'inventory' for update").close();
            }
            commandSide.post("/api/devices/" + device + "/corrections", Map.of("model", "Latitude 7480",
                    "reason", "Modèle mal lu"));
            staff.signIn("camille", PASSWORD).open("/appareils/" + device);
            assertThat(staff.value("correct-model")).as("drawn from the inventory as it lags").isEqualTo("X550");

            staff.reveal("Corriger la fiche de l'appareil")
                 .type("correct-serialNumber", "5CG7302B")
                 .type("correct-reason", "Numéro de série relevé sur l'étiquette")
                 .submitFormOf("correct-reason");

            assertThat(staff.text()).contains("L'étape n'a pas été enregistrée",
                    "Une autre étape a été enregistrée depuis l'affichage de ce formulaire")
                                    .doesNotContain("Correction enregistrée.");
            held.rollback();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(staff.open("/appareils/" + device)
                    .value("correct-model")).isEqualTo("Latitude 7480"));
        }
        try (Connection store = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement corrections = store.createStatement();
             var found = corrections.executeQuery("select count(*) from domainevententry where aggregateidentifier = '"
                     + device + "' and payloadtype like '%DeviceDetailsCorrected'")) {
            found.next();
            assertThat(found.getLong(1)).as("the colleague's correction alone").isOne();
        }
    }

    /** A serial typed twice, or a disk moved without being taken out: the page says so, and links the other. */
    @Test
    void aDevicesPageSaysWhenAnotherListsAMediumOfTheSameSerial() throws Exception {
        String device = receivedWithDisks("OS-2026-0557", "WD-WX24D", "WD-WX24E").get("deviceId").asText();
        receivedWithDisks("OS-2026-0558", "WD-WX24D");
        awaitInTheInventory("OS-2026-0558");
        try (Browser staff = new Browser(pages, "staff-meme-serie")) {
            staff.signIn("camille", PASSWORD).open("/appareils/" + device);

            assertThat(staff.text()).contains("Le support Disque dur WD-WX24D porte le même numéro de série qu'un "
                    + "support de l'appareil OS-2026-0558.", "Un même support ne peut être dans deux appareils")
                                    .doesNotContain("WD-WX24E porte");
            staff.look("meme-numero-de-serie");
            staff.click("OS-2026-0558");
            assertThat(staff.path()).isNotEqualTo("/appareils/" + device).startsWith("/appareils/");
        }
    }

    @Test
    void importsADeliveryAndShowsEachRowAtFaultOfARefusedFile() throws Exception {
        String documented = Files.readString(Path.of("../docs/donation-batch-template.csv"));
        try (Browser staff = new Browser(pages, "staff-livraison")) {
            staff.signIn("camille", PASSWORD).click("Réception")
                 .click("Ou importer toute une livraison d'un fichier CSV").look("livraison");
            // the template to fill in is the one the documentation describes, as French Excel opens it: marked as
            // UTF-8, its cells between semicolons (the one quoted for its comma needs no quotes between them)
            byte[] template = staff.download("Télécharger le modèle de livraison (CSV)");
            assertThat(new String(template, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + documented.replace(',', ';')
                    .replace("\"Olivier Lambert; DSI\"", "Olivier Lambert, DSI"));
            // filled in and saved as Excel does ("CSV UTF-8"): its header kept, a row per device
            String header = new String(template, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            String laptop = "OS-2026-0301;LAPTOP;Dell;Latitude 5490;5CG81234AB;capot rayé;SATA_SSD;SK hynix;"
                            + "HFS256G39TND;EJ7A1;256;;;;;;;;\r\n";
            Path refused = Files.writeString(files.resolve("livraison-refusee.csv"), header + "\r\n" + laptop
                    + "OS-2026-0302;PHONE;Dell;Latitude 5490;5CG81234AC;;SATA_SSD;SK hynix;HFS256G39TND;EJ7A2;256"
                    + ";;;;;;;;\r\n");
            Path accepted = Files.writeString(files.resolve("livraison.csv"), header + "\r\n" + laptop
                    + "OS-2026-0302;DESKTOP;HP;ProDesk 600 G4;CZC8123456;;NVME_SSD;Samsung;MZVLB256HAHQ;S4DX1;256"
                    + ";;;;;;;;\r\n");
            staff.choose("donorId", "Université de Poitiers")
                 .type("reference", "LIV-2026-11")
                 .attach("file", refused)
                 .submitFormOf("file");
            assertThat(staff.path()).isEqualTo("/livraisons/nouvelle");
            assertThat(staff.text()).contains("Le fichier est refusé en entier, rien n'est enregistré",
                    "Ligne 3, colonne category : une de ces valeurs est attendue : LAPTOP, DESKTOP, TABLET");
            staff.look("livraison-refusee");

            staff.choose("donorId", "Université de Poitiers").type("reference", "LIV-2026-11")
                 .attach("file", accepted).submitFormOf("file");
            assertThat(staff.path()).isEqualTo("/inventaire");
            assertThat(staff.text()).contains("Livraison importée : 2 appareil(s) reçu(s).",
                    "OS-2026-0301 — Dell Latitude 5490", "OS-2026-0302 — HP ProDesk 600 G4");
            staff.look("livraison-importee");
        }
    }

    @Test
    void speaksEnglishOnRequest() throws Exception {
        try (Browser staff = new Browser(pages, "staff-en")) {
            staff.signIn("camille", PASSWORD).open("/tableau-de-bord?lang=en");
            assertThat(staff.menu()).containsExactly("Dashboard", "Inventory", "Reception", "Referrals", "Donors",
                    "Ceremonies", "Partners", "Verification", "Erasure register");
            staff.open("/inventaire");
            assertThat(staff.title()).isEqualTo("Inventory — Ordinateurs solidaires");
            // a language the pages do not speak is not taken: the reader's stays
            staff.open("/inventaire?lang=xx").open("/inventaire");
            assertThat(staff.title()).isEqualTo("Inventory — Ordinateurs solidaires");
            // an address that is no page answers a page, in the reader's language
            staff.open("/no-such-page");
            assertThat(staff.title()).isEqualTo("Not found — Ordinateurs solidaires");
            assertThat(staff.statusOf("/no-such-page")).isEqualTo(404);
            staff.look("inventory-en");
            // a refused form's fields, punctuated as English is
            staff.click("Ceremonies").set("schedule-date", LocalDate.now(ZoneId.of("Europe/Paris")).toString())
                 .type("schedule-place", "  ").submitFormOf("schedule-place");
            assertThat(staff.text()).contains("correct the fields marked", "Place: required")
                                    .doesNotContain("Place : required");
        }
    }

    /** A page's own form sent without its CSRF token (a session that ended, another site's form) gets a page. */
    @Test
    void aFormWithoutItsTokenGetsThePagesAnswerNotJson() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(pages + "/audit")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).as(answer.body()).startsWith("text/html"));
        assertThat(answer.body()).contains("Accès refusé", "votre session a pris fin");
    }

    /** Everything here without a mouse: sign in, skip the menu, find a device by its label, open it. */
    @Test
    void worksFromTheKeyboardAlone() throws Exception {
        commandSide.post("/api/devices", Map.of("assetTag", "OS-2026-0888", "donorId", donor,
                "donationBatchReference", "LIV-2026-04", "category", "TABLET", "manufacturer", "Apple",
                "model", "iPad 9", "storageMedia", List.of(Map.of("mediaType", "EMBEDDED_FLASH")),
                "receivedAt", "2026-03-02T09:00:00Z"));
        awaitInTheInventory("OS-2026-0888"); // a label scanned names a device already there
        try (Browser staff = new Browser(pages, "staff-clavier")) {
            staff.open("/login");
            assertThat(staff.focused()).as("the sign-in form waits for the username").isEqualTo("username");
            staff.keys("camille", Keys.TAB, PASSWORD).awaitNextPageAfter(Keys.ENTER);
            assertThat(staff.path()).isEqualTo("/tableau-de-bord");

            staff.keys(Keys.TAB);
            assertThat(staff.focused()).isEqualTo("Aller au contenu");
            staff.keys(Keys.ENTER, Keys.TAB);
            assertThat(staff.focused()).as("the first field after the menu").isEqualTo("q");
            staff.keys("OS-2026-0888").awaitNextPageAfter(Keys.ENTER);
            assertThat(staff.path()).startsWith("/appareils/");
        }
    }

    @Test
    void fitsAPhonesScreen() throws Exception {
        try (Browser phone = new Browser(pages, "staff-390")) {
            phone.narrow().signIn("camille", PASSWORD);
            // a device's page too, with its erasure form and what the policy accepts for its disk, whose serial of
            // a hundred characters (as long as one may be) names its forms
            String device = "/appareils/" + receivedWithDisks("OS-2026-0390", "WD-390-" + "X".repeat(93))
                    .get("deviceId").asText();
            // a partner's contacts, whose table's hidden header once escaped its scrolling box and widened the page
            String partner = commandSide.post("/api/partners", Map.of("name", "Mission locale du Pays mélusin",
                    "kind", "JOB_CENTRE")).get("partnerId").asText();
            commandSide.post("/api/partners/" + partner + "/contacts", Map.of("name", "Inès Garnier-Delacroix",
                    "role", "conseillère en insertion professionnelle", "email", "ines.garnier@example.org",
                    "phone", "05 49 00 00 00"));
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                   .until(() -> querySide.get("/api/partners/" + partner).get("contacts").size() == 1);
            for (String page : List.of("/tableau-de-bord", "/inventaire", "/reception", "/orientations", "/donateurs",
                    "/ceremonies", "/partenaires", "/registre-des-effacements", "/audit", device)) {
                phone.open(page).look(page.startsWith("/appareils/") ? "appareil" : page.substring(1));
                assertThat(phone.scrollsSideways()).as("%s scrolls sideways at 390 px", page).isFalse();
            }
        }
    }

    /** An Asus laptop with one hard disk, received through the API. */
    private static JsonNode receivedWithDisks(String assetTag, String... diskSerials) throws Exception {
        return commandSide.post("/api/devices", Map.of("assetTag", assetTag, "donorId", donor,
                "donationBatchReference", "LIV-2026-04", "category", "LAPTOP", "manufacturer", "Asus",
                "model", "X550", "storageMedia", Arrays.stream(diskSerials).map(serial -> Map.of("mediaType",
                        "HARD_DISK_DRIVE", "serialNumber", serial)).toList(), "receivedAt", "2026-03-02T09:00:00Z"));
    }

    /** Until the inventory shows the device received through the API a moment ago (its projection follows). */
    private static void awaitInTheInventory(String assetTag) {
        await().atMost(Duration.ofSeconds(10))
               .until(() -> querySide.get("/api/devices?q=" + assetTag).get("totalDevices").asInt() == 1);
    }

    /** Fills the erasure form {@code form} (its level, technique and tool as their lists and fields show them). */
    private static void erase(Browser staff, String form, String level, String technique, String tool,
                              String toolVersion, Path report) {
        staff.choose(form + "-level", level)
             .choose(form + "-technique", technique)
             .type(form + "-tool", tool)
             .type(form + "-toolVersion", toolVersion)
             .type(form + "-operator", "Camille Martin")
             .type(form + "-location", "Atelier du pôle Inclusion numérique, Poitiers")
             .attach(form + "-toolReport", report)
             .submitFormOf(form + "-tool");
    }

    /** The erasure form of the device's one medium is named after the medium's id. */
    private static String mediumFormOf(Browser staff) {
        return staff.formIds().stream().filter(id -> id.startsWith("sanitise-")).findFirst().orElseThrow()
                    .substring("sanitise-".length());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                     .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
